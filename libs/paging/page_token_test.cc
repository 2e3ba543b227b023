#include "libs/paging/page_token.h"

#include "gtest/gtest.h"

namespace wp::paging {
namespace {

TEST(PageTokenTest, RoundTrip) {
  std::string token = EncodePageToken({"2022-23", "4", "12"});
  auto parts = DecodePageToken(token, 3);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(*parts, (std::vector<std::string>{"2022-23", "4", "12"}));
  EXPECT_TRUE(DecodePageToken("", 3)->empty());
}

TEST(PageTokenTest, RejectsForeignTokens) {
  EXPECT_EQ(DecodePageToken("hello", 3).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(DecodePageToken(EncodePageToken({"a"}), 3).ok());
  EXPECT_FALSE(DecodePageToken("!!!", 1).ok());
}

// Found by page_token_fuzz: other texts decoded to the same parts as a token.
TEST(PageTokenTest, RejectsOtherSpellingsOfAToken) {
  const std::string token = EncodePageToken({"abc"});
  ASSERT_EQ(token, "d3AxH2FiYw");  // the last character carries 2 bits and 4 spare ones
  ASSERT_TRUE(DecodePageToken(token, 1).ok());
  EXPECT_FALSE(DecodePageToken("d3AxH2FiYx", 1).ok());  // same bits, a spare one set
  EXPECT_FALSE(DecodePageToken("d3AxH2FiYw==", 1).ok());  // padded
}

TEST(PageSizeTest, DefaultsAndClamps) {
  EXPECT_EQ(*PageSize(0, 100, 1000), 100);
  EXPECT_EQ(*PageSize(5000, 100, 1000), 1000);
  EXPECT_EQ(*PageSize(7, 100, 1000), 7);
  EXPECT_EQ(PageSize(-1, 100, 1000).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::paging
