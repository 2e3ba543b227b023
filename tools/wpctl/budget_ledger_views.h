// A budget line's ledger as text (`wpctl budget movements LINE`): every
// allocation, spend and reallocation in and out, oldest first, with the
// amount available after each. Money in pounds. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_BUDGET_LEDGER_VIEWS_H_
#define WP_TOOLS_WPCTL_BUDGET_LEDGER_VIEWS_H_

#include <string>

#include "wp/governance/v1/plans.pb.h"

namespace wp::wpctl {

// "opening allocation", "allocation adjusted", "spend", "moved out to X",
// "moved in from X".
std::string MovementWord(const ::wp::governance::v1::BudgetMovement& movement);

// Columns TIME (UTC), MOVEMENT, AMOUNT (signed), AVAILABLE (after it), BY,
// REASON; says so when the line has no movements.
std::string LedgerText(const std::string& line, const ::wp::governance::v1::ListBudgetMovementsResponse& response);

// A retried spend: "already recorded as <movement> at <time>: nothing spent
// now", what that spend was, then the line as it is. `recorded` is the
// movement the first call made, when it could be read (else only its name,
// `replay_of`, is said).
std::string ReplayedSpendText(const std::string& replay_of, const ::wp::governance::v1::BudgetMovement* recorded,
                              const ::wp::governance::v1::BudgetLine& line);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_BUDGET_LEDGER_VIEWS_H_
