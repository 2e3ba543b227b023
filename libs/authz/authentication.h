// Everything a service needs for authenticated, authorized calls, built from
// its configuration and its policy table:
//
//   auto authn = authz::Authentication::Create(config, MyServicePolicy());
//   host.AddInterceptor(authn->NewInterceptor());
//   MyGrpc grpc_layer(domain, authn->guard());   // handlers use authz::Serve
//
// Thread-safe; must outlive the server.
#ifndef WP_LIBS_AUTHZ_AUTHENTICATION_H_
#define WP_LIBS_AUTHZ_AUTHENTICATION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/support/server_interceptor.h"
#include "libs/auth/token_verifier.h"
#include "libs/authz/call_guard.h"
#include "libs/authz/policy.h"
#include "libs/authz/token_cache.h"
#include "libs/config/config.h"

namespace wp::authz {

class Authentication {
 public:
  static absl::StatusOr<std::unique_ptr<Authentication>> Create(const ServiceConfig& config,
                                                                RoleTable table);

  CallGuard& guard() { return guard_; }
  const Policy& policy() const { return policy_; }
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInterceptor();

 private:
  Authentication(std::unique_ptr<auth::TokenVerifier> verifier, RoleTable table)
      : verifier_(std::move(verifier)), tokens_(*verifier_), policy_(std::move(table)) {}

  std::unique_ptr<auth::TokenVerifier> verifier_;
  TokenCache tokens_;
  Policy policy_;
  CallGuard guard_;
};

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_AUTHENTICATION_H_
