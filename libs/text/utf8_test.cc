#include "libs/text/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace wp::text {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Comhairle nan Eilean Siar \xE2\x80\x93 \xC3\xA9\xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8(std::string("nul\0inside", 10)));  // NUL is valid UTF-8
}

TEST(Utf8Test, FindsTheFirstBadByte) {
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF\xFE"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("x\xE0\x80\x80"), 1u);     // overlong three-byte form
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);      // surrogate U+D800
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("ok\xE2\x80"), 2u);        // truncated at the end
  EXPECT_EQ(FirstInvalidUtf8("\x80"), 0u);              // lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));    // five-byte form
}

TEST(Utf8Test, RepairReplacesEachBadByte) {
  EXPECT_EQ(RepairUtf8("ok"), "ok");
  EXPECT_EQ(RepairUtf8("a\xFF\xFE" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_TRUE(IsValidUtf8(RepairUtf8("\xE2\x80")));
  EXPECT_EQ(Utf8SequenceLength("\xE2\x80\x93x"), 3u);
  EXPECT_EQ(Utf8SequenceLength(""), 0u);
}

}  // namespace
}  // namespace wp::text
