// Budget lines of a plan: money for one workstream, or one project of it, in
// one financial year; changes to their allocation, spend against them, and
// their ledger of movements. Every change of amounts appends a movement and
// publishes wp.governance.budget_line.<verb> (which also audits it), all in
// the change's one transaction. Money moved between lines is
// reallocations.h's.
//
// Thread-safe: holds only the Database.
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_LINES_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_LINES_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class BudgetLines {
 public:
  explicit BudgetLines(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::BudgetLine> CreateBudgetLine(const server::Caller& caller,
                                                  const v1::CreateBudgetLineRequest& request);
  absl::StatusOr<v1::BudgetLine> GetBudgetLine(const server::Caller& caller,
                                               const v1::GetBudgetLineRequest& request);
  absl::StatusOr<v1::ListBudgetLinesResponse> ListBudgetLines(const server::Caller& caller,
                                                              const v1::ListBudgetLinesRequest& request);
  absl::StatusOr<v1::BudgetLine> UpdateBudgetLine(const server::Caller& caller,
                                                  const v1::UpdateBudgetLineRequest& request);
  absl::StatusOr<v1::BudgetLine> AdjustAllocation(const server::Caller& caller,
                                                  const v1::AdjustAllocationRequest& request);
  absl::StatusOr<v1::BudgetLine> RecordSpend(const server::Caller& caller,
                                             const v1::RecordSpendRequest& request);
  absl::StatusOr<v1::ListBudgetMovementsResponse> ListBudgetMovements(
      const server::Caller& caller, const v1::ListBudgetMovementsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_LINES_H_
