#include "services/governance/budgets/budget_checks.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "libs/text/blank.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"

namespace wp::governance {

std::optional<LineId> ParseLineName(const std::string& name, const std::string& field, FieldViolations* v) {
  auto parts = ParseName(name, kBudgetLinePattern, field);
  if (!parts.ok()) {
    AddViolationsOf(parts.status(), v, field);
    return std::nullopt;
  }
  return LineId{(*parts)[0], (*parts)[1]};
}

void CheckApprovalNames(const std::string& body, const std::string& meeting, const std::string& decision,
                        const std::string& prefix, bool body_required, FieldViolations* v) {
  const std::string body_field = prefix + "approving_body";
  if (body.empty()) {
    if (body_required) v->Add(body_field, "is required");
  } else {
    AddViolationsOf(ParseName(body, kBodyPattern, body_field).status(), v, body_field);
  }
  if (!meeting.empty()) {
    AddViolationsOf(ParseName(meeting, kMeetingPattern, prefix + "meeting").status(), v, prefix + "meeting");
  }
  if (!decision.empty()) {
    const std::string field = prefix + "decision";
    absl::Status parsed = ParseName(decision, kDecisionPattern, field).status();
    AddViolationsOf(parsed, v, field);
    if (parsed.ok() && meeting.empty()) {
      v->Add(field, "needs meeting: the meeting the decision was recorded at");
    }
  }
}

absl::Status ResolveApproval(store::Transaction& tx, const std::string& body, const std::string& meeting,
                             const std::string& decision, const std::string& prefix) {
  if (!body.empty()) {
    if (auto b = ResolveBody(tx, body, prefix + "approving_body"); !b.ok()) return b.status();
  }
  if (meeting.empty()) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(auto held, ResolveMeeting(tx, meeting, prefix + "meeting", /*must_be_held=*/true));
  if (decision.empty()) return absl::OkStatus();
  return ResolveDecisionAt(tx, decision, prefix + "decision", held).status();
}

PlanYears FinancialYearsOf(const PlanRef& plan) {
  int first = 0;
  int last = 0;
  const std::string first_session = FirstSessionOf(plan.session_span);
  const std::string last_session = LastSessionOf(plan.session_span);
  if (!absl::SimpleAtoi(absl::string_view(first_session).substr(0, 4), &first) ||
      !absl::SimpleAtoi(absl::string_view(last_session).substr(0, 4), &last)) {
    return {};  // an unreadable span holds no year
  }
  auto year = [](int start) { return absl::StrCat(start, "-", absl::Dec((start + 1) % 100, absl::kZeroPad2)); };
  return {year(first), year(last + 1)};
}

absl::Status CheckYearInPlan(const PlanRef& plan, const std::string& financial_year, const std::string& field) {
  const PlanYears years = FinancialYearsOf(plan);
  if (years.Contains(financial_year)) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("is outside ", plan.name, ", whose sessions ", plan.session_span,
                                          " take the financial years ", years.first, " to ", years.last));
}

void CheckReason(const std::string& text, const std::string& field, FieldViolations* v) {
  if (text::IsBlank(text)) {
    v->Add(field, "is required");
  } else if (text.size() > kMaxReasonBytes) {
    v->Add(field, absl::StrCat("must be at most ", kMaxReasonBytes, " bytes"));
  }
}

wp::common::v1::Date EffectiveDate(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) ? date : calendar::TodayUtc();
}

}  // namespace wp::governance
