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

TEST(LogTest, EscapesControlBytesAndNul) {
  SetService("test");
  const std::string authority("GC\0C\r\x1b[2J", 9);
  std::string line = FormatLine(Level::kInfo, "rpc", {{"error", "bad authority " + authority}});
  EXPECT_NE(line.find(" error=\"bad authority GC\\x00C\\r\\x1b[2J\"\n"), std::string::npos) << line;
  EXPECT_EQ(line.find('\0'), std::string::npos);
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

TEST(LogTest, BoundsHugeValues) {
  SetService("test");
  const std::string huge(400 * 1024, 'x');
  std::string line = FormatLine(Level::kError, huge, {{"error", huge}, {"ref", "3f9a"}});
  EXPECT_LT(line.size(), 3 * 4096u) << line.size();
  EXPECT_NE(line.find("\xE2\x80\xA6 ref=3f9a\n"), std::string::npos);
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
