#include "services/workstreams/migrations.h"

namespace wp::workstreams {

const std::vector<store::Migration>& Migrations() {
  static const auto* migrations = new std::vector<store::Migration>{
      {1, "workstreams and plan items", R"sql(
CREATE TABLE workstreams (
  plan_period TEXT NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  lead_officer TEXT NOT NULL DEFAULT '',
  board_sponsors TEXT NOT NULL DEFAULT '',
  education_scotland_links TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (plan_period, number)
);
CREATE TABLE plan_items (
  plan_period TEXT NOT NULL,
  ref TEXT NOT NULL,
  workstream_number INTEGER NOT NULL,
  task_number INTEGER NOT NULL,
  task TEXT NOT NULL,
  lead TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,
  expected_date TEXT,
  due_day TEXT,
  superseded_by TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (plan_period, ref),
  FOREIGN KEY (plan_period, workstream_number) REFERENCES workstreams (plan_period, number)
);
CREATE INDEX plan_items_by_order ON plan_items (plan_period, workstream_number, task_number);
CREATE INDEX plan_items_by_status ON plan_items (plan_period, status, due_day);
CREATE TABLE progress_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_period TEXT NOT NULL,
  ref TEXT NOT NULL,
  note_date TEXT,
  text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  create_us INTEGER NOT NULL,
  FOREIGN KEY (plan_period, ref) REFERENCES plan_items (plan_period, ref)
);
CREATE INDEX progress_notes_by_item ON progress_notes (plan_period, ref, id);
CREATE TABLE status_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_period TEXT NOT NULL,
  ref TEXT NOT NULL,
  from_status INTEGER NOT NULL,
  to_status INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  change_us INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (plan_period, ref) REFERENCES plan_items (plan_period, ref)
);
CREATE INDEX status_changes_by_item ON status_changes (plan_period, ref, id);
-- Platform migration 4 makes this table first in stores created since.
CREATE TABLE IF NOT EXISTS request_ids (
  request_id TEXT PRIMARY KEY,
  resource TEXT NOT NULL,
  create_us INTEGER NOT NULL
);
)sql"},
      {2, "networks", R"sql(
CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind INTEGER NOT NULL,
  owning_period TEXT NOT NULL,
  owning_number INTEGER NOT NULL,
  priorities TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  FOREIGN KEY (owning_period, owning_number) REFERENCES workstreams (plan_period, number)
);
CREATE TABLE network_coordinators (
  network_id TEXT NOT NULL REFERENCES networks (id),
  authority TEXT NOT NULL,
  person TEXT NOT NULL,
  PRIMARY KEY (network_id, authority)
);
CREATE TABLE network_meetings (
  network_id TEXT NOT NULL REFERENCES networks (id),
  number INTEGER NOT NULL,
  meeting_date TEXT NOT NULL,
  attendance INTEGER NOT NULL,
  authorities_present TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  create_us INTEGER NOT NULL,
  PRIMARY KEY (network_id, number)
);
)sql"},
      {3, "covering index for the tracker summary", R"sql(
CREATE INDEX plan_items_by_summary ON plan_items (plan_period, workstream_number, status, due_day);
)sql"},
      // Board sponsors as the governance service publishes them
      // (from_governance/sponsor_events.h). No foreign key: governance may name a
      // workstream before its tracker exists here. `version` is the
      // sponsorship's etag, so an older event never overwrites a newer one.
      {4, "board sponsorships from governance", R"sql(
CREATE TABLE board_sponsorships (
  sponsorship TEXT PRIMARY KEY,
  plan_period TEXT NOT NULL,
  workstream_number INTEGER NOT NULL,
  person TEXT NOT NULL,
  display_name TEXT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX board_sponsorships_by_workstream ON board_sponsorships (plan_period, workstream_number, start_day);
)sql"},
      // Stale items (stale_items.h): when each item last had a note or a
      // status change (or was created), and since when it is marked stale.
      {5, "plan item activity", R"sql(
ALTER TABLE plan_items ADD COLUMN last_activity_us INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_items ADD COLUMN stale_since_us INTEGER NOT NULL DEFAULT 0;
UPDATE plan_items SET last_activity_us = create_us;
UPDATE plan_items SET last_activity_us = (SELECT MAX(n.create_us) FROM progress_notes n
    WHERE n.plan_period = plan_items.plan_period AND n.ref = plan_items.ref)
  WHERE (SELECT MAX(n.create_us) FROM progress_notes n
    WHERE n.plan_period = plan_items.plan_period AND n.ref = plan_items.ref) > last_activity_us;
UPDATE plan_items SET last_activity_us = (SELECT MAX(c.change_us) FROM status_changes c
    WHERE c.plan_period = plan_items.plan_period AND c.ref = plan_items.ref)
  WHERE (SELECT MAX(c.change_us) FROM status_changes c
    WHERE c.plan_period = plan_items.plan_period AND c.ref = plan_items.ref) > last_activity_us;
)sql"},
      // Network sustainability (networks/sustainability.h): coordinator terms
      // (ISO days, NULL when open), the meeting cadence, when the plan was
      // last set (existing plans: their network's last update), when the
      // network was established (NULL: the day it was created), and the last
      // status published (0: not judged yet), so a change is announced once.
      {6, "network sustainability", R"sql(
ALTER TABLE network_coordinators ADD COLUMN start_day TEXT;
ALTER TABLE network_coordinators ADD COLUMN end_day TEXT;
ALTER TABLE networks ADD COLUMN expected_meetings_per_year INTEGER NOT NULL DEFAULT 3;
ALTER TABLE networks ADD COLUMN plan_set_us INTEGER NOT NULL DEFAULT 0;
ALTER TABLE networks ADD COLUMN established_day TEXT;
ALTER TABLE networks ADD COLUMN published_status INTEGER NOT NULL DEFAULT 0;
UPDATE networks SET plan_set_us = update_us WHERE priorities <> '';
)sql"},
      // Project action plans (projects/): each governance project's plan
      // here, and its tasks as plan items. `plan_revision` is the governance
      // plan's revision the row was last taken from, so an older plan event
      // never overwrites a newer one. plan_items.project_status copies the
      // project's status so that the overdue and stale rules (on hold when
      // PAUSED or WITHDRAWN) stay single-table queries.
      {7, "project action plans", R"sql(
CREATE TABLE projects (
  plan_period TEXT NOT NULL,
  project_id TEXT NOT NULL,
  workstream_number INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,
  plan_revision INTEGER NOT NULL DEFAULT 0,
  expected_outcomes TEXT NOT NULL DEFAULT '',
  participants TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (plan_period, project_id)
);
ALTER TABLE plan_items ADD COLUMN project_id TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_items ADD COLUMN project_status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_items ADD COLUMN ongoing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_items ADD COLUMN resources TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_items ADD COLUMN plan_notes TEXT NOT NULL DEFAULT '';
CREATE INDEX plan_items_by_project ON plan_items (plan_period, project_id, workstream_number, task_number);
)sql"},
  };
  return *migrations;
}

}  // namespace wp::workstreams
