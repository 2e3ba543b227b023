#include "services/workstreams/projects/projects.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/calendar/dates.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag_update.h"
#include "services/workstreams/events.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker_store.h"
#include "services/workstreams/tracker_summary.h"

namespace wp::workstreams {
namespace {

using google::protobuf::util::MessageDifferencer;

// Fills task_counts of each project, as of today.
absl::Status CountTasks(store::Transaction& tx, const std::string& period, const StaleRule& rule,
                        std::vector<v1::Project>* projects) {
  const wp::common::v1::Date today = calendar::TodayUtc();
  WP_ASSIGN_OR_RETURN(auto rows, CountByStatus(tx, period, calendar::ToIsoText(today),
                                               rule.StaleBeforeUs(absl::CivilDay(today.year(), today.month(),
                                                                                 today.day()))));
  std::map<std::string, v1::StatusCounts> by_project;
  for (const StatusCountRow& row : rows) {
    if (!row.project_id.empty()) AddStatusCounts(&by_project[row.project_id], row);
  }
  for (v1::Project& project : *projects) {
    v1::StatusCounts& counts = by_project[project.project_id()];
    SetShareComplete(&counts);
    *project.mutable_task_counts() = counts;
  }
  return absl::OkStatus();
}

std::vector<std::string> ActionPlanChanges(const v1::Project& before, const v1::Project& after) {
  std::vector<std::string> changed;
  if (!std::equal(before.expected_outcomes().begin(), before.expected_outcomes().end(),
                  after.expected_outcomes().begin(), after.expected_outcomes().end())) {
    changed.push_back("expected_outcomes");
  }
  if (before.participants_size() != after.participants_size()) {
    changed.push_back("participants");
  } else {
    for (int i = 0; i < before.participants_size(); ++i) {
      if (!MessageDifferencer::Equals(before.participants(i), after.participants(i))) {
        changed.push_back("participants");
        break;
      }
    }
  }
  if (before.notes() != after.notes()) changed.push_back("notes");
  return changed;
}

}  // namespace

absl::StatusOr<v1::Project> Projects::Get(const v1::GetProjectRequest& request) {
  std::string period, id;
  WP_RETURN_IF_ERROR(ParseProjectName(request.name(), "name", &period, &id));
  return store::ReadValue<v1::Project>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Project> {
    WP_ASSIGN_OR_RETURN(v1::Project project, LoadProject(tx, period, id));
    std::vector<v1::Project> one = {project};
    WP_RETURN_IF_ERROR(CountTasks(tx, period, stale_rule_, &one));
    return one.front();
  });
}

absl::StatusOr<v1::ListProjectsResponse> Projects::List(const v1::ListProjectsRequest& request) {
  FieldViolations v;
  if (!IsValidPlanPeriod(request.plan_period())) v.Add("plan_period", "must look like 2022-23");
  if (request.workstream_number() < 0 || request.workstream_number() > kMaxWorkstreamNumber) {
    v.Add("workstream_number", "must be between 1 and 99, or 0 for all");
  }
  ProjectFilter filter{request.plan_period(), request.workstream_number(), {}};
  for (int i = 0; i < request.statuses_size(); ++i) {
    const auto status = static_cast<v1::ProjectStatus>(request.statuses(i));
    if (status == v1::PROJECT_STATUS_UNSPECIFIED || !v1::ProjectStatus_IsValid(status)) {
      v.Add(absl::StrCat("statuses[", i, "]"), "is not a project status");
    }
    filter.statuses.push_back(status);
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  return store::ReadValue<v1::ListProjectsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListProjectsResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::Project> projects, ListProjects(tx, filter));
        WP_RETURN_IF_ERROR(CountTasks(tx, request.plan_period(), stale_rule_, &projects));
        v1::ListProjectsResponse response;
        for (v1::Project& p : projects) *response.add_projects() = std::move(p);
        return response;
      });
}

absl::StatusOr<v1::Project> Projects::Update(const server::Caller& caller, const v1::UpdateProjectRequest& request) {
  const v1::Project& in = request.project();
  std::string period, id;
  WP_RETURN_IF_ERROR(ParseProjectName(in.name(), "project.name", &period, &id));
  WP_ASSIGN_OR_RETURN(std::set<std::string> paths,
                      fields::MaskPaths(request.update_mask(), {"expected_outcomes", "participants", "notes"}));
  const absl::Time now = absl::Now();
  absl::StatusOr<v1::Project> written = store::WriteValue<v1::Project>(db_, [&](store::Transaction& tx) {
    return store::UpdateWithEtag<v1::Project>(
        in.etag(), /*load=*/[&] { return LoadProject(tx, period, id); },
        /*change=*/
        [&](v1::Project& next) {
          if (paths.count("expected_outcomes")) *next.mutable_expected_outcomes() = in.expected_outcomes();
          if (paths.count("participants")) *next.mutable_participants() = in.participants();
          if (paths.count("notes")) next.set_notes(in.notes());
          return ValidateActionPlan(next, "project");
        },
        /*save=*/
        [&](const v1::Project& next, int64_t version) -> absl::StatusOr<v1::Project> {
          WP_ASSIGN_OR_RETURN(v1::Project before, LoadProject(tx, period, id));
          WP_RETURN_IF_ERROR(SaveActionPlan(tx, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::Project stored, LoadProject(tx, period, id));
          v1::ProjectChanged event;
          *event.mutable_project() = stored;
          for (const std::string& field : ActionPlanChanges(before, stored)) event.add_changed_fields(field);
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "project", "updated", stored.name(), event).status());
          return stored;
        },
        /*same=*/
        [&](const v1::Project& next, const v1::Project& current) {
          return ActionPlanChanges(current, next).empty();
        });
  });
  if (!written.ok()) return written.status();
  v1::GetProjectRequest get;
  get.set_name(written->name());
  return Get(get);  // with its tasks counted, as every read returns it
}

}  // namespace wp::workstreams
