#include "services/westos/targets/trajectory.h"

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

// 0% on day 100 to 10% on day 130 (the gap is 10 points; AMBER within 1).
TrajectoryInput Line(int32_t as_of, double current) {
  TrajectoryInput in;
  in.start_value = 0;
  in.target_value = 10;
  in.start_day = 100;
  in.deadline_day = 130;
  in.as_of_day = as_of;
  in.current_value = current;
  return in;
}

TEST(TrajectoryTest, LineRunsFromStartToTargetAndHoldsOutside) {
  const TrajectoryInput in = Line(0, 0);
  EXPECT_DOUBLE_EQ(ExpectedOn(in, 90), 0);
  EXPECT_DOUBLE_EQ(ExpectedOn(in, 100), 0);
  EXPECT_DOUBLE_EQ(ExpectedOn(in, 115), 5);
  EXPECT_DOUBLE_EQ(ExpectedOn(in, 130), 10);
  EXPECT_DOUBLE_EQ(ExpectedOn(in, 200), 10);
}

TEST(TrajectoryTest, ExactlyOnTheLineIsGreen) {
  const Judgement j = Judge(Line(115, 5));
  EXPECT_EQ(j.rag, RagStatus::kGreen);
  EXPECT_TRUE(j.on_track);
  EXPECT_FALSE(j.reached);
  EXPECT_DOUBLE_EQ(j.progress, 0.5);
  EXPECT_DOUBLE_EQ(j.expected_value, 5);
  EXPECT_NE(j.reason.find("on track"), std::string::npos) << j.reason;
}

TEST(TrajectoryTest, JustBelowTheLineIsAmberDownToTheFloorInclusive) {
  Judgement j = Judge(Line(115, 4.999));
  EXPECT_EQ(j.rag, RagStatus::kAmber);
  EXPECT_FALSE(j.on_track);
  EXPECT_DOUBLE_EQ(j.amber_floor, 4);
  j = Judge(Line(115, 4));
  EXPECT_EQ(j.rag, RagStatus::kAmber);
  EXPECT_NE(j.reason.find("floor 4.00"), std::string::npos) << j.reason;
}

TEST(TrajectoryTest, BelowTheFloorIsRed) {
  const Judgement j = Judge(Line(115, 3.999));
  EXPECT_EQ(j.rag, RagStatus::kRed);
  EXPECT_NE(j.reason.find("off track"), std::string::npos) << j.reason;
}

TEST(TrajectoryTest, ToleranceWidensTheAmberBand) {
  TrajectoryInput in = Line(115, 3);
  in.tolerance = 0.25;  // 2.5 points
  EXPECT_EQ(Judge(in).rag, RagStatus::kAmber);
  in.current_value = 2.4;
  EXPECT_EQ(Judge(in).rag, RagStatus::kRed);
}

TEST(TrajectoryTest, ReachingTheTargetIsGreenAndReachedEvenEarly) {
  Judgement j = Judge(Line(101, 10));
  EXPECT_EQ(j.rag, RagStatus::kGreen);
  EXPECT_TRUE(j.reached);
  EXPECT_DOUBLE_EQ(j.progress, 1);
  j = Judge(Line(101, 9.999));
  EXPECT_FALSE(j.reached);
  EXPECT_TRUE(j.on_track);
}

TEST(TrajectoryTest, OnTheDeadlineTheLineIsTheTarget) {
  EXPECT_EQ(Judge(Line(130, 9.5)).rag, RagStatus::kAmber);
  EXPECT_EQ(Judge(Line(130, 8.9)).rag, RagStatus::kRed);
}

TEST(TrajectoryTest, AfterTheDeadlineUnreachedIsRedAndReachedIsGreen) {
  TrajectoryInput in = Line(130, 9.9);
  in.deadline_passed = true;
  Judgement j = Judge(in);
  EXPECT_EQ(j.rag, RagStatus::kRed);
  EXPECT_NE(j.reason.find("missed"), std::string::npos) << j.reason;
  in.current_value = 10;
  EXPECT_EQ(Judge(in).rag, RagStatus::kGreen);
}

TEST(TrajectoryTest, OnTheStartDayAnythingAtTheStartValueIsGreen) {
  EXPECT_EQ(Judge(Line(100, 0)).rag, RagStatus::kGreen);
  EXPECT_EQ(Judge(Line(99, 0)).rag, RagStatus::kGreen);
}

TEST(TrajectoryTest, NonZeroStartValueMeasuresProgressFromIt) {
  TrajectoryInput in = Line(115, 70);
  in.start_value = 60;
  in.target_value = 80;
  const Judgement j = Judge(in);
  EXPECT_DOUBLE_EQ(j.expected_value, 70);
  EXPECT_DOUBLE_EQ(j.progress, 0.5);
  EXPECT_DOUBLE_EQ(j.amber_floor, 68);
}

}  // namespace
}  // namespace wp::westos
