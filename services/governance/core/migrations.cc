#include "services/governance/core/migrations.h"

namespace wp::governance {

// Conventions: days are ISO text ("2022-06-14"), which sorts and compares as
// dates; times are microseconds since the epoch (*_us); money is integer
// pence (*_pence); `version` backs the etag; lists nobody filters on are kept
// as '\n'-joined text or as a serialized proto (*_pb) of the API message.
const std::vector<store::Migration>& Migrations() {
  static const auto* migrations = new std::vector<store::Migration>{
      {1, "authorities, people, bodies, meetings, decisions, actions", R"sql(
CREATE TABLE authorities (
  code TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  council_name TEXT NOT NULL
);
INSERT INTO authorities (code, display_name, council_name) VALUES
  ('EDC', 'East Dunbartonshire', 'East Dunbartonshire Council'),
  ('ERC', 'East Renfrewshire', 'East Renfrewshire Council'),
  ('GCC', 'Glasgow City', 'Glasgow City Council'),
  ('INV', 'Inverclyde', 'Inverclyde Council'),
  ('NLC', 'North Lanarkshire', 'North Lanarkshire Council'),
  ('REN', 'Renfrewshire', 'Renfrewshire Council'),
  ('SLC', 'South Lanarkshire', 'South Lanarkshire Council'),
  ('WDC', 'West Dunbartonshire', 'West Dunbartonshire Council');

-- quintiles: "q:count" pairs joined by ',' in quintile order ("1:40,2:31").
CREATE TABLE populations (
  authority TEXT NOT NULL REFERENCES authorities (code),
  session TEXT NOT NULL,
  learners INTEGER NOT NULL,
  teachers_and_practitioners INTEGER NOT NULL,
  establishments INTEGER NOT NULL,
  quintiles TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (authority, session)
);
CREATE INDEX populations_by_session ON populations (session, authority);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  authority TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
CREATE INDEX people_by_display_name ON people (display_name, id);

-- kind: wp.governance.v1.Body.Kind; the four standing bodies are seeded.
CREATE TABLE bodies (
  id TEXT PRIMARY KEY,
  kind INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  cadence TEXT NOT NULL DEFAULT '',
  quorum_minimum INTEGER NOT NULL,
  chair_required INTEGER NOT NULL,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
INSERT INTO bodies (id, kind, title, description, cadence, quorum_minimum, chair_required,
                    version, create_us, update_us) VALUES
  ('regional-education-committee', 1, 'Regional Education Committee',
   'The education conveners of the eight councils; scrutinises and endorses the improvement plan and receives progress reports.',
   'termly', 5, 1, 1, 0, 0),
  ('board', 2, 'Board',
   'The eight directors of education, with advisers; owns the plan, its delivery, finance and resources.',
   'monthly', 5, 0, 1, 0, 0),
  ('implementation-group', 3, 'Implementation Group',
   'Chaired by the RIC Lead; reviews progress of the plan.', 'quarterly', 3, 1, 1, 0, 0),
  ('finance-sub-group', 4, 'Finance Sub-Group',
   'A senior finance representative of each authority; manages the grant, budgets and reallocations.',
   'quarterly', 4, 0, 1, 0, 0);

-- number: 1, 2, ... within the body. role: Membership.Role. end_day NULL
-- while current.
CREATE TABLE memberships (
  body_id TEXT NOT NULL REFERENCES bodies (id),
  number INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people (id),
  role INTEGER NOT NULL,
  role_title TEXT NOT NULL DEFAULT '',
  authority TEXT NOT NULL DEFAULT '',
  advisory INTEGER NOT NULL DEFAULT 0,
  start_day TEXT NOT NULL,
  end_day TEXT,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (body_id, number)
);
CREATE INDEX memberships_by_person ON memberships (person_id, body_id, start_day);

-- state: Meeting.State. agenda_pb: a Meeting holding only agenda_items;
-- attendance_pb and quorum_pb: Attendance and QuorumCheck, once HELD.
CREATE TABLE meetings (
  body_id TEXT NOT NULL REFERENCES bodies (id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  meeting_day TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL,
  agenda_pb BLOB,
  attendance_pb BLOB,
  quorum_pb BLOB,
  cancel_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (body_id, number)
);
CREATE INDEX meetings_by_day ON meetings (meeting_day, body_id, number);

-- Decisions are never changed once recorded. plan_id '' when none;
-- plan_item_refs '\n'-joined; supersedes is a decision's resource name.
CREATE TABLE decisions (
  body_id TEXT NOT NULL,
  meeting_number INTEGER NOT NULL,
  number INTEGER NOT NULL,
  agenda_item INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  outcome INTEGER NOT NULL,
  plan_id TEXT NOT NULL DEFAULT '',
  plan_item_refs TEXT NOT NULL DEFAULT '',
  supersedes TEXT NOT NULL DEFAULT '',
  create_us INTEGER NOT NULL,
  PRIMARY KEY (body_id, meeting_number, number),
  FOREIGN KEY (body_id, meeting_number) REFERENCES meetings (body_id, number)
);
CREATE INDEX decisions_by_plan ON decisions (plan_id, body_id, meeting_number);

-- state: Action.State. overdue_published_day: the due day for which
-- wp.governance.action.overdue went out, so it goes out once per due date.
CREATE TABLE actions (
  body_id TEXT NOT NULL REFERENCES bodies (id),
  number INTEGER NOT NULL,
  meeting_number INTEGER,
  decision_number INTEGER,
  description TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES people (id),
  due_day TEXT,
  state INTEGER NOT NULL,
  completed_day TEXT,
  notes TEXT NOT NULL DEFAULT '',
  overdue_published_day TEXT,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (body_id, number)
);
CREATE INDEX actions_by_due_day ON actions (state, due_day);
CREATE INDEX actions_by_owner ON actions (owner_id);
)sql"},
      {2, "plans, amendments, sponsorships, budgets", R"sql(
-- state: Plan.State. priorities '\n'-joined.
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  session_span TEXT NOT NULL UNIQUE,
  first_session TEXT NOT NULL,
  last_session TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  vision TEXT NOT NULL DEFAULT '',
  priorities TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL
);
CREATE TABLE plan_workstreams (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (plan_id, number)
);
-- status: PlanProject.Status.
CREATE TABLE plan_projects (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  workstream_number INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,
  PRIMARY KEY (plan_id, id)
);
CREATE TABLE plan_steps (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  seq INTEGER NOT NULL,
  to_state INTEGER NOT NULL,
  by_text TEXT NOT NULL DEFAULT '',
  step_us INTEGER NOT NULL,
  meeting TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, seq)
);
-- An amendment is a record and never changes: kept whole as its
-- PlanAmendment proto.
CREATE TABLE plan_amendments (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  number INTEGER NOT NULL,
  amendment_pb BLOB NOT NULL,
  create_us INTEGER NOT NULL,
  PRIMARY KEY (plan_id, number)
);
CREATE TABLE sponsorships (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  number INTEGER NOT NULL,
  workstream_number INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people (id),
  board_membership TEXT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT,
  meeting TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  end_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (plan_id, number)
);
CREATE INDEX sponsorships_by_workstream ON sponsorships (plan_id, workstream_number, start_day);
CREATE INDEX sponsorships_by_person ON sponsorships (person_id);

-- project_id '' for a line for the workstream as a whole. The CHECK is the
-- last guard of "a line never goes below zero".
CREATE TABLE budget_lines (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  workstream_number INTEGER NOT NULL,
  project_id TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  allocated_pence INTEGER NOT NULL,
  spent_pence INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  create_us INTEGER NOT NULL,
  update_us INTEGER NOT NULL,
  PRIMARY KEY (plan_id, id),
  UNIQUE (plan_id, financial_year, workstream_number, project_id),
  CHECK (spent_pence >= 0 AND spent_pence <= allocated_pence)
);
-- kind: BudgetMovement.Kind. The ledger: one row per change of amounts.
CREATE TABLE budget_movements (
  plan_id TEXT NOT NULL,
  line_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  amount_pence INTEGER NOT NULL,
  allocated_after_pence INTEGER NOT NULL,
  spent_after_pence INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  approving_body TEXT NOT NULL DEFAULT '',
  meeting TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  reallocation TEXT NOT NULL DEFAULT '',
  counterpart_line TEXT NOT NULL DEFAULT '',
  effective_day TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL DEFAULT '',
  create_us INTEGER NOT NULL,
  PRIMARY KEY (plan_id, line_id, number),
  FOREIGN KEY (plan_id, line_id) REFERENCES budget_lines (plan_id, id)
);
-- from_line, to_line: line ids in the plan. from_line_pb, to_line_pb: both
-- BudgetLines as the move left them, so a retried request gets the first
-- response back.
CREATE TABLE reallocations (
  plan_id TEXT NOT NULL REFERENCES plans (id),
  number INTEGER NOT NULL,
  from_line TEXT NOT NULL,
  to_line TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  reason TEXT NOT NULL,
  approving_body TEXT NOT NULL,
  meeting TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  effective_day TEXT NOT NULL,
  from_line_pb BLOB NOT NULL,
  to_line_pb BLOB NOT NULL,
  create_us INTEGER NOT NULL,
  PRIMARY KEY (plan_id, number)
);
)sql"},
  };
  return *migrations;
}

}  // namespace wp::governance
