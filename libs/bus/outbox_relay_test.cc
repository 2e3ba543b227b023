// The outbox relay against a real nats-server and a real SQLite file.
#include "libs/bus/outbox_relay.h"

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/store/dead_letters.h"
#include "libs/store/outbox.h"
#include "libs/testing/server_process.h"

namespace wp::bus {
namespace {

using test_util::Eventually;
using test_util::kPatience;
using wp::common::v1::Event;

const char kSource[] = "relaytest";

class OutboxRelayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_util::OpenTestDatabase();
    ASSERT_NE(db_, nullptr);
    auto conn = NatsConnection::Connect(test_util::TestNatsOptions(server_, "relay-test"));
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    publisher_ = std::make_unique<Publisher>(*conn_);
  }
  void TearDown() override {
    relay_.reset();
    publisher_.reset();
    conn_.reset();
  }

  OutboxRelayOptions Options() {
    OutboxRelayOptions o;
    o.stream_name = StreamNameFor(kSource);
    o.stream_subjects = {StreamSubjectsFor(kSource)};
    o.publish_timeout = absl::Seconds(2);
    return o;
  }

  void StartServer() {
    ASSERT_TRUE(server_.Start().ok());
    ASSERT_TRUE(conn_->WaitUntilConnected(kPatience).ok());
  }

  void StartRelay(OutboxRelayOptions o) {
    relay_ = std::make_unique<OutboxRelay>(*db_, *publisher_, std::move(o));
    ASSERT_TRUE(relay_->Start().ok());
  }

  // Writes `n` events, `per_tx` per transaction, and returns them.
  std::vector<Event> Emit(int n, int per_tx = 1) {
    std::vector<Event> events;
    for (int i = 0; i < n; i += per_tx) {
      absl::Status s = db_->Write([&](store::Transaction& tx) -> absl::Status {
        for (int j = i; j < std::min(n, i + per_tx); ++j) {
          google::protobuf::StringValue payload;
          payload.set_value(absl::StrCat("item ", j));
          absl::StatusOr<Event> e =
              EmitEvent(tx, {kSource, "item", "created", absl::StrCat("items/", j), payload});
          if (!e.ok()) return e.status();
          events.push_back(*e);
        }
        return absl::OkStatus();
      });
      EXPECT_TRUE(s.ok()) << s;
    }
    return events;
  }

  // The stream holds exactly `expected`, in order, each once, with its id as Nats-Msg-Id.
  void ExpectStreamHolds(const std::vector<Event>& expected) {
    absl::StatusOr<std::vector<test_util::StoredMessage>> stored =
        test_util::ReadStream(*conn_, StreamNameFor(kSource));
    ASSERT_TRUE(stored.ok()) << stored.status();
    ASSERT_EQ(stored->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      const test_util::StoredMessage& m = (*stored)[i];
      Event e;
      ASSERT_TRUE(e.ParseFromString(m.data)) << i;
      EXPECT_EQ(e.id(), expected[i].id()) << i;
      EXPECT_EQ(e.source_sequence(), expected[i].source_sequence()) << i;
      EXPECT_EQ(m.msg_id, e.id()) << i;
      EXPECT_EQ(m.subject, e.type()) << i;
    }
  }

  bool NoUnsentRows() {
    absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db_, 1);
    return rows.ok() && rows->empty();
  }

  wp::testing::NatsServer server_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<NatsConnection> conn_;
  std::unique_ptr<Publisher> publisher_;
  std::unique_ptr<OutboxRelay> relay_;
};

TEST_F(OutboxRelayTest, PublishesEveryEventOnceInOrderAndMarksRowsSent) {
  StartServer();
  StartRelay(Options());
  std::vector<Event> events = Emit(40, 3);
  std::vector<Event> more = Emit(20);
  events.insert(events.end(), more.begin(), more.end());

  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  ExpectStreamHolds(events);
  EXPECT_TRUE(NoUnsentRows());
  EXPECT_EQ(relay_->stats().published, 60);

  // A new relay on the same database has nothing left to send.
  relay_->Stop();
  StartRelay(Options());
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  EXPECT_EQ(relay_->stats().published, 0);
  ExpectStreamHolds(events);
}

TEST_F(OutboxRelayTest, ServiceStartsBeforeNatsAndCatchesUp) {
  StartRelay(Options());  // nats-server not running yet
  std::vector<Event> events = Emit(10);
  StartServer();
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  ExpectStreamHolds(events);
}

TEST_F(OutboxRelayTest, EventsWrittenWhileNatsIsDownArePublishedAfterRestart) {
  StartServer();
  StartRelay(Options());
  std::vector<Event> events = Emit(5);
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));

  server_.Stop();
  std::vector<Event> during = Emit(7, 2);
  events.insert(events.end(), during.begin(), during.end());
  // Give the relay something to fail on before the server is back.
  EXPECT_TRUE(Eventually([&] { return relay_->stats().failures > 0; }));
  EXPECT_FALSE(NoUnsentRows());

  ASSERT_TRUE(server_.Restart().ok());
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  ExpectStreamHolds(events);
}

