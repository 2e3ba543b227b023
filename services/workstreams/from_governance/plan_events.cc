#include "services/workstreams/from_governance/plan_events.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/server/request_context.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/from_governance/plan_projects.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_store.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;

const std::set<std::string>& StepEvents() {
  static const auto* types = new std::set<std::string>{
      "wp.governance.plan.approved", "wp.governance.plan.endorsed", "wp.governance.plan.activated"};
  return *types;
}
constexpr char kAmended[] = "wp.governance.plan.amended";

// The plan an event carries, or nothing for events that carry none we use.
absl::StatusOr<std::optional<gov::Plan>> PlanOf(const wp::common::v1::Event& event) {
  if (StepEvents().count(event.type()) == 1) {
    gov::PlanStepRecorded payload;
    if (!event.payload().UnpackTo(&payload)) {
      return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": payload is not PlanStepRecorded"));
    }
    return std::optional<gov::Plan>(payload.plan());
  }
  if (event.type() == kAmended) {
    gov::PlanAmended payload;
    if (!event.payload().UnpackTo(&payload)) {
      return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": payload is not PlanAmended"));
    }
    return std::optional<gov::Plan>(payload.plan());
  }
  return std::optional<gov::Plan>();
}

// Changes made on governance's behalf are audited as that event's actor.
server::Caller CallerFor(const wp::common::v1::Event& event) {
  server::Caller caller;
  caller.actor = event.actor().empty() ? "governance" : event.actor();
  caller.role = "event";
  caller.method = event.type();
  caller.trace_id = event.trace_id();
  return caller;
}

}  // namespace

absl::Status ApplyPlanEvent(store::Transaction& tx, const wp::common::v1::Event& event) {
  auto plan = PlanOf(event);
  if (!plan.ok()) return plan.status();
  if (!plan->has_value()) return absl::OkStatus();
  const std::string& period = (*plan)->session_span();
  if (!IsValidPlanPeriod(period)) {
    return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": session span \"", period,
                                                   "\" is not a plan period"));
  }
  const absl::Time now = absl::Now();
  for (const gov::PlanWorkstream& planned : (*plan)->workstreams()) {
    auto existing = LoadWorkstream(tx, period, planned.number());
    if (existing.ok()) continue;  // kept here; never overwritten from governance
    if (existing.status().code() != absl::StatusCode::kNotFound) return existing.status();
    v1::Workstream ws;
    ws.set_plan_period(period);
    ws.set_number(planned.number());
    ws.set_title(planned.title());
    WP_RETURN_IF_ERROR(InsertWorkstream(tx, ws, now));
    WP_ASSIGN_OR_RETURN(auto stored, LoadWorkstream(tx, period, planned.number()));
    v1::WorkstreamChanged changed;
    *changed.mutable_workstream() = stored;
    WP_RETURN_IF_ERROR(EmitEvent(tx, CallerFor(event), "workstream", "created", stored.name(), changed).status());
  }
  return ApplyPlanProjects(tx, CallerFor(event), **plan, now);
}

}  // namespace wp::workstreams
