#include "libs/trace/trace_context.h"

#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "libs/trace/traceparent.h"

namespace wp::trace {
namespace {

constexpr char kCaller[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceContextTest, ATraceparentContinuesTheCallersTrace) {
  const TraceContext ctx = ForRequest(kCaller, "ignored-when-traceparent-is-valid");
  EXPECT_EQ(ctx.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  std::optional<TraceParent> span = ParseTraceParent(ctx.traceparent);
  ASSERT_TRUE(span.has_value()) << ctx.traceparent;
  EXPECT_EQ(span->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(span->parent_id, "00f067aa0ba902b7");  // the server's own span
  EXPECT_EQ(span->flags, 0x01);
}

TEST(TraceContextTest, KeepsAPlainClientRequestIdAsBefore) {
  const TraceContext ctx = ForRequest("", "req-7f3a/2026-11-23T05:41:02Z");
  EXPECT_EQ(ctx.trace_id, "req-7f3a/2026-11-23T05:41:02Z");
  EXPECT_TRUE(ParseTraceParent(ctx.traceparent).has_value()) << ctx.traceparent;
  EXPECT_EQ(ForRequest("", std::string(kMaxTraceIdBytes, 'a')).trace_id,
            std::string(kMaxTraceIdBytes, 'a'));
  // An invalid traceparent does not hide the x-request-id.
  EXPECT_EQ(ForRequest("00-nonsense", "req-1").trace_id, "req-1");
}

TEST(TraceContextTest, ARequestIdThatIsAW3CTraceIdIsTheW3CTrace) {
  const TraceContext ctx = ForRequest("", "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(ParseTraceParent(ctx.traceparent)->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
}

TEST(TraceContextTest, StartsANewTraceForUnusableInput) {
  for (const std::string& bad :
       {std::string(), std::string(kMaxTraceIdBytes + 1, 'a'), std::string(100000, 'a'),
        std::string("two words"), std::string("nul\0byte", 8), std::string("line\nbreak"),
        std::string("caf\xC3\xA9")}) {
    EXPECT_FALSE(IsUsableRequestId(bad)) << bad.size();
    const TraceContext ctx = ForRequest(bad, bad);
    EXPECT_TRUE(IsValidTraceId(ctx.trace_id)) << ctx.trace_id;
    EXPECT_EQ(ParseTraceParent(ctx.traceparent)->trace_id, ctx.trace_id);
  }
}

TEST(TraceContextTest, AnEventContinuesThePublishersTrace) {
  const TraceContext publisher = ForRequest(kCaller, "");
  const TraceContext consumer = ForEvent(publisher.trace_id, publisher.traceparent);
  EXPECT_EQ(consumer.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(consumer.traceparent, publisher.traceparent);
  EXPECT_EQ(ParseTraceParent(consumer.traceparent)->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");

  // An event from an x-request-id call keeps that id in the logs.
  const TraceContext plain = ForRequest("", "client-trace-0001");
  EXPECT_EQ(ForEvent(plain.trace_id, plain.traceparent).trace_id, "client-trace-0001");
  // An old event without a traceparent, or with neither field.
  EXPECT_EQ(ForEvent("client-trace-0001", "").trace_id, "client-trace-0001");
  const TraceContext none = ForEvent("", "");
  EXPECT_TRUE(IsValidTraceId(none.trace_id));
}

TEST(TraceContextTest, ScopesNestAndRestorePerThread) {
  EXPECT_TRUE(Current().empty());
  {
    Scope outer(TraceContext{"outer", ""});
    EXPECT_EQ(Current().trace_id, "outer");
    {
      Scope inner(TraceContext{"inner", kCaller});
      EXPECT_EQ(Current().trace_id, "inner");
      EXPECT_EQ(Current().traceparent, kCaller);
      std::string seen_elsewhere = "unset";
      std::thread([&] { seen_elsewhere = Current().trace_id; }).join();
      EXPECT_EQ(seen_elsewhere, "");
    }
    EXPECT_EQ(Current().trace_id, "outer");
  }
  EXPECT_TRUE(Current().empty());
}

}  // namespace
}  // namespace wp::trace
