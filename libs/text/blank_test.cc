#include "libs/text/blank.h"

#include <string>

#include "gtest/gtest.h"

namespace wp::text {
namespace {

TEST(BlankTest, EmptyAndAsciiWhitespaceAreBlank) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" "));
  EXPECT_TRUE(IsBlank(" \t\n\r\f\v "));
}

TEST(BlankTest, AnyOtherCharacterIsContent) {
  EXPECT_FALSE(IsBlank("a"));
  EXPECT_FALSE(IsBlank("  x  "));
  EXPECT_FALSE(IsBlank("\xC2\xA0"));  // U+00A0 no-break space
  EXPECT_FALSE(IsBlank(std::string("\0", 1)));
}

}  // namespace
}  // namespace wp::text
