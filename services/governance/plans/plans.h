// Improvement plans: creating and editing drafts, reading and listing them,
// and their lifecycle (draft -> board_approved -> committee_endorsed ->
// active -> closed), each step taken at a meeting of the right body and
// recorded on the plan (plan_steps.cc). A plain class; the gRPC layer only
// translates.
// Every change publishes its event (wp.governance.plan.*) and is audited in
// the transaction that makes it.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_PLANS_H_
#define WP_SERVICES_GOVERNANCE_PLANS_PLANS_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class Plans {
 public:
  explicit Plans(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Plan> CreatePlan(const server::Caller& caller, const v1::CreatePlanRequest& request);
  absl::StatusOr<v1::Plan> GetPlan(const server::Caller& caller, const v1::GetPlanRequest& request);
  absl::StatusOr<v1::ListPlansResponse> ListPlans(const server::Caller& caller,
                                                  const v1::ListPlansRequest& request);
  absl::StatusOr<v1::Plan> UpdatePlan(const server::Caller& caller, const v1::UpdatePlanRequest& request);

  absl::StatusOr<v1::Plan> ApprovePlan(const server::Caller& caller, const v1::ApprovePlanRequest& request);
  absl::StatusOr<v1::Plan> EndorsePlan(const server::Caller& caller, const v1::EndorsePlanRequest& request);
  absl::StatusOr<v1::Plan> ActivatePlan(const server::Caller& caller, const v1::ActivatePlanRequest& request);
  absl::StatusOr<v1::Plan> ClosePlan(const server::Caller& caller, const v1::ClosePlanRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_PLANS_H_
