// End to end: reach, baselines and targets through the westos binary, with
// the population figures set in the real governance service and arriving
// over a real nats-server (its durable consumer), on each store engine. A
// target reached is published on the bus once, by the periodic evaluation.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/testing/test_store.h"
#include "services/westos/testing/westos_test_service.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/westos/v1/targets.grpc.pb.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::westos {
namespace {

namespace gov = wp::governance::v1;
using bus::test_util::Eventually;

void Prepare(grpc::ClientContext* ctx, auth::Role role = auth::Role::kOfficer) {
  Authorize(ctx, role, "targets-test", {}, absl::Seconds(30));
}

wp::common::v1::Date Day(int month, int day) {
  wp::common::v1::Date d;
  d.set_year(2021);
  d.set_month(month);
  d.set_day(day);
  return d;
}

class TargetsServiceTest : public WestosEndToEndTest {
 protected:
  // Governance first: westos consumes its population events.
  void SetUp() override {
    ASSERT_TRUE(stack_.StartServers().ok());
    absl::StatusOr<std::unique_ptr<wp::testing::ServiceProcess>> governance =
        stack_.StartService(WP_GOVERNANCE_BIN, GetParam(), "governance");
    ASSERT_TRUE(governance.ok()) << governance.status();
    governance_ = *std::move(governance);
    const absl::Status westos = stack_.StartWestos(GetParam(), {"--target_check_seconds=1", "--window_check_seconds=1"});
    ASSERT_TRUE(westos.ok()) << westos;
    targets_ = Stub<v1::UsageTargetService>();
  }

  void TearDown() override {
    if (governance_) governance_->Stop();
    WestosEndToEndTest::TearDown();
  }

  void SetPopulation(const std::string& code, int learners, int teachers) {
    auto stub = gov::GovernanceService::NewStub(governance_->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx);
    gov::UpdatePopulationRequest request;
    request.mutable_population()->set_name(absl::StrCat("authorities/", code, "/populations/2020-21"));
    request.mutable_population()->set_learners(learners);
    request.mutable_population()->set_teachers_and_practitioners(teachers);
    request.set_allow_missing(true);
    gov::Population population;
    grpc::Status s = stub->UpdatePopulation(&ctx, request, &population);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // `n` Glasgow learners, one view each on 2021-01-18.
  void Use(const std::string& prefix, int n) {
    auto stub = Stub<v1::UsageService>();
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kIngest);
    v1::IngestUsageRequest batch;
    for (int i = 0; i < n; ++i) {
      v1::UsageEvent* e = batch.add_events();
      e->set_event_id(absl::StrCat(prefix, i));
      e->mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(
          absl::FromCivil(absl::CivilSecond(2021, 1, 18, 10, 0, 0), absl::UTCTimeZone())));
      e->set_user_id(absl::StrCat(prefix, "-user-", i));
      e->set_role(v1::LEARNER);
      e->set_authority("GCC");
      e->set_sector(v1::SECONDARY);
      e->set_content_id("maths-n5-01");
      e->set_action(v1::VIEW);
    }
    auto stream = stub->IngestUsage(&ctx);
    ASSERT_TRUE(stream->Write(batch));
    v1::IngestUsageResponse response;
    ASSERT_TRUE(stream->Read(&response));
    EXPECT_EQ(response.batch().accepted(), n);
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }

  absl::StatusOr<v1::ReachReport> Reach(auth::Role role = auth::Role::kAnalyst) {
    grpc::ClientContext ctx;
    Prepare(&ctx, role);
    v1::GetReachRequest request;
    *request.mutable_from() = Day(1, 18);
    *request.mutable_to() = Day(1, 22);
    v1::ReachReport report;
    grpc::Status s = targets_->GetReach(&ctx, request, &report);
    if (!s.ok()) return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
    return report;
  }

  grpc::Status CreateTarget(const v1::CreateTargetRequest& request, auth::Role role = auth::Role::kOfficer) {
    grpc::ClientContext ctx;
    Prepare(&ctx, role);
    v1::Target target;
    return targets_->CreateTarget(&ctx, request, &target);
  }

  static v1::CreateTargetRequest GlasgowReach(double percent) {
    v1::CreateTargetRequest request;
    request.set_target_id("glasgow-reach");
    request.mutable_target()->set_title("10% of Glasgow's learners and teachers by mid-February");
    request.mutable_target()->set_kind(v1::REACH);
    request.mutable_target()->set_authority("GCC");
    *request.mutable_target()->mutable_start_date() = Day(1, 18);
    *request.mutable_target()->mutable_deadline() = Day(2, 12);
    request.mutable_target()->set_target_value(percent);
    return request;
  }

