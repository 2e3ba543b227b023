// Durable consumers against a real nats-server and a real SQLite file.
#include "libs/bus/durable_consumer.h"

#include <set>

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/publisher.h"
#include "libs/testing/server_process.h"

namespace wp::bus {
namespace {

using test_util::Eventually;
using test_util::kPatience;
using wp::common::v1::Event;

const char kSource[] = "contest";

// The consumer's effect: a counter per aggregate. Applying an event twice
// would count 2.
const std::vector<store::Migration> kMigrations = {
    {1, "effects", "CREATE TABLE effects (aggregate TEXT PRIMARY KEY, applied INTEGER NOT NULL)"},
};

absl::Status ApplyEffect(store::Transaction& tx, const Event& event) {
  return tx
      .Execute(
          "INSERT INTO effects (aggregate, applied) VALUES (?, 1) "
          "ON CONFLICT (aggregate) DO UPDATE SET applied = applied + 1",
          {event.subject()})
      .status();
}

class DurableConsumerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_util::OpenTestDatabase(kMigrations);
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(server_.Start().ok());
    auto conn = NatsConnection::Connect(test_util::TestNatsOptions(server_, "consumer-test"));
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    ASSERT_TRUE(conn_->WaitUntilConnected(kPatience).ok());
    ASSERT_TRUE(conn_->EnsureStream(StreamNameFor(kSource), {StreamSubjectsFor(kSource)}).ok());
    publisher_ = std::make_unique<Publisher>(*conn_);
  }
  void TearDown() override {
    publisher_.reset();
    conn_.reset();
  }

  DurableConsumerOptions Options(const std::string& durable = "test-consumer") {
    DurableConsumerOptions o;
    o.stream = StreamNameFor(kSource);
    o.stream_subjects = {StreamSubjectsFor(kSource)};
    o.durable_name = durable;
    o.filter_subject = StreamSubjectsFor(kSource);
    o.retry_delay = absl::Milliseconds(100);
    return o;
  }

  static Event MakeEvent(const std::string& aggregate) {
    Event e;
    e.set_id(NewEventId());
    e.set_type(SubjectFor(kSource, "thing", "changed"));
    e.set_source(kSource);
    e.set_subject(aggregate);
    google::protobuf::StringValue payload;
    payload.set_value(aggregate);
    e.mutable_payload()->PackFrom(payload);
    return e;
  }

  // Publishes `event` under `msg_id` (default: its own id), retrying while
  // the broker is coming back.
  void Publish(const Event& event, const std::string& msg_id = "") {
    absl::Status last;
    ASSERT_TRUE(Eventually([&] {
      last = publisher_
                 ->Publish(event.type(), msg_id.empty() ? event.id() : msg_id,
                           event.SerializeAsString(), absl::Seconds(2))
                 .status();
      return last.ok();
    })) << last;
  }

  void PublishRaw(const std::string& bytes, const std::string& msg_id) {
    ASSERT_TRUE(publisher_->Publish(SubjectFor(kSource, "thing", "changed"), msg_id, bytes).ok());
  }

  int64_t Applied(const std::string& aggregate) {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<store::Row> row = tx.QueryOne(
                         "SELECT applied FROM effects WHERE aggregate = ?", {aggregate});
                     n = row.ok() ? row->Int(0) : 0;
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }

  int64_t HandledRows(const std::string& consumer) {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<store::Row> row = tx.QueryOne(
                         "SELECT COUNT(*) FROM handled_events WHERE consumer = ?", {consumer});
                     if (!row.ok()) return row.status();
                     n = row->Int(0);
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }

  std::unique_ptr<DurableConsumer> StartConsumer(DurableConsumerOptions o,
                                                 TransactionalHandler handler = ApplyEffect) {
    auto c = std::make_unique<DurableConsumer>(*conn_, *db_, std::move(o), std::move(handler));
    EXPECT_TRUE(c->Start().ok());
    return c;
  }

  wp::testing::NatsServer server_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<NatsConnection> conn_;
  std::unique_ptr<Publisher> publisher_;
};

TEST_F(DurableConsumerTest, AppliesEachEventOnceEvenWhenDeliveredTwice) {
  std::vector<Event> events;
  for (int i = 0; i < 10; ++i) {
    events.push_back(MakeEvent(absl::StrCat("things/", i)));
    Publish(events.back());
  }
  // The same event again under another msg id: the broker stores it twice,
  // as it would after a re-publish outside the duplicate window.
  Publish(events[3], "another-msg-id");

  auto consumer = StartConsumer(Options());
  ASSERT_TRUE(Eventually([&] {
    DurableConsumerStats s = consumer->stats();
    return s.handled + s.duplicates == 11;
  }));
  EXPECT_EQ(consumer->stats().handled, 10);
  EXPECT_EQ(consumer->stats().duplicates, 1);
  for (const Event& e : events) EXPECT_EQ(Applied(e.subject()), 1) << e.subject();
  EXPECT_EQ(HandledRows("test-consumer"), 10);
}

