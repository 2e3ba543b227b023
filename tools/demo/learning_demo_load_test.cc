// The learning demo loaded into the learning binary as a real process (with
// the workstreams binary publishing the programme's workstream), on both
// engines: loading again changes nothing, and the statistics are exactly
// the figures docs/api-learning.md works out by hand.
#include <algorithm>
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/service_stack.h"
#include "libs/testing/test_tokens.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/learning_demo.h"
#include "wp/learning/v1/evaluations.grpc.pb.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::demo {
namespace {

class LearningDemoLoadTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(stack_.StartServers().ok());
    auto workstreams = stack_.StartService(WP_WORKSTREAMS_BIN, GetParam(), "workstreams");
    ASSERT_TRUE(workstreams.ok()) << workstreams.status();
    workstreams_ = *std::move(workstreams);
    auto learning = stack_.StartService(WP_LEARNING_BIN, GetParam(), "learning");
    ASSERT_TRUE(learning.ok()) << learning.status();
    learning_ = *std::move(learning);
    // The workstream the programme links to.
    auto stub = workstreams::v1::WorkstreamsService::NewStub(workstreams_->channel());
    grpc::ClientContext ctx;
    wp::testing::Authorize(&ctx, auth::Role::kOfficer, "demo");
    workstreams::v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(
        demo::CurrentSession(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())));
    request.mutable_workstream()->set_number(3);
    request.mutable_workstream()->set_title("Curriculum and Learning, Teaching and Assessment");
    workstreams::v1::Workstream made;
    grpc::Status s = stub->CreateWorkstream(&ctx, request, &made);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  void TearDown() override {
    if (learning_) learning_->Stop();
    if (workstreams_) workstreams_->Stop();
    stack_.Stop();
  }

  learning_v1::Figures Totals(learning_v1::GetStatisticsRequest request) {
    auto stub = learning_v1::StatisticsService::NewStub(learning_->channel());
    grpc::ClientContext ctx;
    wp::testing::Authorize(&ctx, auth::Role::kPartner, "dashboard");
    learning_v1::Statistics statistics;
    grpc::Status s = stub->GetStatistics(&ctx, request, &statistics);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return statistics.totals();
  }

  wp::testing::ServiceStack stack_;
  std::unique_ptr<wp::testing::ServiceProcess> workstreams_;
  std::unique_ptr<wp::testing::ServiceProcess> learning_;
};

TEST_P(LearningDemoLoadTest, TheFiguresAreThoseWorkedOutByHand) {
  const LearningDemo demo = BuildLearningDemo(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  const std::string token = wp::testing::TestToken(auth::Role::kOfficer, "demo");
  absl::StatusOr<LearningLoadCounts> first = LoadLearningDemo(demo, learning_->channel(), token);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->registrations, 10 + 8 + 7 + 6 + 5);
  EXPECT_EQ(first->attendance_recorded, 7 + 8 + 6 + 5);
  EXPECT_EQ(first->evaluations, 12);
  absl::StatusOr<LearningLoadCounts> again = LoadLearningDemo(demo, learning_->channel(), token);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->registrations, 0);
  EXPECT_EQ(again->attendance_recorded, 0);
  EXPECT_EQ(again->evaluations, 0);

  // Session 1 (docs/api-learning.md, "The demo's figures by hand").
  learning_v1::GetStatisticsRequest session;
  session.set_event("events/ioc-session-1");
  learning_v1::Figures s1 = Totals(session);
  EXPECT_EQ(s1.registered(), 8);
  EXPECT_EQ(s1.attended(), 7);
  EXPECT_EQ(s1.no_shows(), 1);
  EXPECT_DOUBLE_EQ(s1.attendance_percent(), 87.5);
  EXPECT_EQ(s1.waiting(), 2);
  EXPECT_EQ(s1.pre_responses(), 6);
  EXPECT_EQ(s1.post_responses(), 6);
  EXPECT_DOUBLE_EQ(s1.response_percent(), 85.7);
  EXPECT_EQ(s1.paired_responses(), 5);
  EXPECT_DOUBLE_EQ(s1.increased_knowledge_percent(), 80.0);
  EXPECT_DOUBLE_EQ(s1.increased_confidence_percent(), 60.0);
  EXPECT_DOUBLE_EQ(s1.mean_knowledge_change(), 1.2);
  EXPECT_DOUBLE_EQ(s1.mean_understanding_change(), 0.8);
  EXPECT_DOUBLE_EQ(s1.mean_confidence_change(), 0.6);
  EXPECT_DOUBLE_EQ(s1.excellent_percent(), 50.0);

  // The programme: four sessions.
  learning_v1::GetStatisticsRequest programme;
  programme.set_programme("programmes/improving-our-classrooms");
  learning_v1::Figures p = Totals(programme);
  EXPECT_EQ(p.events(), 4);
  EXPECT_EQ(p.registered(), 29);
  EXPECT_EQ(p.attended(), 26);
  EXPECT_EQ(p.no_shows(), 3);
  EXPECT_DOUBLE_EQ(p.attendance_percent(), 89.7);
  EXPECT_EQ(p.late_cancellations(), 1);
  EXPECT_EQ(p.completions(), 5);
  EXPECT_EQ(p.practitioners_reached(), 9);

  // The region: the conference too.
  learning_v1::Figures region = Totals(learning_v1::GetStatisticsRequest());
  EXPECT_EQ(region.events(), 5);
  EXPECT_EQ(region.held_events(), 4);
  EXPECT_EQ(region.registered(), 32);
  EXPECT_EQ(region.waiting(), 3);
  EXPECT_EQ(region.practitioners_reached(), 9);
}

