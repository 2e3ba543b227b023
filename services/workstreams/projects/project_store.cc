#include "services/workstreams/projects/project_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/sql_conditions.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"

namespace wp::workstreams {
namespace {

using store::Row;
using store::Value;

constexpr char kProjectColumns[] =
    "plan_period, project_id, workstream_number, title, description, status, expected_outcomes, "
    "participants, notes, version, create_us, update_us";

// Outcomes and participants are stored one per line; validation keeps each
// to one line, and a participant's text form reads back (project_rules.h).
std::string OutcomeLines(const v1::Project& p) { return absl::StrJoin(p.expected_outcomes(), "\n"); }
std::string ParticipantLines(const v1::Project& p) {
  std::vector<std::string> lines;
  for (const v1::Participant& participant : p.participants()) lines.push_back(ParticipantText(participant));
  return absl::StrJoin(lines, "\n");
}

v1::Project ProjectFromRow(const Row& r) {
  v1::Project p;
  p.set_plan_period(r.Text(0));
  p.set_project_id(r.Text(1));
  p.set_name(ProjectName(p.plan_period(), p.project_id()));
  p.set_workstream_number(static_cast<int>(r.Int(2)));
  p.set_workstream(WorkstreamName(p.plan_period(), p.workstream_number()));
  p.set_title(r.Text(3));
  p.set_description(r.Text(4));
  p.set_status(static_cast<v1::ProjectStatus>(r.Int(5)));
  if (!r.Text(6).empty()) {
    for (absl::string_view line : absl::StrSplit(r.Text(6), '\n')) p.add_expected_outcomes(std::string(line));
  }
  if (!r.Text(7).empty()) {
    for (absl::string_view line : absl::StrSplit(r.Text(7), '\n')) {
      // Stored text was validated on the way in; a line that fails to read
      // back is kept as a role rather than lost.
      absl::StatusOr<v1::Participant> participant = ParseParticipant(line);
      if (participant.ok()) {
        *p.add_participants() = *participant;
      } else {
        v1::Participant* kept = p.add_participants();
        kept->set_kind(v1::Participant::ROLE);
        kept->set_name(std::string(line));
      }
    }
  }
  p.set_notes(r.Text(8));
  p.set_etag(store::EtagOf(r.Int(9)));
  calendar::SetTimestamp(r.Int(10), p.mutable_create_time());
  calendar::SetTimestamp(r.Int(11), p.mutable_update_time());
  return p;
}

}  // namespace

absl::StatusOr<v1::Project> LoadProject(store::Transaction& tx, const std::string& period,
                                        const std::string& project_id) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kProjectColumns,
                                            " FROM projects WHERE plan_period = ? AND project_id = ?"),
                               {period, project_id}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(ProjectName(period, project_id),
                                            " does not exist (projects come from the governance plan of ",
                                            period, ")"));
  }
  return ProjectFromRow(rows.front());
}

absl::StatusOr<int64_t> LoadProjectPlanRevision(store::Transaction& tx, const std::string& period,
                                                const std::string& project_id) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      tx.Query("SELECT plan_revision FROM projects WHERE plan_period = ? AND project_id = ?",
                               {period, project_id}));
  if (rows.empty()) return absl::NotFoundError(ProjectName(period, project_id));
  return rows.front().Int(0);
}

absl::StatusOr<std::vector<v1::Project>> ListProjects(store::Transaction& tx, const ProjectFilter& filter) {
  store::SqlConditions where;
  where.Add("plan_period = ?", {filter.period});
  if (filter.workstream_number != 0) {
    where.Add("workstream_number = ?", {static_cast<int64_t>(filter.workstream_number)});
  }
  std::vector<int64_t> statuses;
  for (auto s : filter.statuses) statuses.push_back(static_cast<int64_t>(s));
  where.AddIn("status", statuses);
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kProjectColumns, " FROM projects WHERE ", where.Sql(),
                                            " ORDER BY workstream_number, title, project_id"),
                               where.params()));
  std::vector<v1::Project> projects;
  projects.reserve(rows.size());
  for (const Row& r : rows) projects.push_back(ProjectFromRow(r));
  return projects;
}

absl::Status InsertProject(store::Transaction& tx, const v1::Project& project, int64_t plan_revision,
                           absl::Time now) {
  const int64_t micros = calendar::Micros(now);
  return tx
      .Execute("INSERT INTO projects (plan_period, project_id, workstream_number, title, description, status, "
               "plan_revision, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
               {project.plan_period(), project.project_id(), static_cast<int64_t>(project.workstream_number()),
                project.title(), project.description(), static_cast<int64_t>(project.status()), plan_revision,
                micros, micros})
      .status();
}

absl::Status SaveProjectFromPlan(store::Transaction& tx, const v1::Project& project,
                                 v1::ProjectStatus previous_status, int64_t plan_revision, absl::Time now) {
  WP_RETURN_IF_ERROR(
      tx.Execute("UPDATE projects SET workstream_number = ?, title = ?, description = ?, status = ?, "
                 "plan_revision = ?, version = version + 1, update_us = ? WHERE plan_period = ? AND project_id = ?",
                 {static_cast<int64_t>(project.workstream_number()), project.title(), project.description(),
                  static_cast<int64_t>(project.status()), plan_revision, calendar::Micros(now),
                  project.plan_period(), project.project_id()})
          .status());
  if (project.status() == previous_status) return absl::OkStatus();
  // Going on hold ends any stale spell; coming off hold is a fresh start, so
  // the tasks are not stale the moment the project resumes.
  return tx
      .Execute("UPDATE plan_items SET project_status = ?, stale_since_us = 0, "
               "last_activity_us = CASE WHEN ? = 1 THEN ? ELSE last_activity_us END "
               "WHERE plan_period = ? AND project_id = ?",
               {static_cast<int64_t>(project.status()),
                static_cast<int64_t>(IsOnHold(previous_status) && !IsOnHold(project.status())),
                calendar::Micros(now), project.plan_period(), project.project_id()})
      .status();
}

absl::Status SaveActionPlan(store::Transaction& tx, const v1::Project& project, int64_t expected_version,
                            absl::Time now) {
  WP_ASSIGN_OR_RETURN(int64_t n, tx.Execute(
      "UPDATE projects SET expected_outcomes = ?, participants = ?, notes = ?, version = version + 1, "
      "update_us = ? WHERE plan_period = ? AND project_id = ? AND version = ?",
      {OutcomeLines(project), ParticipantLines(project), project.notes(), calendar::Micros(now),
       project.plan_period(), project.project_id(), expected_version}));
  if (n == 0) return absl::AbortedError(project.name() + " changed meanwhile; read it again and retry");
  return absl::OkStatus();
}

}  // namespace wp::workstreams
