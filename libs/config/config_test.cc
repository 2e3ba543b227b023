#include "libs/config/config.h"

#include <cstdlib>

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

}  // namespace
}  // namespace wp
