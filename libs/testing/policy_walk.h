// Test-only: walks every RPC of a running service against every role, with
// gtest expectations: each RPC (the service's own and the platform's) has a
// row in the access policy and no row names an RPC that does not exist; a
// call without a token is UNAUTHENTICATED; a role the row admits is never
// PERMISSION_DENIED and every other role is. Requests are empty (rpc_walk.h).
#ifndef WP_LIBS_TESTING_POLICY_WALK_H_
#define WP_LIBS_TESTING_POLICY_WALK_H_

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/channel.h"
#include "libs/authz/policy.h"

namespace wp::testing {

// `services`: the full names of the service's own gRPC services
// ("wp.learning.v1.ProgrammesService"); `own_policy`: its AccessPolicy().
void ExpectEveryRpcGuarded(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& services,
                           const authz::RoleTable& own_policy);

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_POLICY_WALK_H_
