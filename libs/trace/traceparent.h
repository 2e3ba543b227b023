// W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/),
// version 00:
//
//   00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
//   ^  ^ trace-id (32 hex)               ^ parent-id (16 hex)  ^ flags (2 hex)
//
// Parsing is strict, as the spec asks of version 00: exactly 55 bytes,
// lower-case hex, dashes in place, and neither id all zeros. A future
// version (01..fe) is read by its first four fields, the rest ignored; ff
// is invalid. What does not parse is refused, never repaired: the caller
// then starts a new trace.
//
// Thread-safe: pure functions; the random ids come from the kernel
// (getrandom), so they are unique across threads, processes and restarts.
#ifndef WP_LIBS_TRACE_TRACEPARENT_H_
#define WP_LIBS_TRACE_TRACEPARENT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::trace {

inline constexpr size_t kTraceIdHexBytes = 32;
inline constexpr size_t kSpanIdHexBytes = 16;
inline constexpr size_t kTraceparentBytes = 55;  // version 00
inline constexpr uint8_t kSampledFlag = 0x01;

struct TraceParent {
  std::string trace_id;   // 32 lower-case hex digits, not all zero
  std::string parent_id;  // 16 lower-case hex digits, not all zero (the caller's span)
  uint8_t flags = 0;      // bit 0: sampled

  bool sampled() const { return (flags & kSampledFlag) != 0; }
};

// The parsed header, or nullopt when `text` is not a valid traceparent.
std::optional<TraceParent> ParseTraceParent(absl::string_view text);

// "00-<trace_id>-<parent_id>-<flags>" (always version 00).
std::string FormatTraceParent(const TraceParent& tp);

// True for 32 (trace) or 16 (span) lower-case hex digits, not all zero.
bool IsValidTraceId(absl::string_view id);
bool IsValidSpanId(absl::string_view id);

// Fresh random ids (never all zero).
std::string NewTraceId();
std::string NewSpanId();

// A new trace: fresh trace id and span id, sampled.
TraceParent NewTrace();
// The same trace and flags, with a fresh span id: the span of work that
// continues `parent` (a server handling a call, a consumer handling an event).
TraceParent ChildOf(const TraceParent& parent);

}  // namespace wp::trace

#endif  // WP_LIBS_TRACE_TRACEPARENT_H_
