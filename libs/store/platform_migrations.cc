#include "libs/store/platform_migrations.h"

namespace wp::store {

const std::vector<Migration>& PlatformMigrations() {
  static const auto* migrations = new std::vector<Migration>{
      {1, "outbox and handled events",
       R"sql(
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  payload BLOB NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE TABLE handled_events (
  consumer TEXT NOT NULL,
  event_id TEXT NOT NULL,
  handled_at TEXT NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
)sql"},
      {2, "store identity", R"sql(
CREATE TABLE store_identity (
  id TEXT NOT NULL PRIMARY KEY
);
)sql"},
  };
  return *migrations;
}

}  // namespace wp::store
