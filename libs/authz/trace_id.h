// The trace id of a call, from the client's x-request-id metadata when it is
// a usable id, otherwise a fresh one. The id is stored in audit records and
// written to logs, so it must be short and plain: at most kMaxTraceIdBytes of
// visible ASCII (0x21..0x7E). Anything else (too long, spaces, control bytes,
// non-ASCII) is replaced rather than refused: tracing must not fail a call.
//
// Thread-safe: pure functions (NewId draws from a thread-local source).
#ifndef WP_LIBS_AUTHZ_TRACE_ID_H_
#define WP_LIBS_AUTHZ_TRACE_ID_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::authz {

inline constexpr size_t kMaxTraceIdBytes = 128;

// True when `id` may be kept as the trace id.
bool IsUsableTraceId(absl::string_view id);

// `requested` when usable, else a fresh UUID (server::NewId).
std::string TraceIdFor(absl::string_view requested);

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_TRACE_ID_H_
