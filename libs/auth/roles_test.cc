#include "libs/auth/roles.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::auth {
namespace {

using ::testing::HasSubstr;

TEST(RolesTest, NamesAreTheWireNames) {
  EXPECT_EQ(RoleName(Role::kAdmin), "admin");
  EXPECT_EQ(RoleName(Role::kBoard), "board");
  EXPECT_EQ(RoleName(Role::kOfficer), "officer");
  EXPECT_EQ(RoleName(Role::kAuthorityOfficer), "authority_officer");
  EXPECT_EQ(RoleName(Role::kAnalyst), "analyst");
  EXPECT_EQ(RoleName(Role::kIngest), "ingest");
  EXPECT_EQ(RoleName(Role::kPartner), "partner");
}

TEST(RolesTest, EveryRoleRoundTripsThroughItsName) {
  std::set<std::string> names;
  for (Role role : AllRoles()) {
    absl::StatusOr<Role> parsed = ParseRole(RoleName(role));
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, role);
    names.insert(std::string(RoleName(role)));
  }
  EXPECT_EQ(AllRoles().size(), 7u);
  EXPECT_EQ(names.size(), 7u);  // no two roles share a name
}

TEST(RolesTest, UnknownNamesAreRejectedWithTheAcceptedValues) {
  for (const char* bad : {"", "root", "Admin", "ADMIN", " admin", "authority-officer"}) {
    absl::StatusOr<Role> parsed = ParseRole(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(parsed.status().message(), HasSubstr("authority_officer"));
  }
}

TEST(RolesTest, UnknownNameIsEscapedAndBounded) {
  std::string hostile = "x\nFAKE LOG LINE" + std::string(500, 'a');
  absl::StatusOr<Role> parsed = ParseRole(hostile);
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()), ::testing::Not(HasSubstr("\n")));
  EXPECT_LT(parsed.status().message().size(), 250u);
}

}  // namespace
}  // namespace wp::auth
