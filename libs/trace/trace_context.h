// The trace a piece of work belongs to, and the current one of this thread.
//
// A TraceContext holds two things:
//   trace_id     what log lines, audit records and event envelopes say: the
//                W3C trace-id (32 hex), or the client's own x-request-id
//                when it sent one and no traceparent;
//   traceparent  the W3C context of the span doing the work now, passed on
//                to the events it writes (and so to their consumers).
//
// Where a context comes from:
//   a gRPC call   ForRequest(traceparent metadata, x-request-id metadata):
//                 a valid traceparent continues the caller's trace; else a
//                 usable x-request-id is kept as the trace id (as before
//                 W3C support); else a new trace starts. Never fails a call.
//   an event      ForEvent(envelope trace_id, envelope traceparent): the
//                 consumer continues the publisher's trace in a new span.
//
// Scope makes a context current on this thread until it goes out of scope
// (restoring the one before): every libs/log line written meanwhile carries
// its trace_id, and bus::EmitEvent puts its traceparent in the envelope.
//
// Thread-safety: pure functions; Current() and Scope are per thread.
#ifndef WP_LIBS_TRACE_TRACE_CONTEXT_H_
#define WP_LIBS_TRACE_TRACE_CONTEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::trace {

// Longest x-request-id kept as a trace id; it is stored in audit records
// and logs, so it must be short and plain.
inline constexpr size_t kMaxTraceIdBytes = 128;

struct TraceContext {
  std::string trace_id;
  std::string traceparent;

  bool empty() const { return trace_id.empty() && traceparent.empty(); }
};

// True when a client's x-request-id may be kept as the trace id: 1 to
// kMaxTraceIdBytes of visible ASCII (0x21..0x7E). Anything else (too long,
// spaces, control bytes, non-ASCII) is replaced, not refused.
bool IsUsableRequestId(absl::string_view id);

// The context of a gRPC call (see the top of this file). Its traceparent is
// always valid: the server's own span, a child of the caller's.
TraceContext ForRequest(absl::string_view traceparent, absl::string_view x_request_id);

// The context for handling an event whose envelope (or NATS header) carried
// these; either may be empty or invalid, then a new trace starts.
TraceContext ForEvent(absl::string_view trace_id, absl::string_view traceparent);

// This thread's current context; empty outside any Scope.
const TraceContext& Current();

class Scope {
 public:
  explicit Scope(TraceContext context);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  TraceContext previous_;
};

}  // namespace wp::trace

#endif  // WP_LIBS_TRACE_TRACE_CONTEXT_H_
