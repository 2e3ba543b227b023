#include "libs/store/database.h"

namespace wp::store {

absl::StatusOr<Row> Transaction::QueryOne(absl::string_view sql, const std::vector<Value>& params) {
  absl::StatusOr<std::vector<Row>> rows = Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return absl::NotFoundError("no row");
  return std::move(rows->front());
}

}  // namespace wp::store
