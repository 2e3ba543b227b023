// Persistence of the budget area: budget lines, the ledger of their
// movements, and reallocations; rows <-> protos. The rules of what a change
// may do live in budget_lines.cc and reallocations.cc; these functions only
// read and write, inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_STORE_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "services/governance/core/budget.h"
#include "services/governance/core/money.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

// ---- Lines ----

// NOT_FOUND naming the line.
absl::StatusOr<v1::BudgetLine> LoadBudgetLine(store::Transaction& tx, const std::string& plan_id,
                                              const std::string& line_id);
// The line already holding (year, workstream, project) in the plan, if any.
absl::StatusOr<std::optional<std::string>> LineIdFor(store::Transaction& tx, const std::string& plan_id,
                                                     const std::string& financial_year,
                                                     int32_t workstream_number,
                                                     const std::string& project_id);
// Version 1, nothing spent. `line` must already be validated.
absl::Status InsertBudgetLine(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                              const v1::BudgetLine& line, absl::Time now);
// Both bump the version and update time; ABORTED when the stored version is
// no longer `expected_version`.
absl::Status SaveLineTitle(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                           int64_t expected_version, const std::string& title, absl::Time now);
absl::Status SaveLineAmounts(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                             int64_t expected_version, Pence allocated, Pence spent, absl::Time now);

// The line as budget.h's rules see it: id, workstream (its number as text),
// year and amounts.
BudgetLine ToRuleLine(const std::string& line_id, const v1::BudgetLine& line);

// Where a page of ListBudgetLines ended: its order is financial year,
// workstream number, project id, then plan id (lines of plans/- are unique so).
struct LineKey {
  std::string financial_year;
  int64_t workstream_number = 0;
  std::string project_id;
  std::string plan_id;
};
struct LineFilter {
  std::string plan_id;  // empty for every plan
  std::string financial_year;
  int32_t workstream_number = 0;
  std::string project_id;
};
// Up to `limit` lines matching `filter`, after `after` when given, in order.
absl::StatusOr<std::vector<v1::BudgetLine>> ListLines(store::Transaction& tx, const LineFilter& filter,
                                                      const std::optional<LineKey>& after, int limit);
LineKey KeyOf(const v1::BudgetLine& line);

// ---- The ledger ----

// Appends `movement` (kind, amounts, reason, ... as the caller fills them;
// effective_date required) as the line's next movement, numbered from 1,
// and returns it as stored with its name and create time.
absl::StatusOr<v1::BudgetMovement> AppendMovement(store::Transaction& tx, const std::string& plan_id,
                                                  const std::string& line_id, v1::BudgetMovement movement,
                                                  absl::Time now);
// The movement a request id recorded: NOT_FOUND naming it.
absl::StatusOr<v1::BudgetMovement> LoadMovement(store::Transaction& tx, const std::string& plan_id,
                                                const std::string& line_id, int64_t number);

// Oldest first: creation time, then line id, then number.
struct MovementKey {
  int64_t create_us = 0;
  std::string line_id;
  int64_t number = 0;
};
// The plan's movements, of one line unless `line_id` is empty, of `kinds`
// unless it is empty.
absl::StatusOr<std::vector<v1::BudgetMovement>> ListMovements(
    store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
    const std::vector<int64_t>& kinds, const std::optional<MovementKey>& after, int limit);
// Parses the key back out of a movement the list returned.
MovementKey KeyOf(const v1::BudgetMovement& movement);

// ---- Reallocations ----

absl::StatusOr<int64_t> NextReallocationNumber(store::Transaction& tx, const std::string& plan_id);
// Stores response.reallocation (named with `number`, lines named in the
// plan) with both lines as the move left them.
absl::Status InsertReallocation(store::Transaction& tx, const std::string& plan_id, int64_t number,
                                const v1::ReallocateBudgetResponse& response, absl::Time now);
// NOT_FOUND naming it. The response form carries the stored lines too.
absl::StatusOr<v1::Reallocation> LoadReallocation(store::Transaction& tx, const std::string& plan_id,
                                                  int64_t number);
absl::StatusOr<v1::ReallocateBudgetResponse> LoadReallocationResponse(store::Transaction& tx,
                                                                      const std::string& plan_id,
                                                                      int64_t number);

// Newest first: creation time, then plan id, then number, all descending.
struct ReallocationKey {
  int64_t create_us = 0;
  std::string plan_id;
  int64_t number = 0;
};
struct ReallocationFilter {
  std::string plan_id;  // empty for every plan
  std::string financial_year;
  std::string line_id;  // into or out of this line of plan_id, when set
};
absl::StatusOr<std::vector<v1::Reallocation>> ListReallocationRows(
    store::Transaction& tx, const ReallocationFilter& filter, const std::optional<ReallocationKey>& after,
    int limit);
ReallocationKey KeyOf(const v1::Reallocation& reallocation);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_STORE_H_
