#include "libs/auth/principal.h"

namespace wp::auth {

bool Principal::CanActFor(absl::string_view authority_code) const {
  if (role != Role::kAuthorityOfficer) return true;
  for (const std::string& code : authorities) {
    if (code == authority_code) return true;
  }
  return false;
}

}  // namespace wp::auth