TEST_F(DurableConsumerTest, HandlerErrorUndoesOnlyItsEventAndIsRedelivered) {
  // Published before the consumer starts, so they arrive in one batch and
  // share one transaction.
  Publish(MakeEvent("things/before"));
  Publish(MakeEvent("things/flaky"));
  Publish(MakeEvent("things/after"));
  int flaky_calls = 0;  // consumer thread only
  auto consumer =
      StartConsumer(Options(), [&](store::Transaction& tx, const Event& e) -> absl::Status {
        absl::Status s = ApplyEffect(tx, e);  // undone with the failure below
        if (!s.ok()) return s;
        if (e.subject() == "things/flaky" && ++flaky_calls == 1)
          return absl::UnavailableError("downstream hiccup");
        return absl::OkStatus();
      });
  ASSERT_TRUE(Eventually([&] { return consumer->stats().handled == 3; }));
  EXPECT_EQ(consumer->stats().failures, 1);
  EXPECT_EQ(consumer->stats().duplicates, 0);
  // The metrics' view: one message came twice, and nothing waits now.
  EXPECT_EQ(consumer->stats().redeliveries, 1);
  EXPECT_EQ(consumer->stats().pending, 0);
  EXPECT_EQ(Applied("things/before"), 1);
  EXPECT_EQ(Applied("things/flaky"), 1);
  EXPECT_EQ(Applied("things/after"), 1);
  EXPECT_EQ(HandledRows("test-consumer"), 3);
}

TEST_F(DurableConsumerTest, ResumesFromItsDurablePositionAfterARestart) {
  std::vector<Event> first, second;
  for (int i = 0; i < 5; ++i) first.push_back(MakeEvent(absl::StrCat("first/", i)));
  for (int i = 0; i < 5; ++i) second.push_back(MakeEvent(absl::StrCat("second/", i)));

  auto consumer = StartConsumer(Options());
  for (const Event& e : first) Publish(e);
  ASSERT_TRUE(Eventually([&] { return consumer->stats().handled == 5; }));
  consumer->Stop();
  consumer.reset();

  for (const Event& e : second) Publish(e);
  auto resumed = StartConsumer(Options());
  ASSERT_TRUE(Eventually([&] { return resumed->stats().handled == 5; }));
  // Nothing from before the restart came back (not even as a skipped duplicate).
  EXPECT_EQ(resumed->stats().duplicates, 0);
  for (const Event& e : first) EXPECT_EQ(Applied(e.subject()), 1);
  for (const Event& e : second) EXPECT_EQ(Applied(e.subject()), 1);
}

TEST_F(DurableConsumerTest, KeepsConsumingAcrossANatsServerRestart) {
  auto consumer = StartConsumer(Options());
  Publish(MakeEvent("before/1"));
  Publish(MakeEvent("before/2"));
  ASSERT_TRUE(Eventually([&] { return consumer->stats().handled == 2; }));

  ASSERT_TRUE(server_.Restart().ok());
  Publish(MakeEvent("after/1"));
  Publish(MakeEvent("after/2"));
  ASSERT_TRUE(Eventually([&] { return consumer->stats().handled == 4; }));
  EXPECT_EQ(Applied("after/2"), 1);
  EXPECT_EQ(Applied("before/1"), 1);
}

TEST_F(DurableConsumerTest, UnparseableMessagesAreDroppedNotFatal) {
  auto consumer = StartConsumer(Options());
  PublishRaw("this is not a protobuf", "junk-1");
  Event no_id = MakeEvent("things/no-id");
  no_id.clear_id();
  PublishRaw(no_id.SerializeAsString(), "junk-2");  // parses, but has no id
  Event good = MakeEvent("things/good");
  Publish(good);
  ASSERT_TRUE(Eventually([&] {
    DurableConsumerStats s = consumer->stats();
    return s.rejected == 2 && s.handled == 1;
  }));
  EXPECT_EQ(Applied("things/good"), 1);
}

TEST_F(DurableConsumerTest, PlainHandlerWithFilterSubject) {
  absl::Mutex mu;
  std::set<std::string> seen;
  DurableConsumerOptions o = Options("cache-invalidator");
  o.filter_subject = SubjectFor(kSource, "thing", "changed");
  DurableConsumer consumer(*conn_, o, [&](const Event& e) {
    absl::MutexLock lock(&mu);
    seen.insert(e.subject());
    return absl::OkStatus();
  });
  ASSERT_TRUE(consumer.Start().ok());

  Event other = MakeEvent("other/1");
  other.set_type(SubjectFor(kSource, "other", "changed"));
  Publish(other);  // not matching the filter
  Publish(MakeEvent("things/a"));
  Publish(MakeEvent("things/b"));
  ASSERT_TRUE(Eventually([&] { return consumer.stats().handled == 2; }));
  consumer.Stop();
  absl::MutexLock lock(&mu);
  EXPECT_EQ(seen, (std::set<std::string>{"things/a", "things/b"}));
}

TEST_F(DurableConsumerTest, RejectsBadOptions) {
  DurableConsumerOptions o = Options("bad.name");
  DurableConsumer c(*conn_, *db_, o, ApplyEffect);
  EXPECT_EQ(c.Start().code(), absl::StatusCode::kInvalidArgument);
  DurableConsumerOptions no_stream = Options();
  no_stream.stream.clear();
  DurableConsumer c2(*conn_, *db_, no_stream, ApplyEffect);
  EXPECT_EQ(c2.Start().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::bus
