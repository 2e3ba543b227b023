#include "libs/authz/auth_interceptor.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "libs/auth/token_verifier.h"
#include "libs/status/grpc_status.h"
#include "libs/trace/trace_context.h"

namespace wp::authz {
namespace {

using grpc::experimental::InterceptionHookPoints;

using MetadataMap = std::multimap<grpc::string_ref, grpc::string_ref>;

std::string Metadata(const MetadataMap& metadata, const char* key) {
  auto it = metadata.find(key);
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// Decide() on the call's metadata. Two `authorization` entries are refused:
// which one a proxy or library reads first is not ours to guess.
absl::StatusOr<server::Caller> DecideFromMetadata(const MetadataMap* metadata, const TokenCache& tokens,
                                                  const Policy& policy, const std::string& method) {
  const size_t entries = metadata ? metadata->count("authorization") : 0;
  if (entries > 1 && !Policy::IsPublic(method)) {
    return absl::UnauthenticatedError(absl::StrCat(
        "the call has ", entries, " authorization metadata entries; send exactly one"));
  }
  const std::string authorization = metadata ? Metadata(*metadata, "authorization") : "";
  return Decide(tokens, policy, method, authorization, absl::Now());
}

class AuthInterceptor : public grpc::experimental::Interceptor {
 public:
  AuthInterceptor(grpc::experimental::ServerRpcInfo* info, const TokenCache& tokens,
                  const Policy& policy, CallGuard& guard)
      : call_(info->server_context()),
        method_(info->method()),
        // Only a single request message can be undecodable before the
        // handler; a stream's end also arrives as no message.
        single_request_(info->type() == grpc::experimental::ServerRpcInfo::Type::UNARY ||
                        info->type() == grpc::experimental::ServerRpcInfo::Type::SERVER_STREAMING),
        tokens_(tokens),
        policy_(policy),
        guard_(guard) {}

  ~AuthInterceptor() override { guard_.Clear(call_); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      const MetadataMap* metadata = methods->GetRecvInitialMetadata();
      trace_ = trace::ForRequest(metadata ? Metadata(*metadata, "traceparent") : "",
                                 metadata ? Metadata(*metadata, "x-request-id") : "");
      absl::StatusOr<server::Caller> verdict = DecideFromMetadata(metadata, tokens_, policy_, method_);
      if (verdict.ok()) {
        verdict->trace_id = trace_.trace_id;
        verdict->traceparent = trace_.traceparent;
      }
      refused_ = verdict.status();
      guard_.Set(call_, std::move(verdict));
    }
    // The client learns the call's trace, refused or not: its id to quote
    // and the server's span to continue from.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA) &&
        !trace_.empty()) {
      std::multimap<std::string, std::string>* out = methods->GetSendInitialMetadata();
      out->emplace("x-request-id", trace_.trace_id);
      out->emplace("traceparent", trace_.traceparent);
    }
    // gRPC hands a request it cannot decode to no handler and answers by
    // itself: INTERNAL with an empty message (synchronous API) or
    // UNIMPLEMENTED (callback API). The message is null here in that case.
    if (single_request_ && methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      undecodable_ = true;
    }
    if (undecodable_ && methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      // Authentication still comes first: a refused caller learns nothing more.
      methods->ModifySendStatus(ToGrpcStatus(
          !refused_.ok() ? refused_
                         : absl::InvalidArgumentError(absl::StrCat(
                               "the request message could not be decoded: its bytes are truncated or "
                               "malformed, or a string field holds invalid UTF-8 (method ",
                               method_, ")"))));
    }
    methods->Proceed();
  }

 private:
  const grpc::ServerContextBase* call_;
  const std::string method_;
  const bool single_request_;
  const TokenCache& tokens_;
  const Policy& policy_;
  CallGuard& guard_;
  absl::Status refused_;  // the authentication verdict's status
  trace::TraceContext trace_;  // the call's trace, from the received metadata
  bool undecodable_ = false;
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
  token = absl::StripAsciiWhitespace(token.substr(7));
  // Refused before any parsing or caching; the service host accepts metadata
  // big enough for a token of this size (service_host.cc).
  if (token.size() > auth::TokenVerifier::kMaxTokenBytes) {
    return absl::UnauthenticatedError(absl::StrCat("the bearer token is ", token.size(),
                                                   " bytes; at most ", auth::TokenVerifier::kMaxTokenBytes,
                                                   " are accepted"));
  }
  absl::StatusOr<auth::Principal> principal = tokens.Verify(token, now);
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
