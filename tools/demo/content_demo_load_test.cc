// The demo's content part against the westos binary as a real process, on
// both store engines: the catalogue imports with no row rejected, the report
// shows every state, and loading again changes nothing.
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "tools/demo/content_demo.h"
#include "wp/westos/v1/content.grpc.pb.h"

namespace wp::demo {
namespace {

class ContentDemoLoadTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    wp::testing::ServiceOptions options;
    options.binary = WP_WESTOS_BIN;
    options.data_dir = wp::testing::MakeTempDir("wp-content-demo");
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), "westos");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    options.store_url = *store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<wp::testing::ServiceProcess>(options);
    absl::Status started = service_->Start();
    ASSERT_TRUE(started.ok()) << started;
  }

  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
};

TEST_P(ContentDemoLoadTest, TheDemoCataloguesEveryLessonAndTheReportShowsEveryState) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  const std::string token = wp::testing::TestToken(auth::Role::kOfficer, "demo");
  absl::StatusOr<ContentLoadCounts> first = LoadContentDemo(today, service_->channel(), token);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created, 120);
  EXPECT_EQ(first->targets_created, 10);
  absl::StatusOr<ContentLoadCounts> again = LoadContentDemo(today, service_->channel(), token);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged, 120);
  EXPECT_EQ(again->targets_created, 0);

  auto stub = content_v1::ContentService::NewStub(service_->channel());
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kPartner, "dashboard"));
  content_v1::CoverageReport report;
  grpc::Status s = stub->GetCoverageReport(&ctx, content_v1::GetCoverageReportRequest(), &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(report.met(), 3);
  EXPECT_EQ(report.late(), 2);
  EXPECT_EQ(report.at_risk(), 2);
  EXPECT_EQ(report.on_track(), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, ContentDemoLoadTest,
                         ::testing::Values(wp::testing::Engine::kSqlite, wp::testing::Engine::kPostgres),
                         wp::testing::EngineNamer());

}  // namespace
}  // namespace wp::demo
