#include "services/westos/rollups/periods.h"

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

int32_t D(int y, int m, int d) { return DayNumber(absl::CivilDay(y, m, d)); }

TEST(PeriodsTest, DayNumbersRoundTrip) {
  EXPECT_EQ(D(1970, 1, 1), 0);
  EXPECT_EQ(CivilDayOf(D(2021, 1, 18)), absl::CivilDay(2021, 1, 18));
  EXPECT_EQ(DayNumberOf(absl::FromCivil(absl::CivilSecond(2021, 1, 18, 23, 59, 59), absl::UTCTimeZone())),
            D(2021, 1, 18));
}

TEST(PeriodsTest, WeeksStartOnMonday) {
  EXPECT_EQ(PeriodStart(D(2021, 1, 18), PeriodKind::kIsoWeek, 0), D(2021, 1, 18));  // a Monday
  EXPECT_EQ(PeriodStart(D(2021, 1, 24), PeriodKind::kIsoWeek, 0), D(2021, 1, 18));  // Sunday
  EXPECT_EQ(PeriodStart(D(2021, 1, 1), PeriodKind::kIsoWeek, 0), D(2020, 12, 28));  // across a year
}

TEST(PeriodsTest, FortnightsArePairsOfWeeksFromAFixedMonday) {
  EXPECT_EQ(PeriodStart(D(2000, 1, 3), PeriodKind::kFortnight, 0), D(2000, 1, 3));
  EXPECT_EQ(PeriodStart(D(2000, 1, 16), PeriodKind::kFortnight, 0), D(2000, 1, 3));
  EXPECT_EQ(PeriodStart(D(2000, 1, 17), PeriodKind::kFortnight, 0), D(2000, 1, 17));
  EXPECT_EQ(PeriodStart(D(1999, 12, 31), PeriodKind::kFortnight, 0), D(1999, 12, 20));  // before the anchor
  const int32_t start = PeriodStart(D(2021, 2, 10), PeriodKind::kFortnight, 0);
  EXPECT_EQ(absl::GetWeekday(CivilDayOf(start)), absl::Weekday::monday);
  EXPECT_LE(D(2021, 2, 10) - start, 13);
}

TEST(PeriodsTest, MonthsAndTheWholeRange) {
  EXPECT_EQ(PeriodStart(D(2021, 2, 28), PeriodKind::kMonth, 0), D(2021, 2, 1));
  EXPECT_EQ(PeriodStart(D(2021, 2, 28), PeriodKind::kDay, 0), D(2021, 2, 28));
  EXPECT_EQ(PeriodStart(D(2021, 2, 28), PeriodKind::kWhole, D(2021, 1, 4)), D(2021, 1, 4));
}

}  // namespace
}  // namespace wp::westos
