#include "services/governance/meetings/request_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/governance/core/names.h"

namespace wp::governance::meetings_internal {

bool IsFullDay(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) && calendar::Validate(date, "date", /*allow_month_only=*/false).ok();
}

absl::StatusOr<MeetingKey> ParseMeetingKey(const std::string& name, const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kMeetingPattern, field));
  return MeetingKey{parts[0], NumberPart(parts[1])};
}

absl::StatusOr<ActionKey> ParseActionKey(const std::string& name, const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kActionPattern, field));
  return ActionKey{parts[0], NumberPart(parts[1])};
}

absl::StatusOr<DecisionKey> ParseDecisionKey(const std::string& name, const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kDecisionPattern, field));
  return DecisionKey{parts[0], NumberPart(parts[1]), NumberPart(parts[2])};
}

absl::StatusOr<std::string> ParseBodyId(const std::string& name, const std::string& field, bool allow_wildcard) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kBodyPattern, field, allow_wildcard));
  return parts[0] == kWildcard ? std::string() : parts[0];
}

}  // namespace wp::governance::meetings_internal
