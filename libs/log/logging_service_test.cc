// The run-time log level on either store engine: a change is audited and
// takes effect; a request naming no level changes nothing.
#include "libs/log/logging_service.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "libs/log/log.h"
#include "libs/testing/test_store.h"

namespace wp::log {
namespace {

namespace v1 = wp::common::v1;

class LoggingServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Database>> db = wp::testing::TestStore(GetParam()).Open({});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    caller_.actor = "ops@example";
    caller_.role = "admin";
    caller_.method = "/wp.common.v1.LoggingService/SetLogLevel";
    caller_.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    ASSERT_TRUE(SetLevel("info").ok());
  }
  void TearDown() override { ASSERT_TRUE(SetLevel("info").ok()); }

  std::vector<audit::StoredAuditEntry> Audited() {
    std::vector<audit::StoredAuditEntry> out;
    EXPECT_TRUE(db_->Read([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<std::vector<audit::StoredAuditEntry>> got =
                         audit::ListAuditByResource(tx, "logging/level", 0, 10);
                     if (!got.ok()) return got.status();
                     out = *std::move(got);
                     return absl::OkStatus();
                   }).ok());
    return out;
  }

  std::unique_ptr<store::Database> db_;
  server::Caller caller_;
};

TEST_P(LoggingServiceTest, ReportsTheLevelAndFormatInForce) {
  const v1::LogSettings settings = CurrentLogSettings();
  EXPECT_EQ(settings.level(), v1::LOG_LEVEL_INFO);
  EXPECT_EQ(settings.format(), "logfmt");
}

TEST_P(LoggingServiceTest, AChangeIsAuditedAndTakesEffect) {
  v1::SetLogLevelRequest request;
  request.set_level(v1::LOG_LEVEL_DEBUG);
  absl::StatusOr<v1::LogSettings> after = SetLogLevel(*db_, caller_, request);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->level(), v1::LOG_LEVEL_DEBUG);
  EXPECT_TRUE(Enabled(Level::kDebug));

  const std::vector<audit::StoredAuditEntry> audited = Audited();
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].entry.subject, "ops@example");
  EXPECT_EQ(audited[0].entry.summary, "log level: info -> debug");
  EXPECT_EQ(audited[0].entry.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");

  request.set_level(v1::LOG_LEVEL_ERROR);
  ASSERT_TRUE(SetLogLevel(*db_, caller_, request).ok());
  EXPECT_FALSE(Enabled(Level::kWarn));
  EXPECT_EQ(Audited().size(), 2u);
}

TEST_P(LoggingServiceTest, RefusesAMissingOrUnknownLevelAndChangesNothing) {
  v1::SetLogLevelRequest request;
  absl::StatusOr<v1::LogSettings> none = SetLogLevel(*db_, caller_, request);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(none.status().message().find("level"), std::string::npos) << none.status();
  request.set_level(static_cast<v1::LogLevel>(42));
  EXPECT_EQ(SetLogLevel(*db_, caller_, request).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CurrentLevel(), Level::kInfo);
  EXPECT_TRUE(Audited().empty());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(LoggingServiceTest);

}  // namespace
}  // namespace wp::log
