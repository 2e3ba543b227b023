// Test-only: call any RPC of a service by its full name with an empty
// request, to walk every RPC against every role without writing a request
// for each. Used by the services' security tests.
#ifndef WP_LIBS_TESTING_RPC_WALK_H_
#define WP_LIBS_TESTING_RPC_WALK_H_

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/grpcpp.h"

namespace wp::testing {

// Calls `method` ("/pkg.Service/Method") with an empty message (every field
// at its default) and `authorization` metadata when not empty.
grpc::Status CallRaw(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                     const std::string& authorization);

// "/pkg.Service/Method" for every method of the named services, as compiled
// into this binary.
std::vector<std::string> AllMethods(const std::vector<std::string>& services);

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_RPC_WALK_H_
