#include "libs/trace/traceparent.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace wp::trace {
namespace {

constexpr char kExample[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceParentTest, ParsesTheSpecExample) {
  std::optional<TraceParent> tp = ParseTraceParent(kExample);
  ASSERT_TRUE(tp.has_value());
  EXPECT_EQ(tp->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(tp->parent_id, "00f067aa0ba902b7");
  EXPECT_EQ(tp->flags, 0x01);
  EXPECT_TRUE(tp->sampled());
  EXPECT_EQ(FormatTraceParent(*tp), kExample);
}

TEST(TraceParentTest, KeepsEveryFlagBit) {
  std::optional<TraceParent> tp =
      ParseTraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-fe");
  ASSERT_TRUE(tp.has_value());
  EXPECT_EQ(tp->flags, 0xfe);
  EXPECT_FALSE(tp->sampled());
  EXPECT_EQ(FormatTraceParent(*tp), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-fe");
}

TEST(TraceParentTest, RefusesMalformedHeaders) {
  const std::string ok = kExample;
  for (const std::string& bad : std::vector<std::string>{
           std::string(),
           ok.substr(0, 54),                                                   // short
           ok + "-",                                                           // version 00 is exactly 55
           ok + " ",                                                           //
           "00-00000000000000000000000000000000-00f067aa0ba902b7-01",          // zero trace id
           "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",          // zero parent id
           "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",          // upper case
           "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",          // not hex
           "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",          // separator
           "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",          //
           "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01",          //
           "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",          // version ff
           "0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",          // version not hex
           "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",          // flags not hex
           std::string("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0\0", 55),
           "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",         // later version, bad tail
       }) {
    EXPECT_FALSE(ParseTraceParent(bad).has_value()) << bad;
  }
}

TEST(TraceParentTest, ReadsALaterVersionByItsFirstFields) {
  std::optional<TraceParent> tp =
      ParseTraceParent("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next");
  ASSERT_TRUE(tp.has_value());
  EXPECT_EQ(tp->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  // Passed on as version 00, the one this code speaks.
  EXPECT_EQ(FormatTraceParent(*tp), kExample);
}

TEST(TraceParentTest, NewIdsAreValidAndDiffer) {
  const TraceParent a = NewTrace();
  const TraceParent b = NewTrace();
  EXPECT_TRUE(IsValidTraceId(a.trace_id)) << a.trace_id;
  EXPECT_TRUE(IsValidSpanId(a.parent_id)) << a.parent_id;
  EXPECT_TRUE(a.sampled());
  EXPECT_NE(a.trace_id, b.trace_id);
  EXPECT_NE(a.parent_id, b.parent_id);
  EXPECT_EQ(ParseTraceParent(FormatTraceParent(a))->trace_id, a.trace_id);
}

TEST(TraceParentTest, ChildKeepsTraceAndFlagsWithANewSpan) {
  const TraceParent parent = *ParseTraceParent(kExample);
  const TraceParent child = ChildOf(parent);
  EXPECT_EQ(child.trace_id, parent.trace_id);
  EXPECT_EQ(child.flags, parent.flags);
  EXPECT_NE(child.parent_id, parent.parent_id);
  EXPECT_TRUE(IsValidSpanId(child.parent_id));
}

}  // namespace
}  // namespace wp::trace
