// The roles a caller can hold, as named in bearer tokens (the `role` claim)
// and in the policy table that says which role may call what.
//
// Thread-safe: pure functions over constant data.
#ifndef WP_LIBS_AUTH_ROLES_H_
#define WP_LIBS_AUTH_ROLES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::auth {

enum class Role {
  kAdmin,
  kBoard,
  kOfficer,
  kAuthorityOfficer,  // scoped: acts only for the authorities in its token
  kAnalyst,
  kIngest,
  kPartner,
};

// The wire name: "admin", "board", "officer", "authority_officer", "analyst",
// "ingest", "partner".
absl::string_view RoleName(Role role);

// The role with exactly that wire name (case-sensitive, as tokens carry it);
// INVALID_ARGUMENT naming the accepted values otherwise.
absl::StatusOr<Role> ParseRole(absl::string_view name);

// Every role, in declaration order.
const std::vector<Role>& AllRoles();

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_ROLES_H_
