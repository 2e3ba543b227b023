// The one place where absl::Status becomes grpc::Status and back.
//
// Field violations attached by InvalidField()/FieldViolations travel as a
// google.rpc.Status in the grpc-status-details-bin trailer, so any gRPC client
// can show which field was wrong. What the client sees is decided by
// ForClient (client_status.h): server faults become a generic message with a
// logged reference, and every message and detail is bounded.
// Thread-safe: pure functions (apart from ForClient's log line).
#ifndef WP_LIBS_STATUS_GRPC_STATUS_H_
#define WP_LIBS_STATUS_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace wp {

grpc::Status ToGrpcStatus(const absl::Status& original);

// Rebuilds an absl::Status from a client-side grpc::Status, keeping the
// field violations; used by clients and tests.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace wp

#endif  // WP_LIBS_STATUS_GRPC_STATUS_H_
