#include "libs/calendar/day_range.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"

namespace wp::calendar {
namespace {

// The day of a set date, after adding what is wrong with it to `v`.
std::optional<absl::CivilDay> DayOf(const Date& date, absl::string_view field, FieldViolations* v) {
  if (!IsSet(date)) return std::nullopt;
  const absl::Status valid = Validate(date, field, /*allow_month_only=*/false);
  if (!valid.ok()) {
    AddViolationsOf(valid, v, field);
    return std::nullopt;
  }
  return absl::CivilDay(date.year(), date.month(), date.day());
}

int64_t StartUs(absl::CivilDay day) { return Micros(absl::FromCivil(day, absl::UTCTimeZone())); }

}  // namespace

DayRange CheckDayRange(const Date& from, const Date& to, FieldViolations* v, absl::string_view from_field,
                       absl::string_view to_field) {
  DayRange range;
  range.from = DayOf(from, from_field, v);
  range.to = DayOf(to, to_field, v);
  if (range.from && range.to && *range.from > *range.to) {
    v->Add(from_field, absl::StrCat("must not be after ", to_field));
  }
  if (range.from) range.from_us = StartUs(*range.from);
  if (range.to) range.until_us = StartUs(*range.to + 1);
  return range;
}

}  // namespace wp::calendar
