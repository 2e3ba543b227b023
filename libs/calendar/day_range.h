// A range of whole days as requests give it: two optional dates, `from`
// and `to`, both included, read as UTC days. Checked once here, and turned
// into the microsecond bounds the store compares times with.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_CALENDAR_DAY_RANGE_H_
#define WP_LIBS_CALENDAR_DAY_RANGE_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/status/field_errors.h"
#include "wp/common/v1/date.pb.h"

namespace wp::calendar {

struct DayRange {
  std::optional<absl::CivilDay> from;  // unset: no lower bound
  std::optional<absl::CivilDay> to;    // unset: no upper bound
  // Microseconds since the epoch: the start of `from`, and the start of the
  // day after `to`, so that a time t is in range when from_us <= t < until_us.
  // 0 for an unset end.
  int64_t from_us = 0;
  int64_t until_us = 0;
};

// Adds to `v` what is wrong with `from` and `to` (not a real day, a month
// without a day, `from` after `to`), under `from_field` and `to_field`.
// The range is meaningful only when nothing was added.
DayRange CheckDayRange(const wp::common::v1::Date& from, const wp::common::v1::Date& to, FieldViolations* v,
                       absl::string_view from_field = "from", absl::string_view to_field = "to");

}  // namespace wp::calendar

#endif  // WP_LIBS_CALENDAR_DAY_RANGE_H_
