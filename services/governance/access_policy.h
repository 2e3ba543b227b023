// Who may call each RPC of the governance service. An RPC missing here is
// denied to everyone (fail closed); a test walks every RPC against every role.
//
// Scope beyond the role: an authority officer updates population figures of
// its own authorities only (authorities.cc).
#ifndef WP_SERVICES_GOVERNANCE_ACCESS_POLICY_H_
#define WP_SERVICES_GOVERNANCE_ACCESS_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::governance {

authz::RoleTable AccessPolicy();

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ACCESS_POLICY_H_
