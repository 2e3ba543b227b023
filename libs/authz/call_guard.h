// Carries the authentication interceptor's verdict on a call to the handler.
//
// gRPC interceptors cannot refuse a call on the server side, so the
// interceptor records here, per call, either the authenticated caller or the
// error to return (UNAUTHENTICATED, PERMISSION_DENIED), and every handler
// starts by asking Admit(). A call the interceptor never saw is refused:
// fail closed.
//
// Thread-safe.
#ifndef WP_LIBS_AUTHZ_CALL_GUARD_H_
#define WP_LIBS_AUTHZ_CALL_GUARD_H_

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/server_context.h"
#include "libs/server/request_context.h"

namespace wp::authz {

class CallGuard {
 public:
  void Set(const grpc::ServerContextBase* call, absl::StatusOr<server::Caller> verdict);
  void Clear(const grpc::ServerContextBase* call);

  // The caller of an admitted call, or the status to answer with.
  absl::StatusOr<server::Caller> Admit(const grpc::ServerContextBase& call) const;

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<const grpc::ServerContextBase*, absl::StatusOr<server::Caller>> verdicts_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_CALL_GUARD_H_
