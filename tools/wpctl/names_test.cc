#include "tools/wpctl/names.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;

TEST(NamesTest, FullNamesPassThrough) {
  EXPECT_EQ(*PlanItemName("planPeriods/2018-21/planItems/3.1", ""), "planPeriods/2018-21/planItems/3.1");
  // The name wins over --period; the service judges the name.
  EXPECT_EQ(*WorkstreamName("planPeriods/2018-21/workstreams/3", "2022-23"),
            "planPeriods/2018-21/workstreams/3");
  EXPECT_EQ(*NetworkName("networks/maths-leads"), "networks/maths-leads");
}

TEST(NamesTest, ShortNamesNeedAPeriod) {
  EXPECT_EQ(*PlanItemName("3.1", "2018-21"), "planPeriods/2018-21/planItems/3.1");
  EXPECT_EQ(*WorkstreamName("3", "2018-21"), "planPeriods/2018-21/workstreams/3");
  absl::Status missing = PlanItemName("3.1", "").status();
  EXPECT_TRUE(IsUsageError(missing));
  EXPECT_THAT(missing.message(), HasSubstr("--period"));
}

TEST(NamesTest, RejectsMalformedShortNames) {
  EXPECT_FALSE(PlanItemName("", "2018-21").ok());
  EXPECT_FALSE(PlanItemName("items/3.1", "2018-21").ok());
  EXPECT_FALSE(PlanItemName("..", "2018-21").ok());
  EXPECT_FALSE(WorkstreamName("3", "2018/21").ok());
  EXPECT_FALSE(NetworkName("").ok());
  EXPECT_FALSE(NetworkName("a/b").ok());
  EXPECT_EQ(*NetworkName("maths-leads"), "networks/maths-leads");
}

}  // namespace
}  // namespace wp::wpctl
