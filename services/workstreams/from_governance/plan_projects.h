// The projects of a plan, kept from the governance service's plan events:
// each project governance's plan has is created here (project.created) the
// first time an event carries it; later events (amendments: the interim
// action plan pausing and prioritising projects) update its title,
// description, workstream and status (project.status_changed when the
// status moved, project.updated otherwise). The action plan officers keep
// here (outcomes, participants, notes, tasks) is never touched.
//
// An event carrying an older plan revision than the one a project was
// last taken from changes nothing, so redelivered or reordered events are
// harmless.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_PROJECTS_H_
#define WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_PROJECTS_H_

#include "absl/status/status.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {

absl::Status ApplyPlanProjects(store::Transaction& tx, const server::Caller& caller,
                               const wp::governance::v1::Plan& plan, absl::Time now);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_PLAN_PROJECTS_H_
