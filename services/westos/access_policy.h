// Which roles may call each RPC of the westos service.
#ifndef WP_SERVICES_WESTOS_ACCESS_POLICY_H_
#define WP_SERVICES_WESTOS_ACCESS_POLICY_H_

#include "libs/authz/policy.h"

namespace wp::westos {

authz::RoleTable AccessPolicy();

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ACCESS_POLICY_H_
