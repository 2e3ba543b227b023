#include "services/governance/request_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/calendar/dates.h"
#include "services/governance/names.h"

namespace wp::governance::meetings_internal {

bool IsFullDay(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) && calendar::Validate(date, "date", /*allow_month_only=*/false).ok();
}

absl::StatusOr<MeetingKey> ParseMeetingKey(const std::string& name, const std::string& field) {
  auto parts = ParseName(name, kMeetingPattern, field);
  if (!parts.ok()) return parts.status();
  return MeetingKey{(*parts)[0], NumberPart((*parts)[1])};
}

absl::StatusOr<ActionKey> ParseActionKey(const std::string& name, const std::string& field) {
  auto parts = ParseName(name, kActionPattern, field);
  if (!parts.ok()) return parts.status();
  return ActionKey{(*parts)[0], NumberPart((*parts)[1])};
}

absl::StatusOr<DecisionKey> ParseDecisionKey(const std::string& name, const std::string& field) {
  auto parts = ParseName(name, kDecisionPattern, field);
  if (!parts.ok()) return parts.status();
  return DecisionKey{(*parts)[0], NumberPart((*parts)[1]), NumberPart((*parts)[2])};
}

absl::StatusOr<std::string> ParseBodyId(const std::string& name, const std::string& field, bool allow_wildcard) {
  auto parts = ParseName(name, kBodyPattern, field, allow_wildcard);
  if (!parts.ok()) return parts.status();
  return (*parts)[0] == kWildcard ? std::string() : (*parts)[0];
}

}  // namespace wp::governance::meetings_internal
