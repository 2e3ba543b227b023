// Budget lines and the money moved between them: allocations per workstream
// or project per financial year, spend against them, reallocation of unspent
// funds, and totals for the Finance Sub-Group's reports.
//
// All amounts are exact pence (money.h). The invariant every function keeps:
// 0 <= spent <= allocated on every line, so no line ever goes below zero.
// A function that fails leaves its lines exactly as they were. Thread-safe:
// pure functions; callers serialise access to the lines they pass in.
#ifndef WP_SERVICES_GOVERNANCE_CORE_BUDGET_H_
#define WP_SERVICES_GOVERNANCE_CORE_BUDGET_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/governance/core/money.h"

namespace wp::governance {

struct BudgetLine {
  std::string id;              // unique, e.g. "2022-23/mentoring"
  std::string workstream;      // the workstream or project the money is for
  std::string financial_year;  // "2022-23": April 2022 to March 2023
  Pence allocated;
  Pence spent;
};

// "2022-23": a start year 2000..2099 and the last two digits of the next year.
bool IsValidFinancialYear(absl::string_view year);

// Every field of `line`, all violations at once, INVALID_ARGUMENT naming
// "<field>.id", "<field>.workstream", "<field>.financial_year",
// "<field>.allocated" or "<field>.spent". Amounts must be non-negative and
// spent must not exceed allocated.
absl::Status ValidateBudgetLine(const BudgetLine& line, absl::string_view field = "budget_line");

// allocated - spent, the money still free to spend or move. Validates the line first.
absl::StatusOr<Pence> Available(const BudgetLine& line);

// Moves `amount` of unspent allocation from `from` to `to`, e.g. unused
// mentoring funds to a coaching programme, as decided by `approving_body`.
//   - INVALID_ARGUMENT, all at once, naming: amount (must be > £0), reason and
//     approving_body (required), from.* / to.* (ValidateBudgetLine), to.id (the
//     same line as from), to.financial_year (another year than from's: the
//     grant is given per year, so such a move is wrong whatever the balances);
//   - FAILED_PRECONDITION "line X has £Y available, cannot move £Z" when
//     from's allocated - spent is less than amount;
//   - OUT_OF_RANGE if to's allocation would overflow.
// Recording the reason and body in history is the caller's job.
absl::Status Reallocate(BudgetLine& from, BudgetLine& to, Pence amount, absl::string_view reason,
                        absl::string_view approving_body);

// Adds `amount` (> £0, else INVALID_ARGUMENT naming amount) to line.spent.
// FAILED_PRECONDITION "line X has £Y available, cannot spend £Z" when it
// would take spent beyond the allocation.
absl::Status RecordSpend(BudgetLine& line, Pence amount);

// Which amount of each line TotalsByWorkstreamAndYear adds up.
enum class BudgetAmount { kAllocated, kSpent };

// Sums of `which` keyed by (workstream, financial_year). Lines are summed as
// given, without validation. OUT_OF_RANGE, naming the key, if a sum would
// overflow: a wrapped or clamped total would be a wrong figure in a report.
absl::StatusOr<std::map<std::pair<std::string, std::string>, Pence>> TotalsByWorkstreamAndYear(
    const std::vector<BudgetLine>& lines, BudgetAmount which = BudgetAmount::kAllocated);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_BUDGET_H_
