#include "libs/bus/event_headers.h"

#include <cstdint>
#include <string>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "libs/trace/traceparent.h"

namespace wp::bus {
namespace {

using google::protobuf::internal::WireFormatLite;

// Event.traceparent; checked against the generated descriptor in the test.
constexpr int kTraceparentField = 10;

// The last value of the traceparent field (protobuf: last one wins), or "".
std::string ReadTraceparent(absl::string_view bytes) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::string found;
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) break;
    if (WireFormatLite::GetTagFieldNumber(tag) == kTraceparentField &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      // A traceparent is short; anything longer is not one.
      if (!in.ReadVarint32(&length) || length > 256 || !in.ReadString(&found, static_cast<int>(length))) {
        return "";
      }
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return "";
    }
  }
  return found;
}

}  // namespace

MessageHeaders HeadersForEnvelope(absl::string_view envelope_bytes) {
  const std::string traceparent = ReadTraceparent(envelope_bytes);
  if (!trace::ParseTraceParent(traceparent).has_value()) return {};
  return {{kTraceparentHeader, traceparent}};
}

trace::TraceContext TraceForDelivery(const wp::common::v1::Event& event,
                                     absl::string_view header_traceparent) {
  const bool envelope_has_one = trace::ParseTraceParent(event.traceparent()).has_value();
  return trace::ForEvent(event.trace_id(),
                         envelope_has_one ? absl::string_view(event.traceparent()) : header_traceparent);
}

}  // namespace wp::bus
