#include "libs/populations/school_session.h"

#include "gtest/gtest.h"

namespace wp::populations {
namespace {

TEST(SchoolSessionTest, AugustStartsTheSessionAndJulyEndsIt) {
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2022, 8, 1)), "2022-23");
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2023, 2, 15)), "2022-23");
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2023, 6, 30)), "2022-23");
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2023, 7, 31)), "2022-23");
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2023, 8, 1)), "2023-24");
}

TEST(SchoolSessionTest, CenturyTurnKeepsTwoDigits) {
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2099, 9, 1)), "2099-00");
  EXPECT_EQ(SchoolSessionOf(absl::CivilDay(2009, 1, 10)), "2008-09");
}

}  // namespace
}  // namespace wp::populations
