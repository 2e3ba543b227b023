// Request checks the meetings area's classes share: update masks, merging
// field violations, and parsing the names of its resources into keys.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_REQUEST_CHECKS_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_REQUEST_CHECKS_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/field_mask.pb.h"
#include "libs/status/field_errors.h"
#include "wp/common/v1/date.pb.h"

namespace wp::governance::meetings_internal {

// A valid date with a day, so its DayText compares as a day.
bool IsFullDay(const wp::common::v1::Date& date);

// bodies/{body}/meetings/{n} and bodies/{body}/actions/{n}, parsed.
struct MeetingKey {
  std::string body_id;
  int64_t number = 0;
};
struct ActionKey {
  std::string body_id;
  int64_t number = 0;
};
struct DecisionKey {
  std::string body_id;
  int64_t meeting_number = 0;
  int64_t number = 0;
};
// INVALID_ARGUMENT naming `field` when the name is malformed.
absl::StatusOr<MeetingKey> ParseMeetingKey(const std::string& name, const std::string& field);
absl::StatusOr<ActionKey> ParseActionKey(const std::string& name, const std::string& field);
absl::StatusOr<DecisionKey> ParseDecisionKey(const std::string& name, const std::string& field);
// bodies/{body} or, with `allow_wildcard`, bodies/- (then empty).
absl::StatusOr<std::string> ParseBodyId(const std::string& name, const std::string& field, bool allow_wildcard);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_REQUEST_CHECKS_H_
