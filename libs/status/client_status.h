// What a client may see of an error, decided in one place for every service
// (ToGrpcStatus in grpc_status.h applies it to every handler's result).
//
// A server fault (INTERNAL, UNKNOWN, DATA_LOSS, UNAVAILABLE) says what went
// wrong inside: SQL text, file paths, Redis or NATS errors. The client gets a
// generic message with a short reference instead, e.g.
//   "internal error (ref 3f9a0c1d2e4b5a69)"
// and the full message is logged (libs/log) with the same `ref`, so an
// operator can find it. Every other error keeps its message, bounded to
// kMaxMessageBytes of valid UTF-8, and its field violations, bounded as
// FieldViolations bounds them (error_limits.h).
//
// Thread-safe: pure apart from the log line and a thread-local random source.
#ifndef WP_LIBS_STATUS_CLIENT_STATUS_H_
#define WP_LIBS_STATUS_CLIENT_STATUS_H_

#include "absl/status/status.h"

namespace wp {

// True for the codes whose messages describe the server, not the request.
bool IsServerFault(absl::StatusCode code);

// `status` as it may be sent to a client; OK stays OK.
absl::Status ForClient(const absl::Status& status);

}  // namespace wp

#endif  // WP_LIBS_STATUS_CLIENT_STATUS_H_
