#include "libs/testing/policy_walk.h"

#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/runtime/platform_policy.h"
#include "libs/testing/rpc_walk.h"
#include "libs/testing/test_tokens.h"

namespace wp::testing {

void ExpectEveryRpcGuarded(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& services,
                           const authz::RoleTable& own_policy) {
  std::vector<std::string> methods = AllMethods(services);
  for (const auto& [method, roles] : runtime::PlatformPolicy()) methods.push_back(method);
  const authz::RoleTable table = runtime::ServicePolicy(own_policy);
  EXPECT_EQ(table.size(), methods.size()) << "the policy names an RPC that does not exist";
  for (const std::string& method : methods) {
    ASSERT_EQ(table.count(method), 1u) << method << " is missing from the access policy";
    EXPECT_EQ(CallRaw(channel, method, "").error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
    for (auth::Role role : auth::AllRoles()) {
      const std::vector<std::string> authorities =
          role == auth::Role::kAuthorityOfficer ? std::vector<std::string>{"GCC"} : std::vector<std::string>{};
      grpc::Status s = CallRaw(channel, method, TestBearer(role, "walker", authorities));
      if (table.at(method).count(role) == 1) {
        EXPECT_NE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role) << " " << method;
      } else {
        EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role) << " " << method;
      }
    }
  }
}

}  // namespace wp::testing
