// The governance commands' command lines turned into API requests, apart
// from the calls so they can be tested without a server. Each takes the
// positional words after "group verb" (main.cc has checked how many) and the
// options (checked against the command's list); mistakes are usage errors
// naming the argument. Short names are expanded by governance_names.h.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_GOVERNANCE_REQUESTS_H_
#define WP_TOOLS_WPCTL_GOVERNANCE_REQUESTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/wpctl/args.h"
#include "wp/common/v1/date.pb.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::wpctl {

namespace gov = ::wp::governance::v1;

// population get AUTH SESSION
absl::StatusOr<gov::GetPopulationRequest> PopulationGetRequest(const Args& args);
// population set AUTH SESSION --learners N --teachers N --establishments N [--source T]:
// creates the figures when there are none yet; --source is kept unless given.
// --quintiles "1=34,2=20,...": establishments per SIMD quintile (1 most
// deprived .. 5), in quintile order; "" clears them. Usage error otherwise.
absl::StatusOr<std::vector<gov::QuintileCount>> ParseQuintiles(absl::string_view text);
absl::StatusOr<gov::UpdatePopulationRequest> PopulationSetRequest(const Args& args);
// population region SESSION
absl::StatusOr<gov::GetRegionPopulationRequest> RegionPopulationRequest(const Args& args);

// people list [--authority X] [--query Q]
absl::StatusOr<gov::ListPeopleRequest> PeopleListRequest(const Args& args);
// members list BODY [--active-on DATE]
absl::StatusOr<gov::ListMembershipsRequest> MembersListRequest(const Args& args);
// meetings list [BODY] [--from DATE] [--to DATE]
absl::StatusOr<gov::ListMeetingsRequest> MeetingsListRequest(const Args& args);
// decisions list [MEETING or BODY] [--plan P]
absl::StatusOr<gov::ListDecisionsRequest> DecisionsListRequest(const Args& args);
// actions list [BODY] [--overdue]: overdue as of `today`.
absl::StatusOr<gov::ListActionsRequest> ActionsListRequest(const Args& args,
                                                           const common::v1::Date& today);

// plans approve|endorse|activate|close PLAN [--meeting M] [--decision D]:
// full names of the plan, meeting and decision (empty when not given).
struct PlanStepArgs {
  std::string plan;
  std::string meeting;
  std::string decision;
};
absl::StatusOr<PlanStepArgs> PlanStepArgsOf(const Args& args, bool meeting_required);
// sponsors list [PLAN]
absl::StatusOr<gov::ListSponsorshipsRequest> SponsorsListRequest(const Args& args);

// budget lines PLAN [--year FY]
absl::StatusOr<gov::ListBudgetLinesRequest> BudgetLinesRequest(const Args& args);
// budget summary PLAN [--year FY]
absl::StatusOr<gov::GetBudgetSummaryRequest> BudgetSummaryRequest(const Args& args);
// budget spend LINE --amount £ --description T --date D [--reference R] [--request-id ID]
absl::StatusOr<gov::RecordSpendRequest> BudgetSpendRequest(const Args& args);
// budget move PLAN --from LINE --to LINE --amount £ --reason T --body BODY [--request-id ID]
absl::StatusOr<gov::ReallocateBudgetRequest> BudgetMoveRequest(const Args& args);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_GOVERNANCE_REQUESTS_H_
