#include "services/governance/core/budget.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/text/blank.h"

namespace wp::governance {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxReasonLength = 4000;

void AddRequiredText(absl::string_view text, absl::string_view field, size_t max_length,
                     FieldViolations& v) {
  if (text::IsBlank(text)) {
    v.Add(field, "is required");
  } else if (text.size() > max_length) {
    v.Add(field, absl::StrCat("must be at most ", max_length, " bytes"));
  }
}

void AddLineViolations(const BudgetLine& line, absl::string_view field, FieldViolations& v) {
  AddRequiredText(line.id, absl::StrCat(field, ".id"), kMaxNameLength, v);
  AddRequiredText(line.workstream, absl::StrCat(field, ".workstream"), kMaxNameLength, v);
  if (!IsValidFinancialYear(line.financial_year)) {
    v.Add(absl::StrCat(field, ".financial_year"), "must look like 2022-23 (two consecutive years)");
  }
  if (line.allocated < Pence(0)) v.Add(absl::StrCat(field, ".allocated"), "must not be negative");
  if (line.spent < Pence(0)) {
    v.Add(absl::StrCat(field, ".spent"), "must not be negative");
  } else if (line.allocated >= Pence(0) && line.spent > line.allocated) {
    // Checked only against a valid allocation, so one mistake is reported once.
    v.Add(absl::StrCat(field, ".spent"),
          absl::StrCat("must not exceed allocated (", FormatPounds(line.allocated), ")"));
  }
}

void AddAmountViolation(Pence amount, FieldViolations& v) {
  if (amount <= Pence(0))
    v.Add("amount", absl::StrCat("must be more than ", FormatPounds(Pence(0))));
}

}  // namespace

bool IsValidFinancialYear(absl::string_view year) {
  if (year.size() != 7 || year[4] != '-') return false;
  for (size_t i = 0; i < year.size(); ++i) {
    if (i != 4 && !absl::ascii_isdigit(static_cast<unsigned char>(year[i]))) return false;
  }
  int start = 0, end = 0;
  if (!absl::SimpleAtoi(year.substr(0, 4), &start) || !absl::SimpleAtoi(year.substr(5), &end)) {
    return false;
  }
  return start >= 2000 && start <= 2099 && end == (start + 1) % 100;
}

absl::Status ValidateBudgetLine(const BudgetLine& line, absl::string_view field) {
  FieldViolations v;
  AddLineViolations(line, field, v);
  return v.ToStatus();
}

absl::StatusOr<Pence> Available(const BudgetLine& line) {
  WP_RETURN_IF_ERROR(ValidateBudgetLine(line));
  // Cannot overflow: 0 <= spent <= allocated.
  return Pence(line.allocated.value() - line.spent.value());
}

absl::Status Reallocate(BudgetLine& from, BudgetLine& to, Pence amount, absl::string_view reason,
                        absl::string_view approving_body) {
  FieldViolations v;
  AddAmountViolation(amount, v);
  AddRequiredText(reason, "reason", kMaxReasonLength, v);
  AddRequiredText(approving_body, "approving_body", kMaxNameLength, v);
  AddLineViolations(from, "from", v);
  AddLineViolations(to, "to", v);
  if (!text::IsBlank(from.id) && from.id == to.id) {
    v.Add("to.id", "must be a different line from from.id");
  }
  if (IsValidFinancialYear(from.financial_year) && IsValidFinancialYear(to.financial_year) &&
      from.financial_year != to.financial_year) {
    v.Add("to.financial_year", absl::StrCat("must match from.financial_year (", from.financial_year,
                                            "); money moves only within one financial year"));
  }
  if (!v.empty()) return v.ToStatus();

  const Pence available(from.allocated.value() - from.spent.value());
  if (available < amount) {
    return absl::FailedPreconditionError(
        absl::StrCat("line ", from.id, " has ", FormatPounds(available), " available, cannot move ",
                     FormatPounds(amount)));
  }
  WP_ASSIGN_OR_RETURN(Pence to_allocated, to.allocated.Add(amount));
  // Both lines change only once nothing can fail.
  from.allocated = Pence(from.allocated.value() - amount.value());
  to.allocated = to_allocated;
  return absl::OkStatus();
}

absl::Status RecordSpend(BudgetLine& line, Pence amount) {
  FieldViolations v;
  AddAmountViolation(amount, v);
  AddLineViolations(line, "budget_line", v);
  if (!v.empty()) return v.ToStatus();
  const Pence available(line.allocated.value() - line.spent.value());
  if (available < amount) {
    return absl::FailedPreconditionError(
        absl::StrCat("line ", line.id, " has ", FormatPounds(available),
                     " available, cannot spend ", FormatPounds(amount)));
  }
  // Cannot overflow: the new spent is at most allocated.
  line.spent = Pence(line.spent.value() + amount.value());
  return absl::OkStatus();
}

absl::StatusOr<std::map<std::pair<std::string, std::string>, Pence>> TotalsByWorkstreamAndYear(
    const std::vector<BudgetLine>& lines, BudgetAmount which) {
  std::map<std::pair<std::string, std::string>, Pence> totals;
  for (const BudgetLine& line : lines) {
    const Pence amount = which == BudgetAmount::kSpent ? line.spent : line.allocated;
    Pence& total = totals[{line.workstream, line.financial_year}];
    absl::StatusOr<Pence> sum = total.Add(amount);
    if (!sum.ok()) {
      return absl::OutOfRangeError(absl::StrCat("total for workstream ", line.workstream, " in ",
                                                line.financial_year,
                                                " overflows: ", sum.status().message()));
    }
    total = *sum;
  }
  return totals;
}

}  // namespace wp::governance
