#include "libs/calendar/dates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "libs/status/field_errors.h"

namespace wp::calendar {

absl::Status Validate(const Date& date, absl::string_view field, bool allow_month_only) {
  if (date.year() < 1900 || date.year() > 2200) {
    return InvalidField(absl::StrCat(field, ".year"), "must be between 1900 and 2200");
  }
  if (date.month() < 1 || date.month() > 12) {
    return InvalidField(absl::StrCat(field, ".month"), "must be between 1 and 12");
  }
  if (date.day() == 0) {
    if (allow_month_only) return absl::OkStatus();
    return InvalidField(absl::StrCat(field, ".day"), "is required");
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  if (date.day() < 0 || day.day() != date.day() || day.month() != date.month()) {
    return InvalidField(absl::StrCat(field, ".day"),
                        absl::StrFormat("%d-%02d has no day %d", date.year(), date.month(), date.day()));
  }
  return absl::OkStatus();
}

bool IsSet(const Date& date) { return date.year() != 0; }

std::string ToIsoText(const Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::optional<Date> FromIsoText(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  // Digits only: SimpleAtoi alone would take "+1", " 1" or "1\n" as a number.
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  int y, m, d;
  if (!absl::SimpleAtoi(text.substr(0, 4), &y) || !absl::SimpleAtoi(text.substr(5, 2), &m) ||
      !absl::SimpleAtoi(text.substr(8, 2), &d)) {
    return std::nullopt;
  }
  Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

absl::CivilDay LastDayCovered(const Date& date) {
  if (date.day() != 0) return absl::CivilDay(date.year(), date.month(), date.day());
  // First day of the next month, minus one.
  return absl::CivilDay(absl::CivilMonth(date.year(), date.month()) + 1) - 1;
}

std::string DayText(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

Date FromCivilDay(absl::CivilDay day) {
  Date date;
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

Date TodayUtc() { return FromCivilDay(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())); }

}  // namespace wp::calendar
