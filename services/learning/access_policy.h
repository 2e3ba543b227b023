// Which roles may call each RPC of the learning service.
#ifndef WP_SERVICES_LEARNING_ACCESS_POLICY_H_
#define WP_SERVICES_LEARNING_ACCESS_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::learning {

authz::RoleTable AccessPolicy();

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_ACCESS_POLICY_H_
