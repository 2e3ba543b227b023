// The server interceptor that authenticates every call: it reads the bearer
// token from the `authorization` metadata, verifies it, checks the service's
// policy for the method, and leaves the verdict in the CallGuard for the
// handler. Health checks and reflection pass without a token.
//
// Refused with UNAUTHENTICATED before any verification: no token, more than
// one `authorization` entry, a token over TokenVerifier::kMaxTokenBytes.
// The call's trace comes from the `traceparent` or `x-request-id` metadata,
// else is new (libs/trace/trace_context.h); it goes into the Caller and back
// to the client in the response's initial metadata (`x-request-id`: the
// trace id, `traceparent`: the server's span), refused calls included.
// A request message gRPC could not decode is answered INVALID_ARGUMENT (or
// the authentication failure, which comes first) instead of gRPC's own
// INTERNAL or UNIMPLEMENTED with no message.
//
// Thread-safe: one interceptor per call; the factory's parts are shared and
// thread-safe.
#ifndef WP_LIBS_AUTHZ_AUTH_INTERCEPTOR_H_
#define WP_LIBS_AUTHZ_AUTH_INTERCEPTOR_H_

#include "grpcpp/support/server_interceptor.h"
#include "libs/authz/token_cache.h"
#include "libs/authz/call_guard.h"
#include "libs/authz/policy.h"

namespace wp::authz {

// The verdict for one call, exposed for tests: `authorization` is the
// metadata value ("Bearer <token>"), empty when absent.
absl::StatusOr<server::Caller> Decide(const TokenCache& tokens, const Policy& policy,
                                      const std::string& method, absl::string_view authorization,
                                      absl::Time now);

class AuthInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // All three must outlive the server.
  AuthInterceptorFactory(const TokenCache& tokens, const Policy& policy, CallGuard& guard)
      : tokens_(tokens), policy_(policy), guard_(guard) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const TokenCache& tokens_;
  const Policy& policy_;
  CallGuard& guard_;
};

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_AUTH_INTERCEPTOR_H_
