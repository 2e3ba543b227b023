#include "libs/authz/trace_id.h"

#include <string>

#include "gtest/gtest.h"

namespace wp::authz {
namespace {

TEST(TraceIdTest, KeepsAPlainClientId) {
  EXPECT_EQ(TraceIdFor("req-7f3a/2026-11-23T05:41:02Z"), "req-7f3a/2026-11-23T05:41:02Z");
  EXPECT_EQ(TraceIdFor(std::string(kMaxTraceIdBytes, 'a')), std::string(kMaxTraceIdBytes, 'a'));
}

TEST(TraceIdTest, ReplacesUnusableIdsWithAFreshOne) {
  for (const std::string& bad :
       {std::string(), std::string(kMaxTraceIdBytes + 1, 'a'), std::string(100000, 'a'),
        std::string("two words"), std::string("nul\0byte", 8), std::string("line\nbreak"),
        std::string("caf\xC3\xA9")}) {
    EXPECT_FALSE(IsUsableTraceId(bad)) << bad.size();
    const std::string id = TraceIdFor(bad);
    EXPECT_TRUE(IsUsableTraceId(id)) << id;
    EXPECT_EQ(id.size(), 36u) << id;  // a UUID
  }
}

}  // namespace
}  // namespace wp::authz
