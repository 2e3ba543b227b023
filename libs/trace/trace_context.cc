#include "libs/trace/trace_context.h"

#include <optional>
#include <utility>

#include "libs/trace/traceparent.h"

namespace wp::trace {
namespace {

TraceContext& ThreadContext() {
  thread_local TraceContext context;
  return context;
}

// A span in the trace `trace_id` names when it is a W3C trace id, else in a new trace.
TraceParent SpanFor(absl::string_view trace_id) {
  if (!IsValidTraceId(trace_id)) return NewTrace();
  TraceParent tp;
  tp.trace_id = std::string(trace_id);
  tp.parent_id = NewSpanId();
  tp.flags = kSampledFlag;
  return tp;
}

}  // namespace

bool IsUsableRequestId(absl::string_view id) {
  if (id.empty() || id.size() > kMaxTraceIdBytes) return false;
  for (char c : id) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

TraceContext ForRequest(absl::string_view traceparent, absl::string_view x_request_id) {
  TraceContext out;
  if (std::optional<TraceParent> caller = ParseTraceParent(traceparent)) {
    out.trace_id = caller->trace_id;
    out.traceparent = FormatTraceParent(ChildOf(*caller));
    return out;
  }
  if (IsUsableRequestId(x_request_id)) {
    out.trace_id = std::string(x_request_id);
    out.traceparent = FormatTraceParent(SpanFor(x_request_id));
    return out;
  }
  const TraceParent fresh = NewTrace();
  out.trace_id = fresh.trace_id;
  out.traceparent = FormatTraceParent(fresh);
  return out;
}

TraceContext ForEvent(absl::string_view trace_id, absl::string_view traceparent) {
  const std::optional<TraceParent> publisher = ParseTraceParent(traceparent);
  const TraceParent span = publisher ? ChildOf(*publisher) : SpanFor(trace_id);
  TraceContext out;
  out.trace_id = IsUsableRequestId(trace_id) ? std::string(trace_id) : span.trace_id;
  out.traceparent = FormatTraceParent(span);
  return out;
}

const TraceContext& Current() { return ThreadContext(); }

Scope::Scope(TraceContext context) : previous_(std::exchange(ThreadContext(), std::move(context))) {}

Scope::~Scope() { ThreadContext() = std::move(previous_); }

}  // namespace wp::trace
