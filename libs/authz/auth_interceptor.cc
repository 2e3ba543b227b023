#include "libs/authz/auth_interceptor.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"

namespace wp::authz {
namespace {

using grpc::experimental::InterceptionHookPoints;

std::string Metadata(const std::multimap<grpc::string_ref, grpc::string_ref>& metadata,
                     const char* key) {
  auto it = metadata.find(key);
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

class AuthInterceptor : public grpc::experimental::Interceptor {
 public:
  AuthInterceptor(grpc::experimental::ServerRpcInfo* info, const TokenCache& tokens,
                  const Policy& policy, CallGuard& guard)
      : call_(info->server_context()),
        method_(info->method()),
        tokens_(tokens),
        policy_(policy),
        guard_(guard) {}

  ~AuthInterceptor() override { guard_.Clear(call_); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      const auto* metadata = methods->GetRecvInitialMetadata();
      const std::string authorization = metadata ? Metadata(*metadata, "authorization") : "";
      absl::StatusOr<server::Caller> verdict =
          Decide(tokens_, policy_, method_, authorization, absl::Now());
      if (verdict.ok() && metadata) {
        verdict->trace_id = Metadata(*metadata, "x-request-id");
        if (verdict->trace_id.empty()) verdict->trace_id = server::NewId();
      }
      guard_.Set(call_, std::move(verdict));
    }
    methods->Proceed();
  }

 private:
  const grpc::ServerContextBase* call_;
  const std::string method_;
  const TokenCache& tokens_;
  const Policy& policy_;
  CallGuard& guard_;
};

}  // namespace

absl::StatusOr<server::Caller> Decide(const TokenCache& tokens, const Policy& policy,
                                      const std::string& method, absl::string_view authorization,
                                      absl::Time now) {
  server::Caller caller;
  caller.method = method;
  if (Policy::IsPublic(method)) {
    caller.actor = "anonymous";
    return caller;
  }
  absl::string_view token = absl::StripAsciiWhitespace(authorization);
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "no credentials: send the metadata \"authorization: Bearer <token>\"");
  }
  // The scheme name is case-insensitive (RFC 6750).
  if (token.size() < 7 || !absl::EqualsIgnoreCase(token.substr(0, 7), "bearer ")) {
    return absl::UnauthenticatedError("the authorization metadata must be \"Bearer <token>\"");
  }
  token.remove_prefix(7);
  absl::StatusOr<auth::Principal> principal = tokens.Verify(absl::StripAsciiWhitespace(token), now);
  if (!principal.ok()) return principal.status();
  if (absl::Status allowed = policy.Check(method, *principal); !allowed.ok()) return allowed;
  caller.actor = principal->subject;
  caller.role = std::string(auth::RoleName(principal->role));
  caller.authorities = principal->authorities;
  return caller;
}

grpc::experimental::Interceptor* AuthInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new AuthInterceptor(info, tokens_, policy_, guard_);
}

}  // namespace wp::authz