// The exports docs/api-learning.md shows for the demo.
TEST_P(LearningDemoLoadTest, TheExportsAreThoseTheDocsShow) {
  const LearningDemo demo = BuildLearningDemo(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  ASSERT_TRUE(LoadLearningDemo(demo, learning_->channel(), wp::testing::TestToken(auth::Role::kOfficer, "demo")).ok());

  auto evaluations = learning_v1::EvaluationsService::NewStub(learning_->channel());
  grpc::ClientContext survey_ctx;
  wp::testing::Authorize(&survey_ctx, auth::Role::kAnalyst, "analyst");
  learning_v1::ExportSurveySummaryRequest survey;
  survey.set_event("events/ioc-session-1");
  learning_v1::ExportSurveySummaryResponse summary;
  grpc::Status s = evaluations->ExportSurveySummary(&survey_ctx, survey, &summary);
  ASSERT_TRUE(s.ok()) << s.error_message();
  for (const char* line : {"Responses,Response rate % (after / attended),,,,,,,,85.7,\n",
                           "Knowledge,Before,1,2,3,0,0,6,2.33,,\n", "Knowledge,After,0,0,3,3,0,6,3.50,,\n",
                           "Knowledge,Increased,,,,,,,,4,\n", "Knowledge,Mean change,,,,,,,,1.20,\n",
                           "Understanding,Before,0,4,2,0,0,6,2.33,,\n", "Confidence,Mean change,,,,,,,,0.60,\n",
                           "Rating,Overall rating (1 poor to 5 excellent),0,0,1,2,3,6,4.33,,\n",
                           "Rating,Excellent %,,,,,,,,50.0,\n",
                           "Expected impact,Expected impact on practice (1 none to 5 a great deal),0,0,2,3,1,6,3.83,,\n"}) {
    EXPECT_NE(summary.content().find(line), std::string::npos) << line << " not in\n" << summary.content();
  }

  auto statistics = learning_v1::StatisticsService::NewStub(learning_->channel());
  grpc::ClientContext stats_ctx;
  wp::testing::Authorize(&stats_ctx, auth::Role::kPartner, "dashboard");
  learning_v1::ExportStatisticsRequest by_authority;
  by_authority.mutable_query()->set_event("events/ioc-session-1");
  by_authority.mutable_query()->set_split(learning_v1::BY_AUTHORITY);
  learning_v1::ExportStatisticsResponse sheet;
  s = statistics->ExportStatistics(&stats_ctx, by_authority, &sheet);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_NE(sheet.content().find("\nAll,1,1,8,7,1,87.5,2,"), std::string::npos) << sheet.content();
  EXPECT_NE(sheet.content().find("\nGlasgow City,,,,,,,,"), std::string::npos) << sheet.content();
  EXPECT_EQ(std::count(sheet.content().begin(), sheet.content().end(), '\n'), 1 + 1 + 6) << sheet.content();

  auto practitioners = learning_v1::PractitionersService::NewStub(learning_->channel());
  grpc::ClientContext attendance_ctx;
  wp::testing::Authorize(&attendance_ctx, auth::Role::kOfficer, "officer");
  learning_v1::GetPractitionerAttendanceRequest whose;
  whose.set_practitioner("practitioners/GCC-T1003");
  learning_v1::PractitionerAttendance attendance;
  s = practitioners->GetPractitionerAttendance(&attendance_ctx, whose, &attendance);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(attendance.entries_size(), 4);
  EXPECT_EQ(attendance.entries(3).event(), "events/west-conference");
  EXPECT_EQ(attendance.totals().registered(), 4);
  EXPECT_EQ(attendance.totals().attended(), 2);
  EXPECT_EQ(attendance.totals().no_shows(), 1);
  ASSERT_EQ(attendance.programmes_size(), 1);
  EXPECT_EQ(attendance.programmes(0).events_registered(), 3);
  EXPECT_FALSE(attendance.programmes(0).completed());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(LearningDemoLoadTest);

}  // namespace
}  // namespace wp::demo
