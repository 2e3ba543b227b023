// The trace context on the bus (see docs/events.md): the envelope's
// `traceparent` also travels as the NATS message header `traceparent`, so
// tools that see only headers can follow the trace; a consumer continues it.
//
// Thread-safety: pure functions.
#ifndef WP_LIBS_BUS_EVENT_HEADERS_H_
#define WP_LIBS_BUS_EVENT_HEADERS_H_

#include "absl/strings/string_view.h"
#include "libs/bus/publisher.h"
#include "libs/trace/trace_context.h"
#include "wp/common/v1/event.pb.h"

namespace wp::bus {

inline constexpr char kTraceparentHeader[] = "traceparent";

// The headers the relay publishes a serialised envelope with: `traceparent`
// when the envelope holds a valid one, else none. Reads only that field of
// the bytes (no full parse); bytes that are not an envelope give none.
MessageHeaders HeadersForEnvelope(absl::string_view envelope_bytes);

// The trace to handle `event` in: the envelope's trace_id and traceparent,
// with the message's traceparent header standing in for an envelope that
// has none. Always a usable context (a new trace when nothing is given).
trace::TraceContext TraceForDelivery(const wp::common::v1::Event& event,
                                     absl::string_view header_traceparent);

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_EVENT_HEADERS_H_
