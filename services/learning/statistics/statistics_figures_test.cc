#include "services/learning/statistics/statistics_figures.h"

#include "gtest/gtest.h"

namespace wp::learning {
namespace {

TEST(StatisticsFiguresTest, PercentagesRoundToOneDecimalAndNeverDivideByZero) {
  EXPECT_DOUBLE_EQ(Percent(26, 29), 89.7);
  EXPECT_DOUBLE_EQ(Percent(6, 7), 85.7);
  EXPECT_DOUBLE_EQ(Percent(1, 3), 33.3);
  EXPECT_DOUBLE_EQ(Percent(2, 3), 66.7);
  EXPECT_DOUBLE_EQ(Percent(5, 5), 100.0);
  EXPECT_DOUBLE_EQ(Percent(3, 0), 0.0);
  EXPECT_DOUBLE_EQ(Mean(6, 5), 1.2);
  EXPECT_DOUBLE_EQ(Mean(-1, 3), -0.33);
  EXPECT_DOUBLE_EQ(Mean(4, 0), 0.0);
}

TEST(StatisticsFiguresTest, FiguresFollowFromCounts) {
  StatisticsCounts c;
  c.registered = 29;
  c.attended = 26;
  c.no_shows = 3;
  c.placed_at_held = 29;
  c.post_responses = 6;
  c.pairs = 5;
  c.increased_knowledge = 4;
  c.increased_confidence = 3;
  c.knowledge_change_sum = 6;
  c.understanding_change_sum = 4;
  c.confidence_change_sum = 3;
  c.rated_excellent = 3;
  c.reached = 9;
  v1::Figures f = FiguresOf(c, 300);
  EXPECT_DOUBLE_EQ(f.attendance_percent(), 89.7);
  EXPECT_DOUBLE_EQ(f.response_percent(), 23.1);
  EXPECT_DOUBLE_EQ(f.increased_knowledge_percent(), 80.0);
  EXPECT_DOUBLE_EQ(f.increased_confidence_percent(), 60.0);
  EXPECT_DOUBLE_EQ(f.mean_knowledge_change(), 1.2);
  EXPECT_DOUBLE_EQ(f.mean_understanding_change(), 0.8);
  EXPECT_DOUBLE_EQ(f.mean_confidence_change(), 0.6);
  EXPECT_DOUBLE_EQ(f.excellent_percent(), 50.0);
  EXPECT_EQ(f.practitioner_population(), 300);
  EXPECT_DOUBLE_EQ(f.reached_percent(), 3.0);
  EXPECT_DOUBLE_EQ(FiguresOf(c, 0).reached_percent(), 0.0);
}

}  // namespace
}  // namespace wp::learning
