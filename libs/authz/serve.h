// What every gRPC handler does around its domain call: admit the caller
// (call_guard.h), check the request against the limits declared on its
// proto (libs/validation/request_check.h), run the domain function with the
// caller with the call's trace current (libs/trace: every log line carries
// its trace_id, every event its traceparent), convert the result. A call
// answered from a recorded request id (a retry) says so in the trailing
// metadata "wp-replay-of" (libs/store/replay_watch.h).
//
//   return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
//     return tracker_.CreatePlanItem(caller, *req);
//   });
//
// Thread-safe as the guard and the function passed in.
#ifndef WP_LIBS_AUTHZ_SERVE_H_
#define WP_LIBS_AUTHZ_SERVE_H_

#include <utility>

#include "grpcpp/support/status.h"
#include "libs/authz/call_guard.h"
#include "libs/status/grpc_status.h"
#include "libs/store/replay_watch.h"
#include "libs/trace/trace_context.h"
#include "libs/validation/request_check.h"

namespace wp::authz {

// The call's trace, to make current for the handler's work:
//   trace::Scope trace(authz::TraceOf(*caller));
inline trace::TraceContext TraceOf(const server::Caller& caller) {
  return trace::TraceContext{caller.trace_id, caller.traceparent};
}

// Admission and the request check alone, for streaming handlers (which
// check each further message they read with validation::CheckRequest, and
// make the trace current themselves with TraceOf).
inline absl::StatusOr<server::Caller> AdmitRequest(const CallGuard& guard,
                                                   const grpc::ServerContextBase& call,
                                                   const google::protobuf::Message& request) {
  absl::StatusOr<server::Caller> caller = guard.Admit(call);
  if (!caller.ok()) return caller.status();
  // After admission: who may not call learns nothing about the request's shape.
  if (absl::Status s = validation::CheckRequest(request); !s.ok()) return s;
  return caller;
}

template <typename Response, typename Fn>
grpc::Status Serve(const CallGuard& guard, grpc::ServerContextBase& call,
                   const google::protobuf::Message& request, Response* response, Fn&& fn) {
  absl::StatusOr<server::Caller> caller = AdmitRequest(guard, call, request);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace(TraceOf(*caller));
  store::ReplayWatch replay;
  absl::StatusOr<Response> result = fn(*caller);
  if (!result.ok()) return ToGrpcStatus(result.status());
  if (replay.replayed()) call.AddTrailingMetadata(store::kReplayOfMetadataKey, replay.replay_of());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_SERVE_H_
