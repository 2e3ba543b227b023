// The demo's content part against the westos binary as a real process, on
// both store engines: the catalogue imports with no row rejected, the report
// shows every state, and loading again changes nothing.
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "services/westos/testing/westos_test_service.h"
#include "tools/demo/content_demo.h"
#include "wp/westos/v1/content.grpc.pb.h"

namespace wp::demo {
namespace {

using ContentDemoLoadTest = westos::WestosEndToEndTest;

TEST_P(ContentDemoLoadTest, TheDemoCataloguesEveryLessonAndTheReportShowsEveryState) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  const std::string token = wp::testing::TestToken(auth::Role::kOfficer, "demo");
  absl::StatusOr<ContentLoadCounts> first = LoadContentDemo(today, westos().channel(), token);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created, 120);
  EXPECT_EQ(first->targets_created, 10);
  absl::StatusOr<ContentLoadCounts> again = LoadContentDemo(today, westos().channel(), token);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged, 120);
  EXPECT_EQ(again->targets_created, 0);

  auto stub = content_v1::ContentService::NewStub(westos().channel());
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

WP_INSTANTIATE_ON_EVERY_ENGINE(ContentDemoLoadTest);

}  // namespace
}  // namespace wp::demo
