#include "services/westos/rollups/periods.h"

namespace wp::westos {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);
const absl::CivilDay kFirstFortnight(2000, 1, 3);  // a Monday

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int32_t DayNumber(absl::CivilDay day) { return static_cast<int32_t>(day - kEpoch); }

int32_t DayNumberOf(absl::Time time) { return DayNumber(absl::ToCivilDay(time, absl::UTCTimeZone())); }

absl::CivilDay CivilDayOf(int32_t day_number) { return kEpoch + day_number; }

int32_t PeriodStart(int32_t day, PeriodKind kind, int32_t range_start) {
  const absl::CivilDay civil = CivilDayOf(day);
  switch (kind) {
    case PeriodKind::kWhole:
      return range_start;
    case PeriodKind::kDay:
      return day;
    case PeriodKind::kIsoWeek: {
      // absl::Weekday counts from Monday = 0.
      const int since_monday = static_cast<int>(absl::GetWeekday(civil));
      return day - since_monday;
    }
    case PeriodKind::kFortnight: {
      const int64_t offset = civil - kFirstFortnight;
      return DayNumber(kFirstFortnight + FloorDiv(offset, 14) * 14);
    }
    case PeriodKind::kMonth:
      return DayNumber(absl::CivilDay(absl::CivilMonth(civil)));
  }
  return day;
}

}  // namespace wp::westos
