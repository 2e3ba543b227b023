// Who may call the gRPC services the runtime serves in every service (audit,
// outbox admin, store admin, logging, status, change feed): written once here, so that a
// service's own policy table names only its own RPCs.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_RUNTIME_PLATFORM_POLICY_H_
#define WP_LIBS_RUNTIME_PLATFORM_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::runtime {

// The rows of the platform's RPCs.
authz::RoleTable PlatformPolicy();

// A service's own table with the platform's rows added; the table the
// runtime enforces (and the one a service's security test checks).
authz::RoleTable ServicePolicy(authz::RoleTable own);

}  // namespace wp::runtime

#endif  // WP_LIBS_RUNTIME_PLATFORM_POLICY_H_