TEST_F(OutboxRelayTest, RepublishAfterLostMarkIsDroppedByTheBroker) {
  StartServer();
  ASSERT_TRUE(conn_->EnsureStream(StreamNameFor(kSource), {StreamSubjectsFor(kSource)}).ok());
  std::vector<Event> events = Emit(3);
  // A previous relay published the rows but crashed before marking them sent.
  absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(rows.ok());
  for (const store::OutboxMessage& row : *rows) {
    ASSERT_TRUE(publisher_->Publish(row.subject, row.event_id, row.payload).ok());
  }

  StartRelay(Options());
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  EXPECT_EQ(relay_->stats().published, 3);  // acknowledged as duplicates...
  ExpectStreamHolds(events);                // ...and stored once
}

TEST_F(OutboxRelayTest, CommitListenerWakesTheRelay) {
  StartServer();
  OutboxRelayOptions o = Options();
  o.poll_interval = absl::Hours(1);  // only a notification can wake it
  StartRelay(o);
  db_->SetCommitListener([this] { relay_->Notify(); });
  ASSERT_TRUE(Eventually([&] { return relay_->stats().published == 0 && NoUnsentRows(); }));

  std::vector<Event> events = Emit(4);
  ASSERT_TRUE(Eventually([&] { return NoUnsentRows(); }));
  db_->SetCommitListener(nullptr);
  ExpectStreamHolds(events);
}

// One event the broker can never take (here: above its max_payload, written
// past EmitEvent's own check, as an older binary could have) must not hold
// back the events after it: it is moved aside with the reason, the rest are
// published in order, and a re-drive puts it back into the outbox.
TEST_F(OutboxRelayTest, MovesAnEventTheBrokerRefusesAsideAndPublishesTheRest) {
  StartServer();
  std::vector<Event> before = Emit(3);
  int64_t big_seq = 0;
  ASSERT_TRUE(db_->Write([&](store::Transaction& tx) -> absl::Status {
                  absl::StatusOr<int64_t> seq =
                      store::ReserveOutboxRow(tx, NewEventId(), SubjectFor(kSource, "item", "huge"));
                  if (!seq.ok()) return seq.status();
                  big_seq = *seq;
                  return store::SetOutboxPayload(tx, *seq, std::string(2 * 1024 * 1024, 'x'));
                }).ok());
  std::vector<Event> after = Emit(5);

  OutboxRelayOptions o = Options();
  o.dead_letter_after_attempts = 2;
  o.max_backoff = absl::Milliseconds(100);
  StartRelay(o);
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  std::vector<Event> published = before;
  published.insert(published.end(), after.begin(), after.end());
  ExpectStreamHolds(published);
  EXPECT_EQ(relay_->stats().dead_lettered, 1);

  absl::StatusOr<std::vector<store::DeadLetter>> letters = store::ListDeadLetters(*db_, 0, 10);
  ASSERT_TRUE(letters.ok()) << letters.status();
  ASSERT_EQ(letters->size(), 1u);
  EXPECT_EQ((*letters)[0].seq, big_seq);
  EXPECT_EQ((*letters)[0].subject, SubjectFor(kSource, "item", "huge"));
  EXPECT_EQ((*letters)[0].payload_bytes, 2 * 1024 * 1024);
  EXPECT_EQ((*letters)[0].attempts, 2);
  EXPECT_NE((*letters)[0].reason.find("max_payload"), std::string::npos) << (*letters)[0].reason;

  // Re-driven, it goes back behind everything else and is refused again,
  // without ever blocking the events written meanwhile.
  int64_t redriven = 0;
  ASSERT_TRUE(db_->Write([&](store::Transaction& tx) -> absl::Status {
                  absl::StatusOr<int64_t> seq = store::RedriveDeadLetter(tx, big_seq);
                  if (!seq.ok()) return seq.status();
                  redriven = *seq;
                  return absl::OkStatus();
                }).ok());
  EXPECT_GT(redriven, after.back().source_sequence());
  std::vector<Event> later = Emit(2);
  ASSERT_TRUE(Eventually([&] { return relay_->stats().dead_lettered == 2; }));
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  published.insert(published.end(), later.begin(), later.end());
  ExpectStreamHolds(published);
  absl::StatusOr<int64_t> count = store::CountDeadLetters(*db_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
}

// A broker that is down is not a reason to move anything aside.
TEST_F(OutboxRelayTest, NeverDeadLettersWhileTheBrokerIsDown) {
  OutboxRelayOptions o = Options();
  o.dead_letter_after_attempts = 1;
  o.min_backoff = absl::Milliseconds(10);
  o.max_backoff = absl::Milliseconds(20);
  StartRelay(o);
  std::vector<Event> events = Emit(3);
  ASSERT_TRUE(Eventually([&] { return relay_->stats().failures >= 5; }));
  EXPECT_EQ(relay_->stats().dead_lettered, 0);
  StartServer();
  ASSERT_TRUE(relay_->WaitUntilIdle(kPatience));
  ExpectStreamHolds(events);
}

TEST_F(OutboxRelayTest, RejectsBadOptions) {
  OutboxRelayOptions o = Options();
  o.batch_size = 0;
  OutboxRelay relay(*db_, *publisher_, o);
  EXPECT_EQ(relay.Start().code(), absl::StatusCode::kInvalidArgument);
  OutboxRelayOptions half = Options();
  half.stream_subjects.clear();
  OutboxRelay relay2(*db_, *publisher_, half);
  EXPECT_EQ(relay2.Start().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::bus
