#include "libs/bus/event_headers.h"

#include <string>

#include "gtest/gtest.h"
#include "libs/trace/traceparent.h"

namespace wp::bus {
namespace {

using wp::common::v1::Event;

constexpr char kTp[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(EventHeadersTest, FieldNumberMatchesTheProto) {
  const auto* field = Event::descriptor()->FindFieldByName("traceparent");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->number(), 10);
}

TEST(EventHeadersTest, TheEnvelopesTraceparentBecomesTheHeader) {
  Event event;
  event.set_id("e-1");
  event.set_trace_id("4bf92f3577b34da6a3ce929d0e0e4736");
  event.set_traceparent(kTp);
  event.mutable_payload()->set_value(std::string(100000, 'x'));  // skipped, not parsed
  event.set_source_sequence(7);
  const MessageHeaders headers = HeadersForEnvelope(event.SerializeAsString());
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers[0].first, "traceparent");
  EXPECT_EQ(headers[0].second, kTp);
}

TEST(EventHeadersTest, NoHeaderWithoutAValidTraceparent) {
  Event old_event;
  old_event.set_id("e-1");
  old_event.set_trace_id("client-trace-0001");
  EXPECT_TRUE(HeadersForEnvelope(old_event.SerializeAsString()).empty());
  Event bad = old_event;
  bad.set_traceparent("00-with\r\nInjected: header");
  EXPECT_TRUE(HeadersForEnvelope(bad.SerializeAsString()).empty());
  EXPECT_TRUE(HeadersForEnvelope("not protobuf \xff\xff\xff").empty());
  EXPECT_TRUE(HeadersForEnvelope("").empty());
}

TEST(EventHeadersTest, TheConsumerContinuesTheTrace) {
  Event event;
  event.set_trace_id("4bf92f3577b34da6a3ce929d0e0e4736");
  event.set_traceparent(kTp);
  const trace::TraceContext ctx = TraceForDelivery(event, "");
  EXPECT_EQ(ctx.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  std::optional<trace::TraceParent> span = trace::ParseTraceParent(ctx.traceparent);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(ctx.traceparent, kTp);

  // The header stands in for an envelope without one.
  Event bare;
  const trace::TraceContext from_header = TraceForDelivery(bare, kTp);
  EXPECT_EQ(from_header.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  // Neither: a trace of its own, so the handler's lines still correlate.
  EXPECT_TRUE(trace::IsValidTraceId(TraceForDelivery(bare, "").trace_id));
}

}  // namespace
}  // namespace wp::bus
