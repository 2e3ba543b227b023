#include "libs/auth/principal.h"

#include "gtest/gtest.h"

namespace wp::auth {
namespace {

TEST(PrincipalTest, RegionWideRolesActForEveryAuthority) {
  for (Role role : AllRoles()) {
    if (role == Role::kAuthorityOfficer) continue;
    Principal p;
    p.subject = "someone";
    p.role = role;
    EXPECT_TRUE(p.CanActFor("GCC")) << RoleName(role);
    EXPECT_TRUE(p.CanActFor("REN")) << RoleName(role);
  }
}

TEST(PrincipalTest, AuthorityOfficerActsOnlyForItsAuthorities) {
  Principal p;
  p.subject = "officer@gcc";
  p.role = Role::kAuthorityOfficer;
  p.authorities = {"GCC", "EDC"};
  EXPECT_TRUE(p.CanActFor("GCC"));
  EXPECT_TRUE(p.CanActFor("EDC"));
  EXPECT_FALSE(p.CanActFor("REN"));
  EXPECT_FALSE(p.CanActFor("gcc"));  // codes are exact
  EXPECT_FALSE(p.CanActFor(""));
}

TEST(PrincipalTest, DefaultConstructedActsForNothingAndIsExpired) {
  Principal p;
  EXPECT_FALSE(p.CanActFor("GCC"));
  EXPECT_EQ(p.expires_at, absl::InfinitePast());
}

}  // namespace
}  // namespace wp::auth
