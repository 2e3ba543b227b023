// What a handler needs to know about the caller of the current RPC.
//
// Until token authentication lands, the caller names itself in the
// `x-wp-actor` metadata; the authentication interceptor will set it from the
// verified token instead. Thread-safe: reads the call's own context.
#ifndef WP_LIBS_SERVER_REQUEST_CONTEXT_H_
#define WP_LIBS_SERVER_REQUEST_CONTEXT_H_

#include <string>

#include "grpcpp/server_context.h"

namespace wp::server {

struct Caller {
  std::string actor;     // who: "anonymous" when nobody said
  std::string trace_id;  // from x-request-id, or a fresh id
};

Caller CallerOf(const grpc::ServerContextBase& context);

// A fresh random id (UUID v4 text).
std::string NewId();

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_REQUEST_CONTEXT_H_
