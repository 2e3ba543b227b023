// The workstreams of a plan (and its projects: plan_projects.h), set up from
// the governance service's events:
// once the Board approves a plan (wp.governance.plan.approved, and the later
// steps and amendments, which carry the plan too), every workstream of the
// plan that the tracker lacks is created here, titled as in the plan, under
// planPeriods/{session_span}. A workstream the tracker already has is left
// as it is: its details are kept here by officers.
//
// Each workstream created publishes wp.workstreams.workstream.created and is
// audited like any other change, with the governance event's actor.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_EVENTS_H_
#define WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_EVENTS_H_

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {

// Applies one governance event; events other than plan.approved, endorsed,
// activated and amended are ignored. INVALID_ARGUMENT for a payload that
// does not parse.
absl::Status ApplyPlanEvent(store::Transaction& tx, const wp::common::v1::Event& event);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_EVENTS_H_
