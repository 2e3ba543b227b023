#include "services/governance/core/fields.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/fields/field_checks.h"

namespace wp::governance {

// The text and mask checks are the shared ones (libs/fields) at this
// service's limits.
void CheckRequiredLine(absl::string_view text, const std::string& field, FieldViolations* v) {
  fields::CheckRequiredLine(text, field, kMaxLineBytes, v);
}

void CheckOptionalLine(absl::string_view text, const std::string& field, FieldViolations* v) {
  fields::CheckOptionalLine(text, field, kMaxLineBytes, v);
}

void CheckOptionalText(absl::string_view text, const std::string& field, FieldViolations* v) {
  fields::CheckOptionalText(text, field, kMaxTextBytes, v);
}

void CheckRequiredDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v) {
  if (!calendar::IsSet(date)) {
    v->Add(field, "is required");
    return;
  }
  CheckOptionalDay(date, field, v);
}

void CheckOptionalDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v) {
  if (!calendar::IsSet(date)) return;
  AddViolationsOf(calendar::Validate(date, field, /*allow_month_only=*/false), v, field);
}

absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed) {
  return fields::MaskPaths(mask, allowed);
}

std::optional<wp::common::v1::Date> DayFromText(absl::string_view text) {
  if (text.empty()) return std::nullopt;
  return calendar::FromIsoText(text);
}

store::Value DayValue(const wp::common::v1::Date& date) {
  if (!calendar::IsSet(date)) return store::Value();
  return calendar::ToIsoText(date);
}

std::string DayText(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) ? calendar::ToIsoText(date) : "";
}

std::string TodayText() { return calendar::ToIsoText(calendar::TodayUtc()); }

std::string JoinLines(const std::vector<std::string>& lines) { return absl::StrJoin(lines, "\n"); }

std::vector<std::string> SplitLines(absl::string_view text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

}  // namespace wp::governance
