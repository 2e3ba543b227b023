#include "services/westos/migrations.h"

namespace wp::westos {

// Usage events are kept compact: one row each, dimensions as small integer
// codes, people, establishments and content by dense numbers. The row's key
// is a hash of the event id (event_keys.h), so the table is its own
// deduplication index: one b-tree per event, not two.
const std::vector<store::Migration>& Migrations() {
  static const auto* migrations = new std::vector<store::Migration>{
      {1, "usage events", R"sql(
CREATE TABLE usage_users (
  user_num INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL UNIQUE
);
CREATE TABLE establishments (
  establishment_num INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE
);
CREATE TABLE content_items (
  content_num INTEGER PRIMARY KEY,
  content_id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT '',
  create_us INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE usage_events (
  event_key INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  digest INTEGER NOT NULL,
  day INTEGER NOT NULL,
  occurred_us INTEGER NOT NULL,
  user_num INTEGER NOT NULL,
  role INTEGER NOT NULL,
  authority INTEGER NOT NULL,
  establishment_num INTEGER NOT NULL,
  sector INTEGER NOT NULL,
  simd INTEGER NOT NULL,
  content_num INTEGER NOT NULL,
  action INTEGER NOT NULL,
  seconds INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  retracted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX usage_events_by_day ON usage_events (day);
CREATE TABLE usage_days (
  day INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  events INTEGER NOT NULL
);
)sql"},
      // xAPI statements exactly as received, beside the usage event each
      // became (statement_id = event_id), written in the same transaction.
      // A voiding statement names the statement it voids; the voided one
      // names its voider. Version 3: version 2 comes from another branch.
      {3, "xapi statements", R"sql(
CREATE TABLE xapi_statements (
  statement_id TEXT PRIMARY KEY,
  voids TEXT NOT NULL DEFAULT '',
  voided_by TEXT NOT NULL DEFAULT '',
  stored_us INTEGER NOT NULL,
  statement TEXT NOT NULL
);
)sql"},
      // Purged days: each day's events folded into one row per person and
      // combination of dimensions, with no event ids, times or user ids
      // (only their dense numbers), so a day's figures and sets of people
      // stay exact after its raw events are purged. Purged and erased events
      // keep their usage_events row (key, id, digest, day) with every other
      // column zeroed and retracted = 2 (purged) or 3 (erased), so a re-send
      // is still a duplicate.
      {4, "usage day rollups", R"sql(
CREATE TABLE usage_day_rollups (
  day INTEGER NOT NULL,
  user_num INTEGER NOT NULL,
  authority INTEGER NOT NULL,
  sector INTEGER NOT NULL,
  role INTEGER NOT NULL,
  simd INTEGER NOT NULL,
  content_num INTEGER NOT NULL,
  views INTEGER NOT NULL,
  plays INTEGER NOT NULL,
  completions INTEGER NOT NULL,
  ratings INTEGER NOT NULL,
  positive_ratings INTEGER NOT NULL,
  seconds INTEGER NOT NULL,
  PRIMARY KEY (day, user_num, authority, sector, role, simd, content_num)
);
)sql"},
  };
  return *migrations;
}

}  // namespace wp::westos
