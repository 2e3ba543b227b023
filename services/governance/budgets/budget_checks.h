// Request checks the budget area's classes share: line names, the approval
// (body, meeting, decision) behind a change of money, and the effective day.
// The static checks only add field violations, so a request learns every bad
// field at once; ResolveApproval then checks what the names point at inside
// the change's transaction.
//
// Thread-safety: pure functions, or as the Transaction passed in.
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_CHECKS_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_CHECKS_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "libs/status/field_errors.h"
#include "libs/store/database.h"
#include "services/governance/core/references.h"
#include "wp/common/v1/date.pb.h"

namespace wp::governance {


struct LineId {
  std::string plan_id;
  std::string line_id;
};
// plans/{plan}/budgetLines/{line}; nothing, and a violation on `field`, when malformed.
std::optional<LineId> ParseLineName(const std::string& name, const std::string& field, FieldViolations* v);

// The names of an approval, each field being `prefix` + approving_body /
// meeting / decision: the body is bodies/{id} (required when
// `body_required`), the meeting bodies/{id}/meetings/{n}, the decision one
// of that meeting's, and a decision needs its meeting.
void CheckApprovalNames(const std::string& body, const std::string& meeting, const std::string& decision,
                        const std::string& prefix, bool body_required, FieldViolations* v);
// The body exists; the meeting, when given, exists and is HELD; the
// decision, when given, was recorded at it. NOT_FOUND or FAILED_PRECONDITION
// otherwise (references.h).
absl::Status ResolveApproval(store::Transaction& tx, const std::string& body, const std::string& meeting,
                             const std::string& decision, const std::string& prefix);

// The financial years a plan's budget may hold: those that overlap its
// school sessions. A session runs August to July and a financial year April
// to March, so plan 2022-23 takes 2022-23 and 2023-24, and plan 2018-21
// takes 2018-19 to 2021-22.
struct PlanYears {
  std::string first;  // e.g. "2022-23"
  std::string last;   // e.g. "2023-24"
  bool Contains(const std::string& financial_year) const {
    return first <= financial_year && financial_year <= last;  // same YYYY-YY shape
  }
};
PlanYears FinancialYearsOf(const PlanRef& plan);
// INVALID_ARGUMENT on `field` when `financial_year` is not one of the plan's.
absl::Status CheckYearInPlan(const PlanRef& plan, const std::string& financial_year, const std::string& field);

// Longest reason for a change of money: what budget.h's Reallocate accepts.
inline constexpr size_t kMaxReasonBytes = 4000;
// A reason: not blank, at most kMaxReasonBytes (it may span lines).
void CheckReason(const std::string& text, const std::string& field, FieldViolations* v);

// The stored day of an optional effective date: today (UTC) when absent.
wp::common::v1::Date EffectiveDate(const wp::common::v1::Date& date);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_CHECKS_H_
