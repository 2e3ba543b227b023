#include "tools/demo/targets_demo.h"

#include "gtest/gtest.h"

namespace wp::demo {
namespace {

TEST(TargetsDemoTest, BaselineIsTheWindowsMiddleWeekAndTargetsFollowIt) {
  const absl::CivilDay today(2026, 12, 2);  // usage from 2026-11-11 to 2026-12-01
  const westos::v1::CreateBaselineRequest baseline = DemoBaseline(today, 21);
  EXPECT_EQ(baseline.baseline().from().day(), 18);
  EXPECT_EQ(baseline.baseline().to().day(), 24);
  const std::vector<westos::v1::CreateTargetRequest> targets = DemoTargets(today, 21);
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].target().kind(), westos::v1::GROWTH);
  EXPECT_EQ(targets[0].target().baseline(), "baselines/" + baseline.baseline_id());
  EXPECT_EQ(targets[0].target().target_value(), 200);
  EXPECT_EQ(targets[0].target().start_date().day(), 25);  // the day after the baseline
  EXPECT_EQ(targets[1].target().kind(), westos::v1::REACH);
  EXPECT_EQ(targets[1].target().target_value(), 10);
  EXPECT_EQ(targets[1].target().deadline().month(), 12);
  EXPECT_EQ(targets[1].target().deadline().day(), 16);
}

}  // namespace
}  // namespace wp::demo
