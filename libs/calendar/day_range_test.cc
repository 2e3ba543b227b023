#include "libs/calendar/day_range.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "libs/calendar/timestamps.h"

namespace wp::calendar {
namespace {

wp::common::v1::Date Day(int year, int month, int day) {
  wp::common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

int64_t StartUs(absl::CivilDay day) { return Micros(absl::FromCivil(day, absl::UTCTimeZone())); }

TEST(DayRangeTest, BothDaysAreIncluded) {
  FieldViolations v;
  const DayRange range = CheckDayRange(Day(2026, 3, 1), Day(2026, 3, 2), &v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(range.from, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(range.to, absl::CivilDay(2026, 3, 2));
  EXPECT_EQ(range.from_us, StartUs(absl::CivilDay(2026, 3, 1)));
  EXPECT_EQ(range.until_us, StartUs(absl::CivilDay(2026, 3, 3)));
}

TEST(DayRangeTest, UnsetEndsAreOpen) {
  FieldViolations v;
  const DayRange range = CheckDayRange(wp::common::v1::Date(), Day(2026, 12, 31), &v);
  EXPECT_TRUE(v.empty());
  EXPECT_FALSE(range.from.has_value());
  EXPECT_EQ(range.from_us, 0);
  EXPECT_EQ(range.until_us, StartUs(absl::CivilDay(2027, 1, 1)));
  const DayRange none = CheckDayRange(wp::common::v1::Date(), wp::common::v1::Date(), &v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(none.from_us, 0);
  EXPECT_EQ(none.until_us, 0);
}

TEST(DayRangeTest, BadDaysAndBackwardsRangesNameTheirField) {
  FieldViolations bad;
  CheckDayRange(Day(2026, 2, 30), Day(2026, 3, 0), &bad, "query.from", "query.to");
  const absl::Status status = bad.ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(status.message(), "query.from")) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "query.to")) << status;

  FieldViolations backwards;
  CheckDayRange(Day(2026, 3, 2), Day(2026, 3, 1), &backwards);
  EXPECT_FALSE(backwards.empty());
  EXPECT_TRUE(absl::StrContains(backwards.ToStatus().message(), "must not be after to"));
}

}  // namespace
}  // namespace wp::calendar
