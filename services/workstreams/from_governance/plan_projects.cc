#include "services/workstreams/from_governance/plan_projects.h"

#include <string>
#include <vector>

#include "libs/fields/field_checks.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;

v1::ProjectStatus StatusOf(gov::PlanProject::Status status) {
  switch (status) {
    case gov::PlanProject::PRIORITISED: return v1::PROJECT_PRIORITISED;
    case gov::PlanProject::PAUSED: return v1::PROJECT_PAUSED;
    case gov::PlanProject::WITHDRAWN: return v1::PROJECT_WITHDRAWN;
    default: return v1::PROJECT_ACTIVE;  // ACTIVE, and unset (a new project is ACTIVE)
  }
}

v1::Project FromPlan(const std::string& period, const gov::PlanProject& planned) {
  v1::Project p;
  p.set_plan_period(period);
  p.set_project_id(planned.id());
  p.set_name(ProjectName(period, planned.id()));
  p.set_title(planned.title());
  p.set_description(planned.description());
  p.set_workstream_number(planned.workstream_number());
  p.set_workstream(WorkstreamName(period, planned.workstream_number()));
  p.set_status(StatusOf(planned.status()));
  return p;
}

std::vector<std::string> GovernanceFieldsChanged(const v1::Project& before, const v1::Project& after) {
  std::vector<std::string> changed;
  if (before.title() != after.title()) changed.push_back("title");
  if (before.description() != after.description()) changed.push_back("description");
  if (before.workstream_number() != after.workstream_number()) changed.push_back("workstream");
  if (before.status() != after.status()) changed.push_back("status");
  return changed;
}

}  // namespace

absl::Status ApplyPlanProjects(store::Transaction& tx, const server::Caller& caller, const gov::Plan& plan,
                               absl::Time now) {
  const std::string& period = plan.session_span();
  for (const gov::PlanProject& planned : plan.projects()) {
    if (!fields::IsValidId(planned.id())) continue;  // governance checks ids; never trust a payload blindly
    const v1::Project next = FromPlan(period, planned);
    absl::StatusOr<v1::Project> stored = LoadProject(tx, period, planned.id());
    if (absl::IsNotFound(stored.status())) {
      WP_RETURN_IF_ERROR(InsertProject(tx, next, plan.revision(), now));
      WP_ASSIGN_OR_RETURN(v1::Project created, LoadProject(tx, period, planned.id()));
      v1::ProjectChanged event;
      *event.mutable_project() = created;
      WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "project", "created", created.name(), event).status());
      continue;
    }
    if (!stored.ok()) return stored.status();
    WP_ASSIGN_OR_RETURN(int64_t revision, LoadProjectPlanRevision(tx, period, planned.id()));
    if (plan.revision() < revision) continue;  // an older plan than the one already applied
    const std::vector<std::string> changed = GovernanceFieldsChanged(*stored, next);
    if (changed.empty()) continue;
    WP_RETURN_IF_ERROR(SaveProjectFromPlan(tx, next, stored->status(), plan.revision(), now));
    WP_ASSIGN_OR_RETURN(v1::Project updated, LoadProject(tx, period, planned.id()));
    v1::ProjectChanged event;
    *event.mutable_project() = updated;
    for (const std::string& field : changed) event.add_changed_fields(field);
    const bool status_moved = stored->status() != updated.status();
    if (status_moved) event.set_previous_status(stored->status());
    WP_RETURN_IF_ERROR(
        EmitEvent(tx, caller, "project", status_moved ? "status_changed" : "updated", updated.name(), event)
            .status());
  }
  return absl::OkStatus();
}

}  // namespace wp::workstreams
