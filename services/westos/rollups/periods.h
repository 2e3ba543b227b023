// Days as stored (days since 1970-01-01, UTC) and the periods reports group
// them by. Fortnights are pairs of ISO weeks counted from Monday 2000-01-03,
// so every report puts the same days in the same fortnight.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_PERIODS_H_
#define WP_SERVICES_WESTOS_ROLLUPS_PERIODS_H_

#include <cstdint>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace wp::westos {

enum class PeriodKind { kWhole, kDay, kIsoWeek, kFortnight, kMonth };

int32_t DayNumber(absl::CivilDay day);
int32_t DayNumberOf(absl::Time time);  // the UTC day
absl::CivilDay CivilDayOf(int32_t day_number);

// The first day of the period holding `day`; for kWhole, `range_start`.
int32_t PeriodStart(int32_t day, PeriodKind kind, int32_t range_start);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_PERIODS_H_
