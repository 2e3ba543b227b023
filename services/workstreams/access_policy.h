// Who may call each RPC of the workstreams service. An RPC missing here is
// denied to everyone (fail closed); a test walks every RPC against every role.
//
// Scope rules beyond the role (an authority officer sets coordinators and
// sees coordinator names only for its own authorities) live in networks.cc.
#ifndef WP_SERVICES_WORKSTREAMS_ACCESS_POLICY_H_
#define WP_SERVICES_WORKSTREAMS_ACCESS_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::workstreams {

authz::RoleTable AccessPolicy();

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_ACCESS_POLICY_H_
