#include "libs/auth/roles.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/auth/untrusted_text.h"

namespace wp::auth {

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kBoard:
      return "board";
    case Role::kOfficer:
      return "officer";
    case Role::kAuthorityOfficer:
      return "authority_officer";
    case Role::kAnalyst:
      return "analyst";
    case Role::kIngest:
      return "ingest";
    case Role::kPartner:
      return "partner";
  }
  // Only reachable through a cast from an out-of-range integer.
  return "unknown";
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  for (Role role : AllRoles()) {
    if (RoleName(role) == name) return role;
  }
  std::string expected = absl::StrJoin(
      AllRoles(), ", ", [](std::string* out, Role role) { absl::StrAppend(out, RoleName(role)); });
  return absl::InvalidArgumentError(
      absl::StrCat("unknown role ", QuoteUntrusted(name), " (expected one of: ", expected, ")"));
}

const std::vector<Role>& AllRoles() {
  // Leaked on purpose: no destruction-order hazards at exit.
  static const auto* roles = new std::vector<Role>{
      Role::kAdmin,   Role::kBoard,  Role::kOfficer, Role::kAuthorityOfficer,
      Role::kAnalyst, Role::kIngest, Role::kPartner,
  };
  return *roles;
}

}  // namespace wp::auth
