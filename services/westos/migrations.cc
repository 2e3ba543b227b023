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
      // The content catalogue on the rows usage already numbers (an item
      // first seen in usage has status 0 until catalogued), and coverage
      // targets. Dates are ISO text (libs/calendar/dates.h), '' for none.
      {2, "content catalogue and coverage targets", R"sql(
ALTER TABLE content_items ADD COLUMN sector INTEGER NOT NULL DEFAULT 0;
ALTER TABLE content_items ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE content_items ADD COLUMN commissioned_date TEXT NOT NULL DEFAULT '';
ALTER TABLE content_items ADD COLUMN uploaded_date TEXT NOT NULL DEFAULT '';
ALTER TABLE content_items ADD COLUMN published_date TEXT NOT NULL DEFAULT '';
ALTER TABLE content_items ADD COLUMN update_us INTEGER NOT NULL DEFAULT 0;
ALTER TABLE content_items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX content_items_by_subject ON content_items (subject, level);
CREATE TABLE coverage_targets (
  target_id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  subject TEXT NOT NULL,
  level TEXT NOT NULL,
  sector INTEGER NOT NULL,
  min_published INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  create_us INTEGER NOT NULL
);
)sql"},
      // xAPI statements exactly as received, beside the usage event each
      // became (statement_id = event_id), written in the same transaction.
      // A voiding statement names the statement it voids; the voided one
      // names its voider.
      {3, "xapi statements", R"sql(
CREATE TABLE xapi_statements (
  statement_id TEXT PRIMARY KEY,
  voids TEXT NOT NULL DEFAULT '',
  voided_by TEXT NOT NULL DEFAULT '',
  stored_us INTEGER NOT NULL,
  statement TEXT NOT NULL
);
)sql"},
      // Population figures from the governance service, baselines and targets, and the weekly
      // windows published for the evaluation service.
      {4, "populations, baselines, targets and usage windows", R"sql(
CREATE TABLE authority_populations (
  authority TEXT NOT NULL,
  session TEXT NOT NULL,
  learners INTEGER NOT NULL,
  teachers INTEGER NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (authority, session)
);
CREATE TABLE usage_baselines (
  baseline_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  filter BLOB NOT NULL,
  create_us INTEGER NOT NULL
);
CREATE TABLE usage_targets (
  target_id TEXT PRIMARY KEY,
  definition BLOB NOT NULL,
  baseline_id TEXT NOT NULL DEFAULT '',
  reached_day TEXT,
  create_us INTEGER NOT NULL
);
CREATE TABLE usage_windows (
  week_start INTEGER PRIMARY KEY,
  fingerprint INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  figures BLOB NOT NULL
);
)sql"},
      // Events in arrival order: each batch is appended at the end of the
      // table instead of spread over random pages of a b-tree by key (see
      // ingest/event_locator.h, which finds them by key).
      {5, "usage events in arrival order", R"sql(
CREATE TABLE usage_events_by_arrival (
  seq INTEGER PRIMARY KEY,
  event_key INTEGER NOT NULL,
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
INSERT INTO usage_events_by_arrival (event_key, event_id, digest, day, occurred_us, user_num, role, authority,
  establishment_num, sector, simd, content_num, action, seconds, rating, retracted)
SELECT event_key, event_id, digest, day, occurred_us, user_num, role, authority, establishment_num, sector, simd,
  content_num, action, seconds, rating, retracted FROM usage_events ORDER BY day, occurred_us;
DROP TABLE usage_events;
ALTER TABLE usage_events_by_arrival RENAME TO usage_events;
CREATE INDEX usage_events_by_day ON usage_events (day);
)sql",
       // PostgreSQL finds events by key in a unique index; SQLite in memory.
       R"sql(CREATE UNIQUE INDEX usage_events_by_key ON usage_events (event_key);)sql"},
      // Purged days: each day's events folded into one row per person and
      // combination of dimensions, with no event ids, times or user ids
      // (only their dense numbers), so a day's figures and sets of people
      // stay exact after its raw events are purged. Purged and erased events
      // keep their usage_events row (key, id, digest, day) with every other
      // column zeroed and retracted = 2 (purged) or 3 (erased), so a re-send
      // is still a duplicate.
      {6, "usage day rollups", R"sql(
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
