// Fuzzes the W3C traceparent parser (libs/trace), which reads the
// `traceparent` gRPC metadata and NATS header of any caller, and the choice
// of a call's trace from it and x-request-id. The first byte splits the
// input into the two values. Checks traceparent.h's and trace_context.h's
// contracts: an accepted header formats back to itself (version 00) or to
// its version-00 form, with valid non-zero ids; whatever comes in, a call
// gets a valid traceparent and a usable trace id.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "libs/trace/trace_context.h"
#include "libs/trace/traceparent.h"
#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t split = data[0] < rest.size() ? data[0] : rest.size();
  const absl::string_view header = rest.substr(0, split);
  const absl::string_view request_id = rest.substr(split);

  for (absl::string_view text : {header, rest}) {
    std::optional<wp::trace::TraceParent> tp = wp::trace::ParseTraceParent(text);
    if (!tp) continue;
    FUZZ_CHECK(wp::trace::IsValidTraceId(tp->trace_id));
    FUZZ_CHECK(wp::trace::IsValidSpanId(tp->parent_id));
    const std::string formatted = wp::trace::FormatTraceParent(*tp);
    FUZZ_CHECK(formatted.size() == wp::trace::kTraceparentBytes);
    if (text.substr(0, 2) == "00") FUZZ_CHECK(formatted == text);
    FUZZ_CHECK(formatted.substr(2) == text.substr(2, wp::trace::kTraceparentBytes - 2));
    std::optional<wp::trace::TraceParent> again = wp::trace::ParseTraceParent(formatted);
    FUZZ_CHECK(again.has_value() && again->trace_id == tp->trace_id &&
               again->parent_id == tp->parent_id && again->flags == tp->flags);
  }

  const wp::trace::TraceContext call = wp::trace::ForRequest(header, request_id);
  std::optional<wp::trace::TraceParent> span = wp::trace::ParseTraceParent(call.traceparent);
  FUZZ_CHECK(span.has_value());
  FUZZ_CHECK(wp::trace::IsUsableRequestId(call.trace_id));
  if (std::optional<wp::trace::TraceParent> caller = wp::trace::ParseTraceParent(header)) {
    FUZZ_CHECK(call.trace_id == caller->trace_id && span->trace_id == caller->trace_id);
  } else if (wp::trace::IsUsableRequestId(request_id)) {
    FUZZ_CHECK(call.trace_id == request_id);
  }
  const wp::trace::TraceContext event = wp::trace::ForEvent(request_id, header);
  FUZZ_CHECK(wp::trace::ParseTraceParent(event.traceparent).has_value());
  FUZZ_CHECK(wp::trace::IsUsableRequestId(event.trace_id));
  return 0;
}
