#include "tools/wpctl/token_claims.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Jwt(const std::string& payload_json) {
  return absl::StrCat(absl::WebSafeBase64Escape(R"({"alg":"HS256","typ":"JWT"})"), ".",
                      absl::WebSafeBase64Escape(payload_json), ".c2lnbmF0dXJl");
}

const absl::Time kNow = absl::FromUnixSeconds(1796292000);  // 2026-12-03 10:00:00 UTC

TEST(TokenClaimsTest, ReadsTheClaims) {
  auto claims = DecodeTokenClaims(Jwt(
      R"({"iss":"wp-local","aud":["wp"],"sub":"ann.officer","role":"authority_officer",)"
      R"("authorities":["GCC","EDC"],"iat":1796280000,"exp":1796304000})"));
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->subject, "ann.officer");
  EXPECT_EQ(claims->role, "authority_officer");
  EXPECT_THAT(claims->authorities, ElementsAre("GCC", "EDC"));
  EXPECT_EQ(claims->issuer, "wp-local");
  EXPECT_EQ(claims->audience, "wp");
  EXPECT_EQ(claims->expires, absl::FromUnixSeconds(1796304000));
}

TEST(TokenClaimsTest, WhoamiSaysExpiryAndThatNothingWasVerified) {
  TokenClaims claims;
  claims.subject = "admin";
  claims.role = "admin";
  claims.issuer = "wp-local";
  claims.expires = kNow + absl::Hours(3) + absl::Minutes(20) + absl::Seconds(5);
  const std::string text = WhoamiText(claims, kNow, "WP_TOKEN");
  EXPECT_THAT(text, HasSubstr("subject:     admin\n"));
  EXPECT_THAT(text, HasSubstr("authorities: -\n"));
  EXPECT_THAT(text, HasSubstr("expires:     2026-12-03 13:20:05 UTC (in 3h20m)\n"));
  EXPECT_THAT(text, HasSubstr("token from:  WP_TOKEN\n"));
  EXPECT_THAT(text, HasSubstr("without checking the signature"));

  claims.expires = kNow - absl::Minutes(90);
  claims.authorities = {"GCC", "INV"};
  const std::string expired = WhoamiText(claims, kNow, "--token");
  EXPECT_THAT(expired, HasSubstr("(expired 1h30m ago)"));
  EXPECT_THAT(expired, HasSubstr("authorities: GCC, INV\n"));
}

TEST(TokenClaimsTest, RejectsWhatIsNotAJwt) {
  for (const std::string& token : {std::string(""), std::string("abc"), std::string("a.b"),
                                   std::string("a..c"), std::string("a.!!!.c"),
                                   absl::StrCat("a.", absl::WebSafeBase64Escape("[1,2]"), ".c"),
                                   absl::StrCat("a.", absl::WebSafeBase64Escape("not json"), ".c")}) {
    auto claims = DecodeTokenClaims(token);
    EXPECT_FALSE(claims.ok()) << token;
    EXPECT_TRUE(IsUsageError(claims.status())) << token;
  }
}

}  // namespace
}  // namespace wp::wpctl
