// Two replicas' outbox relays on one PostgreSQL database (real server, real
// nats-server): only the holder of the outbox lease publishes; every event
// reaches the stream once, in outbox order, whichever replica wrote it; when
// the holder goes, the other takes the lease and publishes what was left.
#include <algorithm>
#include <memory>
#include <vector>

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/outbox_relay.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"

namespace wp::bus {
namespace {

using test_util::Eventually;
using test_util::kPatience;
using wp::common::v1::Event;

const char kSource[] = "leasetest";

// One replica: its own connection pool to the shared database, its own NATS
// connection, publisher and relay.
struct Replica {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<NatsConnection> nats;
  std::unique_ptr<Publisher> publisher;
  std::unique_ptr<OutboxRelay> relay;
};

class RelayLeaseTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.Start().ok()); }

  void StartReplica(Replica& r, const char* name) {
    auto db = store_.Open({});
    ASSERT_TRUE(db.ok()) << db.status();
    r.db = std::move(*db);
    auto nats = NatsConnection::Connect(test_util::TestNatsOptions(server_, name));
    ASSERT_TRUE(nats.ok()) << nats.status();
    r.nats = std::move(*nats);
    r.publisher = std::make_unique<Publisher>(*r.nats);
    OutboxRelayOptions o;
    o.stream_name = StreamNameFor(kSource);
    o.stream_subjects = {StreamSubjectsFor(kSource)};
    o.poll_interval = absl::Milliseconds(200);  // how soon a waiting replica tries the lease again
    r.relay = std::make_unique<OutboxRelay>(*r.db, *r.publisher, o);
    r.db->SetCommitListener([relay = r.relay.get()] { relay->Notify(); });
    ASSERT_TRUE(r.relay->Start().ok());
  }

  static void Stop(Replica& r) {
    r.db->SetCommitListener(nullptr);
    r.relay.reset();
    r.publisher.reset();
    r.nats.reset();
    r.db.reset();
  }

  // `n` events written through `r`, one transaction each.
  static std::vector<Event> Emit(Replica& r, int n, int first) {
    std::vector<Event> events;
    for (int i = first; i < first + n; ++i) {
      // On PostgreSQL a body may run again after a conflict (with the relay
      // marking rows sent): only the run that committed counts.
      absl::StatusOr<Event> committed = store::WriteValue<Event>(
          *r.db, [&](store::Transaction& tx) -> absl::StatusOr<Event> {
            google::protobuf::StringValue payload;
            payload.set_value(absl::StrCat("item ", i));
            return EmitEvent(tx, {kSource, "item", "created", absl::StrCat("items/", i), payload});
          });
      EXPECT_TRUE(committed.ok()) << committed.status();
      if (committed.ok()) events.push_back(*committed);
    }
    return events;
  }

  // Every event once, in outbox order (positions rise), each with its id as Nats-Msg-Id.
  void ExpectStreamHoldsOnceInOrder(NatsConnection& conn, std::vector<Event> expected) {
    std::sort(expected.begin(), expected.end(),
              [](const Event& a, const Event& b) { return a.source_sequence() < b.source_sequence(); });
    absl::StatusOr<std::vector<test_util::StoredMessage>> stored =
        test_util::ReadStream(conn, StreamNameFor(kSource));
    ASSERT_TRUE(stored.ok()) << stored.status();
    ASSERT_EQ(stored->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      Event e;
      ASSERT_TRUE(e.ParseFromString((*stored)[i].data)) << i;
      EXPECT_EQ(e.id(), expected[i].id()) << i;
      EXPECT_EQ((*stored)[i].msg_id, e.id()) << i;
    }
  }

  static bool AllSent(store::Database& db) {
    absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(db, 1);
    return rows.ok() && rows->empty();
  }

  wp::testing::NatsServer server_;
  wp::testing::TestStore store_{wp::testing::Engine::kPostgres};
};

TEST_F(RelayLeaseTest, OnPostgresOneReplicaPublishesAndTheOtherTakesOverWhenItGoes) {
  Replica a, b;
  StartReplica(a, "replica-a");
  StartReplica(b, "replica-b");

  // Writes through both replicas; exactly one relay leads.
  std::vector<Event> events;
  for (int round = 0; round < 5; ++round) {
    for (Replica* r : {&a, &b}) {
      std::vector<Event> more = Emit(*r, 4, static_cast<int>(events.size()));
      events.insert(events.end(), more.begin(), more.end());
    }
  }
  ASSERT_TRUE(Eventually([&] { return AllSent(*a.db); }));
  ASSERT_TRUE(Eventually([&] { return a.relay->stats().leading != b.relay->stats().leading; }));
  ExpectStreamHoldsOnceInOrder(*a.nats, events);
  Replica& leader = a.relay->stats().leading ? a : b;
  Replica& other = a.relay->stats().leading ? b : a;
  EXPECT_EQ(leader.relay->stats().published, static_cast<int64_t>(events.size()));
  EXPECT_EQ(other.relay->stats().published, 0);

  // The leader goes (its lease connection closes with it, as on a crash);
  // what is written meanwhile through the other is published by the other.
  Stop(leader);
  std::vector<Event> later = Emit(other, 10, static_cast<int>(events.size()));
  events.insert(events.end(), later.begin(), later.end());
  ASSERT_TRUE(Eventually([&] { return other.relay->stats().leading; }));
  ASSERT_TRUE(Eventually([&] { return AllSent(*other.db); }, kPatience));
  EXPECT_EQ(other.relay->stats().published, 10);
  ExpectStreamHoldsOnceInOrder(*other.nats, events);
  Stop(other);
}

TEST_F(RelayLeaseTest, OnSqliteTheStoreAlwaysGrantsItsLease) {
  wp::testing::TestStore sqlite(wp::testing::Engine::kSqlite);
  auto db = sqlite.Open({});
  ASSERT_TRUE(db.ok()) << db.status();
  auto first = (*db)->TryLease("outbox-relay");
  ASSERT_TRUE(first.ok());
  ASSERT_NE(*first, nullptr);
  EXPECT_TRUE((*first)->Held());
}

TEST_F(RelayLeaseTest, OnPostgresALeaseIsHeldByOneAtATimeAndFreedWithItsHolder) {
  auto one = store_.Open({});
  ASSERT_TRUE(one.ok()) << one.status();
  auto two = store_.Open({});
  ASSERT_TRUE(two.ok()) << two.status();
  auto held = (*one)->TryLease("outbox-relay");
  ASSERT_TRUE(held.ok()) << held.status();
  ASSERT_NE(*held, nullptr);
  EXPECT_TRUE((*held)->Held());
  auto refused = (*two)->TryLease("outbox-relay");
  ASSERT_TRUE(refused.ok()) << refused.status();
  EXPECT_EQ(*refused, nullptr);
  // Another name is another lease.
  auto other_name = (*two)->TryLease("something-else");
  ASSERT_TRUE(other_name.ok());
  EXPECT_NE(*other_name, nullptr);
  held->reset();
  auto taken = (*two)->TryLease("outbox-relay");
  ASSERT_TRUE(taken.ok()) << taken.status();
  EXPECT_NE(*taken, nullptr);
}

}  // namespace
}  // namespace wp::bus
