// What every gRPC handler does around its domain call: admit the caller
// (call_guard.h), run the domain function with it, convert the result.
//
//   return authz::Serve(guard_, *ctx, resp, [&](const server::Caller& caller) {
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

namespace wp::authz {

template <typename Response, typename Fn>
grpc::Status Serve(const CallGuard& guard, const grpc::ServerContextBase& call, Response* response,
                   Fn&& fn) {
  absl::StatusOr<server::Caller> caller = guard.Admit(call);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<Response> result = fn(*caller);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_SERVE_H_
