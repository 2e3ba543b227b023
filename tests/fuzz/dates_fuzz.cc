// Fuzzes reading ISO date text (libs/calendar FromIsoText), used on store
// text and on dates typed into wpctl and governance requests. Checks that
// accepted text is exactly what ToIsoText writes for the date it gives, and
// that a date Validate accepts has a last covered day in the same month.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "libs/calendar/dates.h"
#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<wp::calendar::Date> date = wp::calendar::FromIsoText(text);
  if (!date.has_value()) return 0;
  FUZZ_CHECK(wp::calendar::ToIsoText(*date) == text);
  if (wp::calendar::Validate(*date, "date", /*allow_month_only=*/true).ok()) {
    const absl::CivilDay last = wp::calendar::LastDayCovered(*date);
    FUZZ_CHECK(last.year() == date->year() && last.month() == date->month());
    if (date->day() != 0) FUZZ_CHECK(wp::calendar::DayText(last) == text);
  }
  return 0;
}
