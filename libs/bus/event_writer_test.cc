#include "libs/bus/event_writer.h"

#include <regex>
#include <set>
#include <tuple>

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/store/outbox.h"
#include "libs/trace/trace_context.h"

namespace wp::bus {
namespace {

using wp::common::v1::Event;

TEST(EventWriterTest, Names) {
  EXPECT_EQ(SubjectFor("workstreams", "plan_item", "created"), "wp.workstreams.plan_item.created");
  EXPECT_EQ(StreamNameFor("workstreams"), "WP_WORKSTREAMS");
  EXPECT_EQ(StreamSubjectsFor("workstreams"), "wp.workstreams.>");
}

TEST(EventWriterTest, IdsAreRandomUuidV4) {
  const std::regex uuid4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewEventId();
    EXPECT_TRUE(std::regex_match(id, uuid4)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(EventWriterTest, FillsEnvelopeAndOutboxInTheCallersTransaction) {
  auto db = test_util::OpenTestDatabase();
  ASSERT_NE(db, nullptr);
  google::protobuf::StringValue payload;
  payload.set_value("plan item 1.2");

  Event first, second;
  ASSERT_TRUE(db->Write([&](store::Transaction& tx) -> absl::Status {
                  absl::StatusOr<Event> e =
                      EmitEvent(tx, {"workstreams", "plan_item", "created",
                                     "planPeriods/2022-23/planItems/1.2", payload,
                                     "users/officer-1", "trace-abc"});
                  if (!e.ok()) return e.status();
                  first = *e;
                  e = EmitEvent(tx, {"workstreams", "plan_item", "status_changed",
                                     "planPeriods/2022-23/planItems/1.2", payload});
                  if (!e.ok()) return e.status();
                  second = *e;
                  return absl::OkStatus();
                }).ok());

  EXPECT_EQ(first.type(), "wp.workstreams.plan_item.created");
  EXPECT_EQ(first.source(), "workstreams");
  EXPECT_EQ(first.subject(), "planPeriods/2022-23/planItems/1.2");
  EXPECT_EQ(first.actor(), "users/officer-1");
  EXPECT_EQ(first.trace_id(), "trace-abc");
  EXPECT_EQ(first.traceparent(), "");  // no trace current, none given
  EXPECT_EQ(first.id().size(), 36u);
  EXPECT_GT(first.occurred_at().seconds(), 1600000000);
  google::protobuf::StringValue unpacked;
  ASSERT_TRUE(first.payload().UnpackTo(&unpacked));
  EXPECT_EQ(unpacked.value(), "plan item 1.2");
  EXPECT_NE(first.id(), second.id());
  EXPECT_EQ(second.source_sequence(), first.source_sequence() + 1);

  absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db, 10);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2u);
  const store::OutboxMessage& row = (*rows)[0];
  EXPECT_EQ(row.seq, first.source_sequence());
  EXPECT_EQ(row.event_id, first.id());
  EXPECT_EQ(row.subject, first.type());
  Event stored;
  ASSERT_TRUE(stored.ParseFromString(row.payload));
  EXPECT_EQ(stored.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ((*rows)[1].event_id, second.id());
}

TEST(EventWriterTest, TakesTheTraceFromTheCurrentContext) {
  auto db = test_util::OpenTestDatabase();
  ASSERT_NE(db, nullptr);
  google::protobuf::StringValue payload;
  const std::string tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  Event from_context, given;
  trace::Scope scope(trace::TraceContext{"4bf92f3577b34da6a3ce929d0e0e4736", tp});
  ASSERT_TRUE(db->Write([&](store::Transaction& tx) -> absl::Status {
                  absl::StatusOr<Event> e = EmitEvent(tx, {"workstreams", "plan_item", "created", "x", payload});
                  if (!e.ok()) return e.status();
                  from_context = *e;
                  e = EmitEvent(tx, {"workstreams", "plan_item", "created", "x", payload, "a",
                                     "own-trace", "00-11111111111111111111111111111111-2222222222222222-00"});
                  if (!e.ok()) return e.status();
                  given = *e;
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(from_context.trace_id(), "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(from_context.traceparent(), tp);
  EXPECT_EQ(given.trace_id(), "own-trace");
  EXPECT_EQ(given.traceparent(), "00-11111111111111111111111111111111-2222222222222222-00");
}

TEST(EventWriterTest, RolledBackTransactionLeavesNoEvent) {
  auto db = test_util::OpenTestDatabase();
  ASSERT_NE(db, nullptr);
  google::protobuf::StringValue payload;
  absl::Status s = db->Write([&](store::Transaction& tx) -> absl::Status {
    absl::StatusOr<Event> e =
        EmitEvent(tx, {"learning", "event", "scheduled", "events/1", payload});
    if (!e.ok()) return e.status();
    return absl::AbortedError("the change itself failed");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted);
  absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db, 10);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

TEST(EventWriterTest, RejectsNamesThatWouldBreakTheSubject) {
  auto db = test_util::OpenTestDatabase();
  ASSERT_NE(db, nullptr);
  google::protobuf::StringValue payload;
  for (const auto& [source, entity, verb] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"", "x", "created"},
                                                                      {"a.b", "x", "created"},
                                                                      {"a", "x*", "created"},
                                                                      {"a", "x", "cre ated"},
                                                                      {"a", "x", ">"}}) {
    absl::Status s = db->Write([&](store::Transaction& tx) -> absl::Status {
      return EmitEvent(tx, {source, entity, verb, "r/1", payload}).status();
    });
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument)
        << source << " " << entity << " " << verb;
  }
}

// An event the bus could not carry must never be committed: the change that
// would produce it fails with the sizes in the message, and nothing is kept.
TEST(EventWriterTest, RefusesAnEventLargerThanTheBusCarries) {
  std::unique_ptr<store::Database> db = test_util::OpenTestDatabase();
  ASSERT_NE(db, nullptr);
  google::protobuf::StringValue big;
  big.set_value(std::string(kMaxEventBytes, 'x'));
  absl::Status s = db->Write([&](store::Transaction& tx) -> absl::Status {
    return EmitEvent(tx, {"svc", "item", "updated", "items/1", big}).status();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << s;
  EXPECT_NE(s.message().find("wp.svc.item.updated"), absl::string_view::npos) << s;
  EXPECT_NE(s.message().find(absl::StrCat(kMaxEventBytes)), absl::string_view::npos) << s;
  absl::StatusOr<int64_t> last = store::LastOutboxSeq(*db);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, 0);

  // Just under the limit is fine.
  big.set_value(std::string(kMaxEventBytes - 1024, 'x'));
  s = db->Write([&](store::Transaction& tx) -> absl::Status {
    return EmitEvent(tx, {"svc", "item", "updated", "items/1", big}).status();
  });
  EXPECT_TRUE(s.ok()) << s;
}

}  // namespace
}  // namespace wp::bus
