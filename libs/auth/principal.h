// Who is calling, as established by a verified bearer token: the subject,
// its role and, for authority officers, the authorities it may act for.
//
// Thread-safety: a plain value; concurrent reads are safe, writes need the
// caller's own synchronisation.
#ifndef WP_LIBS_AUTH_PRINCIPAL_H_
#define WP_LIBS_AUTH_PRINCIPAL_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/auth/roles.h"

namespace wp::auth {

struct Principal {
  std::string subject;  // the token's `sub`
  // Defaults fail closed: a default-constructed Principal acts for no
  // authority and is already expired. Real ones come from TokenVerifier.
  Role role = Role::kAuthorityOfficer;
  std::vector<std::string> authorities;  // region authority codes, e.g. "GCC"
  absl::Time expires_at = absl::InfinitePast();

  // Whether this caller may touch data owned by `authority_code`. Every role
  // but authority_officer is region-wide (the policy table limits what it
  // may call); an authority officer needs the code in `authorities`.
  bool CanActFor(absl::string_view authority_code) const;
};

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_PRINCIPAL_H_
