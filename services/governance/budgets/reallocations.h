// Reallocations: unspent allocation moved from one budget line to another of
// the same plan and financial year, with the reason and the body that
// approved it. One transaction changes both lines, appends a movement to
// each (REALLOCATED_OUT, REALLOCATED_IN), records the reallocation and
// publishes wp.governance.budget.reallocated, so both lines change together
// or neither does.
//
// Thread-safe: holds only the Database.
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_REALLOCATIONS_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_REALLOCATIONS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class Reallocations {
 public:
  explicit Reallocations(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::ReallocateBudgetResponse> ReallocateBudget(const server::Caller& caller,
                                                                const v1::ReallocateBudgetRequest& request);
  absl::StatusOr<v1::Reallocation> GetReallocation(const server::Caller& caller,
                                                   const v1::GetReallocationRequest& request);
  absl::StatusOr<v1::ListReallocationsResponse> ListReallocations(
      const server::Caller& caller, const v1::ListReallocationsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_REALLOCATIONS_H_
