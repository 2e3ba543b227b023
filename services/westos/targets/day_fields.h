// Reading the dates of baseline and target requests: a whole day, named by
// its field when missing or invalid.
#ifndef WP_SERVICES_WESTOS_TARGETS_DAY_FIELDS_H_
#define WP_SERVICES_WESTOS_TARGETS_DAY_FIELDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "wp/common/v1/date.pb.h"

namespace wp::westos {

absl::StatusOr<absl::CivilDay> RequiredDay(const wp::common::v1::Date& date, absl::string_view field);

// "2021-01-18" back to a day (as stored); INTERNAL when it is not one.
absl::StatusOr<absl::CivilDay> StoredDay(const std::string& text);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_DAY_FIELDS_H_
