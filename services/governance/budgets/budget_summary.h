// The budget summary of a plan: its lines added up by financial year and
// workstream, per year, and in all. A pure computation from the store, in
// one read transaction with the sums done by SQL; caching it is the
// caller's business (the service keys its cache on the data generation,
// which every budget change moves on).
//
// Thread-safe: holds only the Database.
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_SUMMARY_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_SUMMARY_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class BudgetSummaries {
 public:
  explicit BudgetSummaries(store::Database& db) : db_(db) {}

  // NOT_FOUND for a missing plan; OUT_OF_RANGE when a sum does not fit in
  // int64 pence (a wrapped total would be a wrong figure in a report).
  absl::StatusOr<v1::BudgetSummary> GetBudgetSummary(const server::Caller& caller,
                                                     const v1::GetBudgetSummaryRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_SUMMARY_H_
