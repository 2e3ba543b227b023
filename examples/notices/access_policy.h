// Who may call each RPC of the notice board. An RPC missing here is denied
// to everyone (fail closed).
//
// Thread-safety: returns a fresh table.
#ifndef WP_EXAMPLES_NOTICES_ACCESS_POLICY_H_
#define WP_EXAMPLES_NOTICES_ACCESS_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::examples::notices {

authz::RoleTable AccessPolicy();

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_ACCESS_POLICY_H_
