#include "libs/authz/authentication.h"

#include "libs/authz/auth_interceptor.h"

namespace wp::authz {

absl::StatusOr<std::unique_ptr<Authentication>> Authentication::Create(const ServiceConfig& config,
                                                                       RoleTable table) {
  auth::VerifierOptions options;
  options.issuer = config.jwt_issuer;
  options.audience = config.jwt_audience;
  options.hs256_secret = config.jwt_hs256_secret;
  options.rs256_public_key_pem = config.jwt_rs256_public_key;
  absl::StatusOr<std::unique_ptr<auth::TokenVerifier>> verifier =
      auth::TokenVerifier::Create(options);
  if (!verifier.ok()) return verifier.status();
  return std::unique_ptr<Authentication>(new Authentication(std::move(*verifier), std::move(table)));
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
Authentication::NewInterceptor() {
  return std::make_unique<AuthInterceptorFactory>(tokens_, policy_, guard_);
}

}  // namespace wp::authz
