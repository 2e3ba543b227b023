#include "tools/wpctl/budget_ledger_views.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/plan_views.h"

namespace wp::wpctl {

namespace gov = ::wp::governance::v1;

std::string MovementWord(const gov::BudgetMovement& m) {
  switch (m.kind()) {
    case gov::BudgetMovement::OPENING_ALLOCATION: return "opening allocation";
    case gov::BudgetMovement::ALLOCATION_ADJUSTED: return "allocation adjusted";
    case gov::BudgetMovement::SPEND_RECORDED: return "spend";
    case gov::BudgetMovement::REALLOCATED_OUT: return absl::StrCat("moved out to ", ShortName(m.counterpart_line()));
    case gov::BudgetMovement::REALLOCATED_IN: return absl::StrCat("moved in from ", ShortName(m.counterpart_line()));
    default: return "unknown";
  }
}

std::string LedgerText(const std::string& line, const gov::ListBudgetMovementsResponse& response) {
  if (response.movements().empty()) return absl::StrCat(line, ": no movements\n");
  Table table({{"TIME (UTC)"},
               {"MOVEMENT"},
               {"AMOUNT", Align::kRight},
               {"AVAILABLE", Align::kRight},
               {"BY"},
               {"REASON"}});
  for (const gov::BudgetMovement& m : response.movements()) {
    // A spend takes money away from what is available, though its amount is
    // recorded positive.
    const int64_t signed_amount =
        m.kind() == gov::BudgetMovement::SPEND_RECORDED ? -m.amount_pence() : m.amount_pence();
    const std::string amount =
        signed_amount < 0 ? absl::StrCat("-", PoundsText(-signed_amount)) : PoundsText(signed_amount);
    std::string reason = m.reason();
    if (!m.reference().empty()) absl::StrAppend(&reason, reason.empty() ? "" : " ", "(ref ", m.reference(), ")");
    table.AddRow({TimeText(m.create_time()), MovementWord(m), amount,
                  PoundsText(m.allocated_after_pence() - m.spent_after_pence()), m.recorded_by(), reason});
  }
  return absl::StrCat(line, "\n", table.Render());
}

std::string ReplayedSpendText(const std::string& replay_of, const gov::BudgetMovement* recorded,
                              const gov::BudgetLine& line) {
  std::string out = absl::StrCat("already recorded as ", replay_of);
  if (recorded != nullptr) {
    absl::StrAppend(&out, " at ", TimeText(recorded->create_time()), ": nothing spent now\nit spent ",
                    PoundsText(recorded->amount_pence()), " (", recorded->reason(), ")\n");
  } else {
    absl::StrAppend(&out, ": nothing spent now\n");
  }
  return absl::StrCat(out, BudgetLineText(line));
}

}  // namespace wp::wpctl
