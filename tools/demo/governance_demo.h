// The governance demo data set: the people of the region's governance
// (invented names, real role titles), their seats on the four standing
// bodies, approximate population figures for 2022-23, the region's three
// past improvement plans and the current one (the plan of the session holding
// the load day, demo_calendar.h), and a timeline of what happened at
// meetings: plans approved, endorsed, activated, amended and closed, Board
// sponsors assigned, the 2022-23 budget and this financial year's set, spent
// and partly reallocated (the latest move a week or two before the load day),
// and actions raised. The timeline ends with a recent Board meeting and the
// next one, scheduled, so that its meeting pack has an agenda on the current
// plan, open actions (one overdue) and matters arising. Written for this project; the plans' 2022-23 workstreams
// and lead officers are those of demo_data.h, so both services agree.
//
// Meetings and decisions get their numbers from the service, so the data
// refers to them by key; the loader (governance_loader.h) maps keys to names.
// Every create carries a request_id, so loading twice changes nothing.
//
// The parts: governance_demo.cc (the past plans and their history, and
// BuildGovernanceDemo), governance_current_demo.h (the current plan and its
// story), governance_demo_people.h (who is who) and governance_demo_builders.h
// (the request builders they share).
// Thread-safe: pure functions returning values.
#ifndef WP_TOOLS_DEMO_GOVERNANCE_DEMO_H_
#define WP_TOOLS_DEMO_GOVERNANCE_DEMO_H_

#include <string>
#include <variant>
#include <vector>

#include "absl/time/civil_time.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::demo {

namespace gv1 = ::wp::governance::v1;

// A decision recorded at a meeting. request.parent is left empty (the
// meeting's name is known once it is scheduled).
struct GovDecision {
  std::string key;  // unique in the data set
  gv1::RecordDecisionRequest request;
};

// A meeting: scheduled, then (when `held`) recorded as held with its
// attendance, then its decisions recorded.
struct GovMeeting {
  std::string key;  // unique in the data set, e.g. "board-2018-09"
  gv1::ScheduleMeetingRequest request;
  bool held = false;
  gv1::Attendance attendance;
  std::vector<GovDecision> decisions;
};

// Where a step was decided: keys of an earlier GovMeeting and one of its
// decisions (either may be empty).
struct GovAt {
  std::string meeting_key;
  std::string decision_key;
};

// One lifecycle step of a plan. The loader skips it when the plan is
// already in `to_state` or beyond.
struct GovPlanStep {
  std::string plan;  // plans/{id}
  gv1::Plan::State to_state = gv1::Plan::STATE_UNSPECIFIED;
  GovAt at;
  std::string request_id;
};

// Requests whose meeting and decision fields the loader fills from `at`.
struct GovAmendment {
  gv1::AmendPlanRequest request;
  GovAt at;
};
struct GovSponsorship {
  gv1::AssignSponsorRequest request;
  GovAt at;
};
struct GovReallocation {
  gv1::ReallocateBudgetRequest request;
  GovAt at;
};
struct GovAction {
  gv1::CreateActionRequest request;
  GovAt at;
};

// One thing that happened, in the order it happened.
using GovEvent =
    std::variant<GovMeeting, GovPlanStep, GovAmendment, GovSponsorship,
                 gv1::CreateBudgetLineRequest, gv1::RecordSpendRequest, GovReallocation, GovAction>;

struct GovernanceDemo {
  std::vector<gv1::CreatePersonRequest> people;
  std::vector<gv1::CreateMembershipRequest> memberships;
  // Sent with UpdatePopulation (allow_missing): setting them again is a no-op.
  std::vector<gv1::Population> populations;
  // Created as drafts; the timeline moves them on.
  std::vector<gv1::CreatePlanRequest> plans;
  std::vector<GovEvent> timeline;
};

// The session the population figures are for.
inline constexpr char kDemoPopulationSession[] = "2022-23";

// `today` names the current plan (its session) and the financial year of its
// budget, and places their meetings, the spends, the recent Board meeting,
// the next one and the due dates of the actions raised at the recent one.
// `today` is after the 2022-23 session (from August 2023), whose plan the
// timeline closes in June 2023.
GovernanceDemo BuildGovernanceDemo(absl::CivilDay today);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_GOVERNANCE_DEMO_H_
