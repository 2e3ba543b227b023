#include "services/learning/core/migrations.h"

#include "libs/populations/population_store.h"
#include "services/learning/core/event_figures.h"

namespace wp::learning {

// Times are microseconds since the epoch (UTC); 0 for none. Enums are
// their proto numbers. Lists (sectors, roles) are comma-separated numbers
// in ascending order; facilitators are '\n'-joined.
const std::vector<store::Migration>& Migrations() {
  static const auto* migrations = new std::vector<store::Migration>{
      {1, "programmes, events, practitioners, registrations, evaluations", R"sql(
CREATE TABLE known_workstreams (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE known_networks (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE programmes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  workstream TEXT NOT NULL,
  network TEXT NOT NULL,
  completion_min_events INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
CREATE INDEX programmes_by_workstream ON programmes (workstream, id);
CREATE TABLE learning_events (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  programme_id TEXT NOT NULL,
  format INTEGER NOT NULL,
  delivery INTEGER NOT NULL,
  sectors TEXT NOT NULL,
  roles TEXT NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  facilitators TEXT NOT NULL,
  cutoff_us INTEGER NOT NULL,
  location TEXT NOT NULL,
  status INTEGER NOT NULL,
  cancel_reason TEXT NOT NULL DEFAULT '',
  placed INTEGER NOT NULL DEFAULT 0,
  waiting INTEGER NOT NULL DEFAULT 0,
  next_wait_seq INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
CREATE INDEX learning_events_by_start ON learning_events (start_us, id);
CREATE INDEX learning_events_by_programme ON learning_events (programme_id, start_us, id);
CREATE TABLE practitioners (
  id TEXT PRIMARY KEY,
  authority TEXT NOT NULL,
  establishment TEXT NOT NULL,
  sector INTEGER NOT NULL,
  role INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
CREATE INDEX practitioners_by_authority ON practitioners (authority, id);
CREATE TABLE registrations (
  event_id TEXT NOT NULL,
  practitioner_id TEXT NOT NULL,
  state INTEGER NOT NULL,
  wait_seq INTEGER NOT NULL DEFAULT 0,
  attendance INTEGER NOT NULL DEFAULT 0,
  walk_in INTEGER NOT NULL DEFAULT 0,
  late_cancellation INTEGER NOT NULL DEFAULT 0,
  promoted INTEGER NOT NULL DEFAULT 0,
  register_us INTEGER NOT NULL,
  cancel_us INTEGER NOT NULL DEFAULT 0,
  promote_us INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, practitioner_id)
);
CREATE INDEX registrations_by_practitioner ON registrations (practitioner_id, event_id);
CREATE INDEX registrations_by_state ON registrations (event_id, state, wait_seq);
CREATE TABLE evaluations (
  event_id TEXT NOT NULL,
  practitioner_id TEXT NOT NULL,
  stage INTEGER NOT NULL,
  knowledge INTEGER NOT NULL,
  understanding INTEGER NOT NULL,
  confidence INTEGER NOT NULL,
  overall_rating INTEGER NOT NULL,
  expected_impact INTEGER NOT NULL,
  comment TEXT NOT NULL,
  submit_us INTEGER NOT NULL,
  replaced INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, practitioner_id, stage)
);
CREATE TABLE programme_completions (
  programme_id TEXT NOT NULL,
  practitioner_id TEXT NOT NULL,
  events_attended INTEGER NOT NULL,
  complete_us INTEGER NOT NULL,
  PRIMARY KEY (programme_id, practitioner_id)
);
CREATE INDEX programme_completions_by_practitioner ON programme_completions (practitioner_id);
)sql"},
      // The governance service's population figures: the denominators of
      // the reach percentage (libs/populations).
      {2, "population figures", populations::kAuthorityPopulationsTable},
      // What statistics sum per event, so a cache miss reads one row per
      // event (core/event_figures.h).
      {3, "per-event figures", EventFiguresMigration()},
  };
  return *migrations;
}

}  // namespace wp::learning
