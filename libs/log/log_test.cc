#include "libs/log/log.h"

#include "gtest/gtest.h"
#include "libs/auth/claims_json.h"
#include "libs/trace/trace_context.h"

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
  EXPECT_EQ(CurrentLevel(), Level::kWarn);
  EXPECT_EQ(SetLevel("loud").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CurrentLevel(), Level::kWarn);  // unchanged by a bad name
  ASSERT_TRUE(SetLevel("info").ok());
  EXPECT_EQ(LevelName(CurrentLevel()), "info");
}

TEST(LogTest, LinesCarryTheCurrentTraceId) {
  SetService("test");
  EXPECT_EQ(FormatLine(Level::kInfo, "outside", {}).find("trace_id"), std::string::npos);
  {
    trace::Scope scope(trace::TraceContext{"4bf92f3577b34da6a3ce929d0e0e4736", ""});
    const std::string line = FormatLine(Level::kInfo, "inside", {{"event", "e-1"}});
    EXPECT_NE(line.find(" msg=inside event=e-1 trace_id=4bf92f3577b34da6a3ce929d0e0e4736\n"),
              std::string::npos)
        << line;
    // A trace_id the caller gives wins; it is not written twice.
    const std::string own = FormatLine(Level::kInfo, "rpc", {{"trace_id", "other"}});
    EXPECT_NE(own.find(" trace_id=other\n"), std::string::npos) << own;
    EXPECT_EQ(own.find("4bf92f"), std::string::npos) << own;
  }
  EXPECT_EQ(FormatLine(Level::kInfo, "after", {}).find("trace_id"), std::string::npos);
}

TEST(LogTest, JsonLinesAreOneEscapedObjectEach) {
  SetService("test \"svc\"");
  ASSERT_TRUE(SetFormat("JSON").ok());
  const std::string nasty = std::string("quote\" back\\ nl\n tab\t nul") + std::string("\0\x1b\x7f caf\xC3\xA9", 9);
  std::string line;
  {
    trace::Scope scope(trace::TraceContext{"t-1", ""});
    line = FormatLine(Level::kWarn, "relay retry", {{"error", nasty}, {"bad utf8", "\xFF\xFE"}});
  }
  ASSERT_TRUE(SetFormat("logfmt").ok());
  SetService("test");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.front(), '{');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << line;
  EXPECT_EQ(line.find('\0'), std::string::npos);
  std::optional<google::protobuf::Struct> parsed = auth::ParseJsonObject(line.substr(0, line.size() - 1));
  ASSERT_TRUE(parsed.has_value()) << line;
  const auto& f = parsed->fields();
  EXPECT_EQ(f.at("level").string_value(), "warn");
  EXPECT_EQ(f.at("svc").string_value(), "test \"svc\"");
  EXPECT_EQ(f.at("msg").string_value(), "relay retry");
  EXPECT_EQ(f.at("error").string_value(), nasty);
  EXPECT_EQ(f.at("trace_id").string_value(), "t-1");
  EXPECT_EQ(f.at("bad utf8").string_value().find('\xFF'), std::string::npos);  // repaired to UTF-8
  EXPECT_EQ(f.at("ts").string_value().size(), 24u);
  EXPECT_EQ(SetFormat("xml").code(), absl::StatusCode::kInvalidArgument);
}

TEST(LogTest, HugeJsonValuesAreBoundedToo) {
  ASSERT_TRUE(SetFormat("json").ok());
  const std::string line = FormatLine(Level::kError, "m", {{"error", std::string(400 * 1024, '"')}});
  ASSERT_TRUE(SetFormat("logfmt").ok());
  EXPECT_LT(line.size(), 3 * 4096u) << line.size();
  EXPECT_TRUE(auth::ParseJsonObject(line.substr(0, line.size() - 1)).has_value());
}

}  // namespace
}  // namespace wp::log
