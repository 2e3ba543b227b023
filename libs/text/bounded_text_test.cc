#include "libs/text/bounded_text.h"

#include <string>

#include "gtest/gtest.h"

namespace wp::text {
namespace {

bool ValidUtf8(absl::string_view s) {
  while (!s.empty()) {
    const size_t n = Utf8SequenceLength(s);
    if (n == 0) return false;
    s.remove_prefix(n);
  }
  return true;
}

TEST(BoundedTextTest, ShortValidTextIsUnchanged) {
  EXPECT_EQ(Bounded("plan_item.ref: must look like 4.2", 256), "plan_item.ref: must look like 4.2");
  EXPECT_EQ(Bounded("Caf\xC3\xA9", 5), "Caf\xC3\xA9");
  EXPECT_EQ(Bounded("", 16), "");
}

TEST(BoundedTextTest, LongTextIsCutWithAnEllipsisWithinTheBound) {
  const std::string cut = Bounded(std::string(100000, 'a'), 256);
  EXPECT_EQ(cut.size(), 256u);
  EXPECT_EQ(cut, std::string(253, 'a') + std::string(kEllipsis));
}

TEST(BoundedTextTest, CutsOnACharacterBoundary) {
  // 'é' is two bytes: a bound of 8 leaves room for two of them and "…".
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xC3\xA9";
  const std::string cut = Bounded(text, 8);
  EXPECT_LE(cut.size(), 8u);
  EXPECT_TRUE(ValidUtf8(cut)) << cut;
  EXPECT_EQ(cut, "\xC3\xA9\xC3\xA9" + std::string(kEllipsis));
}

TEST(BoundedTextTest, InvalidBytesBecomeReplacementCharacters) {
  const std::string fixed = Bounded("ok\xFF\xC3(\xED\xA0\x80!", 64);
  EXPECT_TRUE(ValidUtf8(fixed)) << fixed;
  EXPECT_EQ(fixed.substr(0, 2), "ok");
  EXPECT_EQ(fixed.back(), '!');
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "\x80x";
  const std::string cut = Bounded(mixed, 1024);
  EXPECT_LE(cut.size(), 1024u);
  EXPECT_TRUE(ValidUtf8(cut));
}

TEST(BoundedTextTest, TinyBoundsStayWithinThem) {
  EXPECT_EQ(Bounded("abcdef", 2), "");
  EXPECT_EQ(Bounded("abcdef", 3), std::string(kEllipsis));
  EXPECT_EQ(Bounded("abc", 3), "abc");
}

}  // namespace
}  // namespace wp::text