  // Messages of `subject` in the westos stream; -1 when it cannot be read.
  int OnTheBus(const std::string& subject, std::string* last_data = nullptr) {
    absl::StatusOr<std::unique_ptr<bus::NatsConnection>> conn =
        bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(stack_.nats(), "targets-test"));
    if (!conn.ok()) return -1;
    absl::StatusOr<std::vector<bus::test_util::StoredMessage>> messages =
        bus::test_util::ReadStream(**conn, "WP_WESTOS");
    if (!messages.ok()) return -1;
    int n = 0;
    for (const auto& m : *messages) {
      if (m.subject != subject) continue;
      ++n;
      if (last_data != nullptr) *last_data = m.data;
    }
    return n;
  }

  int ReachedOnTheBus() {
    absl::StatusOr<std::unique_ptr<bus::NatsConnection>> conn =
        bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(stack_.nats(), "targets-test"));
    if (!conn.ok()) return -1;
    absl::StatusOr<std::vector<bus::test_util::StoredMessage>> messages =
        bus::test_util::ReadStream(**conn, "WP_WESTOS");
    if (!messages.ok()) return -1;
    int n = 0;
    for (const auto& m : *messages) n += m.subject == "wp.westos.target.reached";
    return n;
  }

  std::unique_ptr<wp::testing::ServiceProcess> governance_;
  std::unique_ptr<v1::UsageTargetService::Stub> targets_;
};

TEST_P(TargetsServiceTest, PopulationFromGovernanceGivesReachAndATargetReachedIsPublishedOnce) {
  Use("a", 11);
  // Before governance has figures: reach is missing, not 0%.
  absl::StatusOr<v1::ReachReport> before = Reach();
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_EQ(before->session(), "2020-21");
  EXPECT_TRUE(before->authorities(2).figures().population_missing());
  EXPECT_EQ(before->authorities(2).figures().distinct_users(), 11);

  SetPopulation("GCC", 100, 10);
  ASSERT_TRUE(Eventually([&] {
    absl::StatusOr<v1::ReachReport> r = Reach();
    return r.ok() && !r->authorities(2).figures().population_missing();
  })) << "the population never arrived from governance";
  absl::StatusOr<v1::ReachReport> after = Reach(auth::Role::kPartner);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->authorities(2).figures().population(), 110);
  EXPECT_NEAR(after->authorities(2).figures().reach_percent(), 10, 1e-9);

  ASSERT_TRUE(CreateTarget(GlasgowReach(10)).ok());
  // The watch evaluates every second: reached (11 of 110), published once.
  ASSERT_TRUE(Eventually([&] { return ReachedOnTheBus() == 1; })) << "target.reached never published";
  grpc::ClientContext ctx;
  Prepare(&ctx, auth::Role::kAnalyst);
  v1::GetTargetStatusRequest request;
  request.set_name("targets/glasgow-reach");
  v1::TargetStatus status;
  ASSERT_TRUE(targets_->GetTargetStatus(&ctx, request, &status).ok());
  EXPECT_TRUE(status.reached());
  EXPECT_EQ(status.rag(), v1::GREEN);
  EXPECT_EQ(status.target().reached_on().day(), 12);  // evaluated up to the deadline
  absl::SleepFor(absl::Seconds(2));  // two more evaluations
  EXPECT_EQ(ReachedOnTheBus(), 1);

  // The week of the usage (2021-01-18) closed long ago: its window is
  // published for the evaluation service, with counts and no user ids.
  std::string window;
  ASSERT_TRUE(Eventually([&] { return OnTheBus("wp.westos.usage.window_closed", &window) == 1; }))
      << "usage.window_closed never published";
  EXPECT_EQ(window.find("a-user-"), std::string::npos);
}

TEST_P(TargetsServiceTest, BadInputIsRefusedByFieldAndWritesNeedAnOfficer) {
  v1::CreateTargetRequest request = GlasgowReach(10);
  request.mutable_target()->set_kind(v1::TARGET_KIND_UNSPECIFIED);
  grpc::Status s = CreateTarget(request);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("target.kind"), std::string::npos) << s.error_message();
  request = GlasgowReach(10);
  request.mutable_target()->set_title(std::string(201, 'x'));
  s = CreateTarget(request);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("title"), std::string::npos) << s.error_message();
  EXPECT_EQ(CreateTarget(GlasgowReach(10), auth::Role::kPartner).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::CreateBaselineRequest baseline;
  baseline.set_baseline_id("mid-january");
  *baseline.mutable_baseline()->mutable_from() = Day(1, 15);
  *baseline.mutable_baseline()->mutable_to() = Day(1, 11);
  v1::Baseline out;
  s = targets_->CreateBaseline(&ctx, baseline, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("baseline.to"), std::string::npos) << s.error_message();

  absl::StatusOr<v1::ReachReport> no_range = [&]() -> absl::StatusOr<v1::ReachReport> {
    grpc::ClientContext c;
    Prepare(&c, auth::Role::kAnalyst);
    v1::ReachReport report;
    grpc::Status st = targets_->GetReach(&c, v1::GetReachRequest(), &report);
    if (!st.ok()) return absl::InvalidArgumentError(st.error_message());
    return report;
  }();
  EXPECT_FALSE(no_range.ok());
  EXPECT_NE(no_range.status().message().find("from"), std::string::npos) << no_range.status();
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TargetsServiceTest);

}  // namespace
}  // namespace wp::westos
