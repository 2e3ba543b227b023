// Internal to the governance demo: the plan of the school session holding
// the load day (demo_calendar.h) and its story so far, so that the demo
// always has a present: approval and endorsement in the June before the
// session, this financial year's budget with recent spends and a
// reallocation, the last Board meeting with its actions (one overdue) and
// the next one with its agenda. Keys and request ids carry the session or
// the year, so a load on another day of the same session finds what an
// earlier one made; a load in another session makes that session's plan.
//
// Thread-safe: pure functions.
#ifndef WP_TOOLS_DEMO_GOVERNANCE_CURRENT_DEMO_H_
#define WP_TOOLS_DEMO_GOVERNANCE_CURRENT_DEMO_H_

#include <string>

#include "absl/time/civil_time.h"
#include "tools/demo/governance_demo.h"

namespace wp::demo::gov_demo {

// plans/{session}: the same three workstreams as 2022-23, with new projects.
gv1::CreatePlanRequest CurrentPlan(const std::string& session);

// Appends the current plan's meetings, steps, sponsors, budget and actions,
// dated around `today`, to demo.timeline (after the history).
void AddCurrentPlanTimeline(GovernanceDemo& demo, absl::CivilDay today);

}  // namespace wp::demo::gov_demo

#endif  // WP_TOOLS_DEMO_GOVERNANCE_CURRENT_DEMO_H_
