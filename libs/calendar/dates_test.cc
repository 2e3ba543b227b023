#include "libs/calendar/dates.h"

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::calendar {
namespace {

Date Make(int y, int m, int d) {
  Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(DatesTest, ValidatesRealDates) {
  EXPECT_TRUE(Validate(Make(2024, 2, 29), "d", false).ok());
  absl::Status s = Validate(Make(2023, 2, 29), "plan_item.expected_date", false);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(s).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(s)[0].field, "plan_item.expected_date.day");
  EXPECT_FALSE(Validate(Make(2023, 13, 1), "d", false).ok());
  EXPECT_FALSE(Validate(Make(0, 1, 1), "d", false).ok());
  EXPECT_FALSE(Validate(Make(2023, 6, 0), "d", false).ok());
  EXPECT_TRUE(Validate(Make(2023, 6, 0), "d", true).ok());
  EXPECT_FALSE(Validate(Make(2023, 6, -1), "d", true).ok());
}

TEST(DatesTest, IsoTextRoundTrip) {
  EXPECT_EQ(ToIsoText(Make(2018, 11, 30)), "2018-11-30");
  EXPECT_EQ(ToIsoText(Make(2018, 12, 0)), "2018-12-00");
  auto back = FromIsoText("2018-12-00");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->month(), 12);
  EXPECT_EQ(back->day(), 0);
  EXPECT_FALSE(FromIsoText("30 Nov 2018").has_value());
}

// Found by dates_fuzz: text ToIsoText never writes was read as a date.
TEST(DatesTest, IsoTextIsDigitsOnly) {
  EXPECT_FALSE(FromIsoText("2518-1\n-00").has_value());
  EXPECT_FALSE(FromIsoText("2018- 1-05").has_value());
  EXPECT_FALSE(FromIsoText("2018-+1-05").has_value());
  EXPECT_FALSE(FromIsoText("+018-11-05").has_value());
  EXPECT_FALSE(FromIsoText("2018-11--5").has_value());
  EXPECT_TRUE(FromIsoText("0000-00-00").has_value());  // ToIsoText of an unset date
}

TEST(DatesTest, MonthPrecisionCoversTheWholeMonth) {
  EXPECT_EQ(DayText(LastDayCovered(Make(2024, 2, 0))), "2024-02-29");
  EXPECT_EQ(DayText(LastDayCovered(Make(2023, 12, 0))), "2023-12-31");
  EXPECT_EQ(DayText(LastDayCovered(Make(2023, 6, 15))), "2023-06-15");
}

}  // namespace
}  // namespace wp::calendar
