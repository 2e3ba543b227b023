#include "services/governance/budgets/budget_summary.h"

#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/governance/budgets/budget_checks.h"
#include "services/governance/core/budget.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/money.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"

namespace wp::governance {
namespace {

// SQL's SUM over int64 fails (SQLite) or widens (PostgreSQL) on overflow, and
// neither says OUT_OF_RANGE. So each amount is summed in two halves, amount /
// 2^32 and amount % 2^32 (amounts are never negative), which cannot overflow
// for fewer than 2^31 lines, and the halves are joined with checked
// arithmetic here.
constexpr int64_t kHalf = int64_t{1} << 32;

absl::StatusOr<Pence> Join(int64_t high_sum, int64_t low_sum, const std::string& what) {
  const auto overflow = [&] { return absl::OutOfRangeError(absl::StrCat(what, " overflows int64 pence")); };
  if (high_sum > std::numeric_limits<int64_t>::max() / kHalf) return overflow();
  absl::StatusOr<Pence> sum = Pence(high_sum * kHalf).Add(Pence(low_sum));
  if (!sum.ok()) return overflow();
  return sum;
}

// Adds `more` to `into`, all three amounts, or OUT_OF_RANGE naming `what`.
absl::Status AddAmounts(const v1::BudgetAmounts& more, const std::string& what, v1::BudgetAmounts* into) {
  auto allocated = Pence(into->allocated_pence()).Add(Pence(more.allocated_pence()));
  if (!allocated.ok())
    return absl::OutOfRangeError(absl::StrCat("allocated ", what, " overflows int64 pence"));
  auto spent = Pence(into->spent_pence()).Add(Pence(more.spent_pence()));
  if (!spent.ok()) return absl::OutOfRangeError(absl::StrCat("spent ", what, " overflows int64 pence"));
  // spent <= allocated on every line, so the difference of the sums fits.
  into->set_allocated_pence(allocated->value());
  into->set_spent_pence(spent->value());
  into->set_available_pence(allocated->value() - spent->value());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::BudgetSummary> BudgetSummaries::GetBudgetSummary(
    const server::Caller& caller, const v1::GetBudgetSummaryRequest& request) {
  FieldViolations v;
  auto plan_parts = ParseName(request.plan(), kPlanPattern, "plan");
  AddViolationsOf(plan_parts.status(), &v, "plan");
  if (!request.financial_year().empty() && !IsValidFinancialYear(request.financial_year())) {
    v.Add("financial_year", "must be a financial year like 2022-23");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());

  const std::string plan_id = (*plan_parts)[0];
  return store::ReadValue<v1::BudgetSummary>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::BudgetSummary> {
        WP_ASSIGN_OR_RETURN(auto plan, LoadPlanRef(tx, plan_id));
        // Only the plan's own years count: lines created before years were
        // checked (budget_checks.h) may lie outside them.
        const PlanYears years = FinancialYearsOf(plan);
        WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
            "SELECT financial_year, workstream_number, COUNT(*), "
            "SUM(allocated_pence / ?), SUM(allocated_pence % ?), SUM(spent_pence / ?), SUM(spent_pence % ?) "
            "FROM budget_lines WHERE plan_id = ? AND (? = '' OR financial_year = ?) "
            "AND financial_year BETWEEN ? AND ? "
            "GROUP BY financial_year, workstream_number ORDER BY financial_year, workstream_number",
            {kHalf, kHalf, kHalf, kHalf, plan_id, request.financial_year(), request.financial_year(),
             years.first, years.last}));

        v1::BudgetSummary summary;
        summary.set_plan(plan.name);
        summary.set_financial_year(request.financial_year());
        summary.mutable_total();
        for (const store::Row& r : rows) {
          const std::string year = r.Text(0);
          const int32_t number = static_cast<int32_t>(r.Int(1));
          const std::string what = absl::StrCat("total of workstream ", number, " in ", year);
          WP_ASSIGN_OR_RETURN(auto allocated, Join(r.Int(3), r.Int(4), absl::StrCat("allocated ", what)));
          WP_ASSIGN_OR_RETURN(auto spent, Join(r.Int(5), r.Int(6), absl::StrCat("spent ", what)));

          v1::WorkstreamBudget* ws = summary.add_workstreams();
          ws->set_workstream_number(number);
          auto title = plan.workstreams.find(number);
          if (title != plan.workstreams.end()) ws->set_workstream_title(title->second);
          ws->set_financial_year(year);
          ws->set_line_count(static_cast<int32_t>(r.Int(2)));
          ws->mutable_amounts()->set_allocated_pence(allocated.value());
          ws->mutable_amounts()->set_spent_pence(spent.value());
          ws->mutable_amounts()->set_available_pence(allocated.value() - spent.value());

          // Rows come by year, so a year's total is the last one begun.
          if (summary.years().empty() || summary.years().rbegin()->financial_year() != year) {
            summary.add_years()->set_financial_year(year);
          }
          v1::YearBudget* year_total = summary.mutable_years(summary.years_size() - 1);
          if (absl::Status s =
                  AddAmounts(ws->amounts(), absl::StrCat("total of ", year), year_total->mutable_amounts());
              !s.ok()) {
            return s;
          }
          WP_RETURN_IF_ERROR(AddAmounts(ws->amounts(), "total of the plan", summary.mutable_total()));
        }
        *summary.mutable_computed_at() = calendar::TimestampOf(absl::Now());
        return summary;
      });
}

}  // namespace wp::governance
