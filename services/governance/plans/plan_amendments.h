// Amendments to an approved plan (BOARD_APPROVED, COMMITTEE_ENDORSED or
// ACTIVE): changes to its content and to its projects' statuses, such as an
// interim action plan that prioritises some projects and pauses others.
// Each amendment is kept as the record of what changed and what was there
// before, and raises the plan's revision. Publishes wp.governance.plan.amended.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_PLAN_AMENDMENTS_H_
#define WP_SERVICES_GOVERNANCE_PLANS_PLAN_AMENDMENTS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class PlanAmendments {
 public:
  explicit PlanAmendments(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::PlanAmendment> AmendPlan(const server::Caller& caller, const v1::AmendPlanRequest& request);
  absl::StatusOr<v1::PlanAmendment> GetPlanAmendment(const server::Caller& caller,
                                                     const v1::GetPlanAmendmentRequest& request);
  // Oldest first.
  absl::StatusOr<v1::ListPlanAmendmentsResponse> ListPlanAmendments(
      const server::Caller& caller, const v1::ListPlanAmendmentsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_PLAN_AMENDMENTS_H_
