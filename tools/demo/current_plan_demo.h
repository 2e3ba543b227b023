// The workstreams side of the current plan: the tracker rows of the plan for
// the session holding the load day (demo_calendar.h), and the action plan of
// one of its projects as an ImportProjectPlan file. The plan itself, its
// workstreams and projects come from governance (governance_demo.h), whose
// events create them in the workstreams service.
//
// Every date is relative to `today`, so the tracker looks alive whatever day
// it is loaded: some rows complete, some on track, a few overdue (open, with
// an expected date before `today`). None is stale on the load day: the
// service stamps a row's activity with the time of the write, and a
// progress note's own date does not count as activity, so the demo does not
// pretend otherwise; `wpctl items list --stale-as-of` a date nine weeks
// ahead shows which open rows would go stale if nobody touched them.
//
// Thread-safe: pure functions.
#ifndef WP_TOOLS_DEMO_CURRENT_PLAN_DEMO_H_
#define WP_TOOLS_DEMO_CURRENT_PLAN_DEMO_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::demo {

// The project of the current plan whose action plan CurrentActionPlanCsv holds.
inline constexpr char kCurrentActionPlanProject[] = "numeracy-in-the-bge";

// Tracker rows 1.1 ... 3.3 of the current plan, each with its workstream's
// lead officer; no `project`.
std::vector<workstreams::v1::PlanItem> CurrentPlanItems(absl::CivilDay today);

// The action plan of kCurrentActionPlanProject in the interim action plan's
// columns: outcomes, participants and five tasks timed by month (one done,
// one overdue, two ahead, one ongoing).
std::string CurrentActionPlanCsv(absl::CivilDay today);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_CURRENT_PLAN_DEMO_H_
