#include "services/workstreams/utf8_text.h"

#include <string>

#include "gtest/gtest.h"

namespace wp::workstreams {
namespace {

using namespace std::string_literals;  // NOLINT: "\0"s in tests

TEST(Utf8TextTest, CleanTextHasNoBadByte) {
  EXPECT_FALSE(FindBadTextByte(""));
  EXPECT_FALSE(FindBadTextByte("Plan the Dec 2018 network meeting"));
  EXPECT_FALSE(FindBadTextByte("Gàidhlig \xE2\x80\x93 caf\xC3\xA9 \xF0\x9F\x93\x88"));
}

TEST(Utf8TextTest, FindsTheFirstBadByte) {
  EXPECT_EQ(FindBadTextByte("ab\xFF\xFE"), 2u);                 // a UTF-16 byte order mark
  EXPECT_EQ(FindBadTextByte("x\0y"s), 1u);                      // NUL
  EXPECT_EQ(FindBadTextByte("caf\xE9 au lait"), 3u);            // Latin-1
  EXPECT_EQ(FindBadTextByte("\xC3"), 0u);                       // cut short
  EXPECT_EQ(FindBadTextByte("\xC0\xAF"), 0u);                   // overlong
  EXPECT_EQ(FindBadTextByte("\xED\xA0\x80"), 0u);               // surrogate
  EXPECT_EQ(FindBadTextByte("\xF4\x90\x80\x80"), 0u);           // above U+10FFFF
  EXPECT_EQ(DescribeBadTextByte("ab\xFF", 2), "byte 0xFF at offset 2");
}

TEST(Utf8TextTest, RepairReplacesEachBadByte) {
  EXPECT_EQ(RepairText("ok"), "ok");
  EXPECT_EQ(RepairText("a\xFF\xFE" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_EQ(RepairText("a\0b"s), "a\xEF\xBF\xBD" "b");
  EXPECT_FALSE(FindBadTextByte(RepairText("\xC3\x28\xE2\x82")));
}

TEST(Utf8TextTest, ShortenCutsAtACharacterBoundary) {
  EXPECT_EQ(ShortenText("short", 10), "short");
  EXPECT_EQ(ShortenText("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(ShortenText("abcdefghijk", 10), "abcdefghij...");
  // "é" is two bytes: it is not split.
  EXPECT_EQ(ShortenText("abcdefghi\xC3\xA9", 10), "abcdefghi...");
  EXPECT_FALSE(FindBadTextByte(ShortenText("abc\xFF\xFF\xFF\xFF\xFF\xFF", 5)));
}

}  // namespace
}  // namespace wp::workstreams
