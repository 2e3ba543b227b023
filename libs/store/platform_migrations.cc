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
      // Who changed what, written in the same transaction as each change
      // (libs/audit). Every service has it, so none can forget it.
      {3, "audit records", R"sql(
CREATE TABLE IF NOT EXISTS audit_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_us INTEGER NOT NULL,
  subject TEXT NOT NULL,
  role TEXT NOT NULL,
  method TEXT NOT NULL,
  resource TEXT NOT NULL,
  summary TEXT NOT NULL,
  trace_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_records_by_resource ON audit_records (resource, id);
CREATE INDEX IF NOT EXISTS audit_records_by_subject ON audit_records (subject, id);
)sql"},
      // Idempotent creates (request_ids.h); "method:request_id" -> resource.
      {4, "request ids", R"sql(
CREATE TABLE IF NOT EXISTS request_ids (
  request_id TEXT PRIMARY KEY,
  resource TEXT NOT NULL,
  create_us INTEGER NOT NULL
);
)sql"},
      // Events the bus refused for good, moved aside so later ones flow
      // (dead_letters.h); kept until an operator re-drives them.
      {5, "outbox dead letters", R"sql(
CREATE TABLE IF NOT EXISTS outbox_dead_letters (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload BLOB NOT NULL,
  created_at TEXT NOT NULL,
  failed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL
);
)sql"},
      // What an audited change set (field, before, after) and the other
      // resources it touched, so a trail is found from any of them
      // (libs/audit/audit_log.h); an index on time for time-range listing.
      {6, "audit field changes and related resources", R"sql(
CREATE TABLE IF NOT EXISTS audit_field_changes (
  record_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  field TEXT NOT NULL,
  before_value TEXT NOT NULL,
  after_value TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
);
CREATE TABLE IF NOT EXISTS audit_record_resources (
  record_id INTEGER NOT NULL,
  resource TEXT NOT NULL,
  PRIMARY KEY (resource, record_id)
);
CREATE INDEX IF NOT EXISTS audit_records_by_time ON audit_records (at_us, id);
)sql"},
  };
  return *migrations;
}

}  // namespace wp::store
