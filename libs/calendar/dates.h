// Calendar dates as the API carries them (wp.common.v1.Date) and as the
// store keeps them (ISO text, which sorts and compares the same in SQLite and
// PostgreSQL). A day of 0 means the month is known but not the day.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_CALENDAR_DATES_H_
#define WP_LIBS_CALENDAR_DATES_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "wp/common/v1/date.pb.h"

namespace wp::calendar {

using wp::common::v1::Date;

// OK for a real calendar date (year 1900..2200); with `allow_month_only`,
// day 0 is accepted too. The error is INVALID_ARGUMENT naming `field`.
absl::Status Validate(const Date& date, absl::string_view field, bool allow_month_only);

bool IsSet(const Date& date);  // year != 0

// "2018-11-30", or "2018-11-00" at month precision.
std::string ToIsoText(const Date& date);
// Inverse of ToIsoText; nullopt for text that is not one.
std::optional<Date> FromIsoText(absl::string_view text);

// The last day a date covers: itself, or the month's last day at month precision.
absl::CivilDay LastDayCovered(const Date& date);
std::string DayText(absl::CivilDay day);  // "2018-11-30"

Date FromCivilDay(absl::CivilDay day);
Date TodayUtc();

}  // namespace wp::calendar

#endif  // WP_LIBS_CALENDAR_DATES_H_
