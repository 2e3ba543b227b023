#include "libs/log/log.h"

#include "gtest/gtest.h"

namespace wp::log {
namespace {

TEST(LogTest, FormatsOneLogfmtLine) {
  SetService("test");
  std::string line = FormatLine(Level::kWarn, "relay retry", {{"attempt", "3"}, {"error", "no \"ack\"\nyet"}});
  EXPECT_NE(line.find(" level=warn svc=test msg=\"relay retry\" attempt=3 error=\"no \\\"ack\\\"\\nyet\"\n"),
            std::string::npos)
      << line;
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

TEST(LogTest, LevelParsingAndFiltering) {
  ASSERT_TRUE(SetLevel("WARN").ok());
  EXPECT_FALSE(Enabled(Level::kInfo));
  EXPECT_TRUE(Enabled(Level::kError));
  EXPECT_EQ(SetLevel("loud").code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(SetLevel("info").ok());
}

}  // namespace
}  // namespace wp::log
