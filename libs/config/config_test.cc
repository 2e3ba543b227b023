#include "libs/config/config.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "gtest/gtest.h"

namespace wp {
namespace {

TEST(ConfigTest, EnvironmentSetsFlags) {
  setenv("WP_NATS_URL", "nats://10.0.0.1:4333", 1);
  setenv("WP_PORT", "6000", 1);
  ASSERT_TRUE(ApplyEnvironmentOverrides().ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_nats_url), "nats://10.0.0.1:4333");
  EXPECT_EQ(absl::GetFlag(FLAGS_port), 6000);
  unsetenv("WP_NATS_URL");
  unsetenv("WP_PORT");
}

TEST(ConfigTest, BadEnvironmentValueNamesTheVariable) {
  setenv("WP_PORT", "fifty", 1);
  absl::Status s = ApplyEnvironmentOverrides();
  unsetenv("WP_PORT");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("WP_PORT"), absl::string_view::npos);
}

// LoadConfig with these flags after the program name, and the settings every
// service needs to start.
ServiceConfig Load(std::vector<std::string> flags) {
  flags.insert(flags.begin(), "service");
  flags.push_back("--jwt_hs256_secret=test-secret");
  flags.push_back("--allow_plaintext");
  std::vector<char*> argv;
  for (std::string& f : flags) argv.push_back(f.data());
  return LoadConfig(static_cast<int>(argv.size()), argv.data(), "svc", 50052);
}

TEST(ConfigTest, MetricsPortDefaultsToTheGrpcPortPlusAThousand) {
  absl::SetFlag(&FLAGS_port, 0);  // flags outlive tests: start from the defaults
  absl::SetFlag(&FLAGS_metrics_port, std::nullopt);
  EXPECT_EQ(Load({}).metrics_address, "127.0.0.1:51052");
  EXPECT_EQ(Load({"--port=6000", "--listen_host=0.0.0.0"}).metrics_address, "0.0.0.0:7000");
  absl::SetFlag(&FLAGS_port, 0);
  absl::SetFlag(&FLAGS_listen_host, "127.0.0.1");
}

TEST(ConfigTest, MetricsPortZeroPicksAnyNegativeTurnsItOff) {
  absl::SetFlag(&FLAGS_port, 0);
  EXPECT_EQ(Load({"--metrics_port=0"}).metrics_address, "127.0.0.1:0");
  EXPECT_EQ(Load({"--metrics_port=9100"}).metrics_address, "127.0.0.1:9100");
  EXPECT_EQ(Load({"--metrics_port=-1"}).metrics_address, "");
  absl::SetFlag(&FLAGS_metrics_port, std::nullopt);
}

TEST(ConfigTest, ChangeFeedRetentionIsAFlag) {
  EXPECT_EQ(Load({"--change_feed_retention_events=500"}).change_feed_retention_events, 500);
  EXPECT_EQ(Load({"--change_feed_retention_events=-1"}).change_feed_retention_events, -1);
  EXPECT_EXIT(Load({"--change_feed_retention_events=-2"}), ::testing::ExitedWithCode(2),
              "change_feed_retention_events");
  absl::SetFlag(&FLAGS_change_feed_retention_events, 100000);
}

}  // namespace
}  // namespace wp
