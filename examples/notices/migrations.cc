#include "examples/notices/migrations.h"

namespace wp::examples::notices {

// [START migrations]
const std::vector<store::Migration>& Migrations() {
  static const auto* migrations = new std::vector<store::Migration>{
      {1, "notices", R"sql(
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  posted_by TEXT NOT NULL,
  create_us INTEGER NOT NULL
);
)sql"},
  };
  return *migrations;
}
// [END migrations]

}  // namespace wp::examples::notices
