#include "tools/wpctl/targets_views.h"

#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

TEST(TargetsViewsTest, ParsesKindsOrNamesTheOption) {
  EXPECT_EQ(*ParseTargetKind("growth"), targets::GROWTH);
  EXPECT_EQ(*ParseTargetKind("Reach"), targets::REACH);
  EXPECT_EQ(*ParseTargetKind("positive-ratings"), targets::POSITIVE_RATINGS);
  absl::Status bad = ParseTargetKind("coverage").status();
  EXPECT_NE(bad.message().find("--kind"), std::string::npos) << bad;
}

TEST(TargetsViewsTest, ReachShowsMissingPopulationsAsNoFigureNotZero) {
  targets::ReachReport report;
  report.set_session("2020-21");
  targets::AuthorityReach* gcc = report.add_authorities();
  gcc->set_authority("GCC");
  gcc->mutable_figures()->set_distinct_users(7500);
  gcc->mutable_figures()->set_population(76000);
  gcc->mutable_figures()->set_reach_percent(9.868);
  targets::AuthorityReach* edc = report.add_authorities();
  edc->set_authority("EDC");
  edc->mutable_figures()->set_distinct_users(12);
  edc->mutable_figures()->set_population_missing(true);
  report.mutable_region()->set_distinct_users(7512);
  report.mutable_region()->set_population_missing(true);
  report.add_authorities_missing("EDC");
  const std::string text = ReachText(report);
  EXPECT_NE(text.find("session 2020-21"), std::string::npos) << text;
  EXPECT_NE(text.find("7,500"), std::string::npos) << text;
  EXPECT_NE(text.find("9.9%"), std::string::npos) << text;
  EXPECT_NE(text.find("no figure"), std::string::npos) << text;
  EXPECT_EQ(text.find("0.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("no population figure for 2020-21: EDC"), std::string::npos) << text;
}

TEST(TargetsViewsTest, SuppressedRegionShowsLessThanFive) {
  targets::ReachReport report;
  report.mutable_region()->set_suppressed(true);
  report.mutable_region()->set_population(100);
  const std::string text = ReachText(report);
  EXPECT_NE(text.find("region        <5         100      -"), std::string::npos) << text;
}

TEST(TargetsViewsTest, StatusShowsFiguresRagAndTheReason) {
  targets::TargetStatus s;
  s.mutable_target()->set_name("targets/ten-percent");
  s.mutable_target()->set_target_value(10);
  s.mutable_as_of()->set_year(2021);
  s.mutable_as_of()->set_month(2);
  s.mutable_as_of()->set_day(1);
  s.set_current_value(6.25);
  s.set_expected_value(7.5);
  s.set_progress(0.625);
  s.set_rag(targets::AMBER);
  s.set_reason("behind: current 6.25 is below the trajectory's 7.50 but within 10% of the gap (floor 6.50)");
  const std::string text = TargetStatusText({s});
  EXPECT_NE(text.find("2021-02-01"), std::string::npos) << text;
  EXPECT_NE(text.find("6.2%"), std::string::npos) << text;
  EXPECT_NE(text.find("62%"), std::string::npos) << text;
  EXPECT_NE(text.find("AMBER"), std::string::npos) << text;
  EXPECT_NE(text.find("targets/ten-percent: behind"), std::string::npos) << text;
  s.set_rag(targets::RAG_UNKNOWN);
  EXPECT_NE(TargetStatusText({s}).find("unknown"), std::string::npos);
  EXPECT_EQ(TargetStatusText({}), "no targets\n");
}

TEST(TargetsViewsTest, ListsShowKindsAndReachedDays) {
  targets::Target t;
  t.set_name("targets/users-up-200");
  t.set_kind(targets::GROWTH);
  t.set_baseline("baselines/mid-january");
  t.set_target_value(200);
  t.mutable_reached_on()->set_year(2021);
  t.mutable_reached_on()->set_month(2);
  t.mutable_reached_on()->set_day(3);
  const std::string text = TargetsText({t});
  EXPECT_NE(text.find("growth"), std::string::npos) << text;
  EXPECT_NE(text.find("200% over baselines/mid-january"), std::string::npos) << text;
  EXPECT_NE(text.find("2021-02-03"), std::string::npos) << text;
  EXPECT_NE(text.find("region"), std::string::npos) << text;
  targets::Baseline b;
  b.set_name("baselines/mid-january");
  b.set_title("Mid-January");
  EXPECT_NE(BaselinesText({b}).find("Mid-January"), std::string::npos);
  EXPECT_EQ(BaselinesText({}), "no baselines\n");
}

}  // namespace
}  // namespace wp::wpctl
