// The change feed on either store engine: pages, resuming, the type
// filter, tombstones, the pruned-position error, bad input, and watches
// (stored changes, then live ones; heartbeats; cancel; close).
#include "libs/changes/change_feed.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/event_writer.h"
#include "libs/changes/change_rows.h"
#include "libs/status/field_errors.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"

namespace wp::changes {
namespace {

namespace v1 = wp::common::v1;

// Collects what a watch writes, so the test can wait for it.
class Received {
 public:
  bool Write(const v1::WatchChangesResponse& message) {
    std::lock_guard<std::mutex> lock(mu_);
    messages_.push_back(message);
    for (const v1::Change& c : message.changes()) positions_.push_back(c.position());
    cv_.notify_all();
    return true;
  }
  // Waits until `n` changes arrived (a generous bound only against a hang).
  std::vector<int64_t> WaitForChanges(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(60), [&] { return positions_.size() >= n; });
    return positions_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<v1::WatchChangesResponse> messages_;
  std::vector<int64_t> positions_;
};

class ChangeFeedTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    // Four readers, as the SQLite engine's default gives: watches read alongside.
    absl::StatusOr<std::unique_ptr<store::Database>> db = wp::testing::TestStore(GetParam()).Open({}, 4);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    ChangeFeedOptions options;
    options.service = "workstreams";
    options.entity_types = {"workstream", "plan_item"};
    options.retention_events = 1000;
    options.store_id = "store-a";
    feed_ = std::make_unique<ChangeFeed>(*db_, options);
    db_->SetCommitListener([this] { feed_->Notify(); });
  }
  void TearDown() override { db_->SetCommitListener(nullptr); }

  // Commits one event; returns its position.
  int64_t Emit(const std::string& entity, const std::string& verb, const std::string& subject,
               const google::protobuf::Message& payload) {
    int64_t position = 0;
    EXPECT_TRUE(db_->Write([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<v1::Event> event = bus::EmitEvent(
                         tx, {"workstreams", entity, verb, subject, payload, "officer@example"});
                     if (!event.ok()) return event.status();
                     position = event->source_sequence();
                     return absl::OkStatus();
                   }).ok());
    return position;
  }
  int64_t EmitItem(const std::string& verb, const std::string& ref) {
    google::protobuf::StringValue value;
    value.set_value(ref);
    return Emit("plan_item", verb, "planPeriods/2022-23/planItems/" + ref, value);
  }
  int64_t EmitWorkstream(int number) {
    google::protobuf::StringValue value;
    value.set_value("ws");
    return Emit("workstream", "created", "planPeriods/2022-23/workstreams/" + std::to_string(number), value);
  }

  static std::vector<int64_t> Positions(const v1::ListChangesResponse& r) {
    std::vector<int64_t> out;
    for (const v1::Change& c : r.changes()) out.push_back(c.position());
    return out;
  }
  static std::vector<std::string> Fields(const absl::Status& s) {
    std::vector<std::string> out;
    for (const FieldViolation& v : FieldViolationsOf(s)) out.push_back(v.field);
    return out;
  }
  void MarkAllSent() {
    absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db_, 1000);
    ASSERT_TRUE(rows.ok());
    std::vector<int64_t> seqs;
    for (const store::OutboxMessage& m : *rows) seqs.push_back(m.seq);
    ASSERT_TRUE(store::MarkSent(*db_, seqs).ok());
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<ChangeFeed> feed_;
};

TEST_P(ChangeFeedTest, ListsEveryChangeInOrderInPages) {
  const int64_t ws = EmitWorkstream(1);
  const int64_t a = EmitItem("created", "1.1");
  const int64_t b = EmitItem("updated", "1.1");
  const int64_t c = EmitItem("created", "1.2");

  v1::ListChangesRequest request;
  request.set_page_size(3);
  absl::StatusOr<v1::ListChangesResponse> first = feed_->List(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(Positions(*first), (std::vector<int64_t>{ws, a, b}));
  EXPECT_EQ(first->resume_position(), b);
  EXPECT_EQ(first->store_id(), "store-a");
  ASSERT_FALSE(first->next_page_token().empty());

  const v1::Change& change = first->changes(1);
  EXPECT_EQ(change.type(), "wp.workstreams.plan_item.created");
  EXPECT_EQ(change.entity_type(), "plan_item");
  EXPECT_EQ(change.resource_name(), "planPeriods/2022-23/planItems/1.1");
  EXPECT_EQ(change.actor(), "officer@example");
  EXPECT_FALSE(change.event_id().empty());
  EXPECT_TRUE(change.has_occurred_at());
  EXPECT_FALSE(change.has_tombstone());
  google::protobuf::StringValue payload;
  ASSERT_TRUE(change.payload().UnpackTo(&payload));
  EXPECT_EQ(payload.value(), "1.1");

  request.set_page_token(first->next_page_token());
  absl::StatusOr<v1::ListChangesResponse> second = feed_->List(request);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(Positions(*second), (std::vector<int64_t>{c}));
  EXPECT_TRUE(second->next_page_token().empty());
  EXPECT_EQ(second->resume_position(), c);
}

TEST_P(ChangeFeedTest, ResumesAfterAPosition) {
  EmitWorkstream(1);
  const int64_t a = EmitItem("created", "1.1");
  const int64_t b = EmitItem("created", "1.2");
  v1::ListChangesRequest request;
  request.set_after_position(a - 1);
  EXPECT_EQ(Positions(*feed_->List(request)), (std::vector<int64_t>{a, b}));
  request.set_after_position(b);  // caught up: nothing, and the same place to resume
  absl::StatusOr<v1::ListChangesResponse> none = feed_->List(request);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->changes().empty());
  EXPECT_EQ(none->resume_position(), b);
}

TEST_P(ChangeFeedTest, FiltersByEntityTypeAndResumesPastWhatItSkipped) {
  const int64_t ws1 = EmitWorkstream(1);
  EmitItem("created", "1.1");
  const int64_t ws2 = EmitWorkstream(2);
  const int64_t last = EmitItem("created", "2.1");

  v1::ListChangesRequest request;
  request.add_entity_types("workstream");
  request.set_page_size(1);
  absl::StatusOr<v1::ListChangesResponse> first = feed_->List(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(Positions(*first), (std::vector<int64_t>{ws1}));
  request.set_page_token(first->next_page_token());
  absl::StatusOr<v1::ListChangesResponse> second = feed_->List(request);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(Positions(*second), (std::vector<int64_t>{ws2}));
  EXPECT_TRUE(second->next_page_token().empty());
  // The plan item after it was looked at too: resume after it.
  EXPECT_EQ(second->resume_position(), last);

  // A token belongs to its filter.
  request.clear_entity_types();
  request.add_entity_types("plan_item");
  request.set_page_token(first->next_page_token());
  absl::Status other = feed_->List(request).status();
  EXPECT_EQ(other.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(other), std::vector<std::string>{"page_token"});
}

TEST_P(ChangeFeedTest, RefusesBadInputNamingTheField) {
  EmitWorkstream(1);
  v1::ListChangesRequest negative;
  negative.set_after_position(-1);
  absl::Status s = feed_->List(negative).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), std::vector<std::string>{"after_position"});

  v1::ListChangesRequest token;
  token.set_page_token("not-a-token");
  s = feed_->List(token).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), std::vector<std::string>{"page_token"});

  v1::ListChangesRequest types;
  types.add_entity_types("plan_item");
  types.add_entity_types("meeting");    // not a workstreams type
  types.add_entity_types("Plan Item");  // not a type at all
  s = feed_->List(types).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), (std::vector<std::string>{"entity_types[1]", "entity_types[2]"}));
  EXPECT_TRUE(absl::StrContains(s.message(), "plan_item, workstream")) << s.message();

  v1::ListChangesRequest beyond;
  beyond.set_after_position(99);
  s = feed_->List(beyond).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(s.message(), "beyond the newest position (1)")) << s.message();

  v1::ListChangesRequest size;
  size.set_page_size(-5);
  EXPECT_EQ(Fields(feed_->List(size).status()), std::vector<std::string>{"page_size"});
}

TEST_P(ChangeFeedTest, APrunedPositionIsFailedPreconditionNamingTheOldestHeld) {
  for (int i = 1; i <= 10; ++i) EmitItem("updated", "1.1");
  MarkAllSent();
  ASSERT_TRUE(store::PruneSent(*db_, 3).ok());  // keeps positions 7..10
  absl::StatusOr<v1::ChangeFeedBounds> bounds = feed_->Bounds();
  ASSERT_TRUE(bounds.ok());
  EXPECT_EQ(bounds->oldest_position(), 7);
  EXPECT_EQ(bounds->newest_position(), 10);
  EXPECT_EQ(bounds->retention_events(), 1000);
  EXPECT_EQ(bounds->store_id(), "store-a");

  v1::ListChangesRequest request;
  request.set_after_position(5);  // 6 is gone
  absl::Status s = feed_->List(request).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.message(), "the oldest position held is 7")) << s.message();
  ASSERT_EQ(FieldViolationsOf(s).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(s)[0].field, "after_position");
  EXPECT_TRUE(absl::StrContains(FieldViolationsOf(s)[0].description, "oldest position held is 7"));

  v1::WatchChangesRequest watch;
  watch.set_after_position(0);
  s = feed_->Watch(watch, [](const v1::WatchChangesResponse&) { return true; }, [] { return false; });
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);

  request.set_after_position(6);  // nothing after 6 is missing
  absl::StatusOr<v1::ListChangesResponse> page = feed_->List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Positions(*page), (std::vector<int64_t>{7, 8, 9, 10}));
}

TEST_P(ChangeFeedTest, PruningNeverPassesAnUnsentChange) {
  for (int i = 1; i <= 6; ++i) EmitItem("updated", "1.1");
  // Everything sent but position 3 (the relay is stuck on it, say).
  ASSERT_TRUE(store::MarkSent(*db_, {1, 2, 4, 5, 6}).ok());
  ASSERT_TRUE(store::PruneSent(*db_, 0).ok());
  absl::StatusOr<v1::ChangeFeedBounds> bounds = feed_->Bounds();
  ASSERT_TRUE(bounds.ok());
  EXPECT_EQ(bounds->oldest_position(), 3);  // 1 and 2 pruned; 3..6 kept whole
  v1::ListChangesRequest request;
  request.set_after_position(2);
  EXPECT_EQ(Positions(*feed_->List(request)), (std::vector<int64_t>{3, 4, 5, 6}));
}

TEST_P(ChangeFeedTest, DeletionsCarryATombstone) {
  EmitItem("created", "1.1");
  v1::ResourceDeleted deleted;
  deleted.set_resource_name("planPeriods/2022-23/planItems/1.1");
  (*deleted.mutable_natural_key())["plan_period"] = "2022-23";
  (*deleted.mutable_natural_key())["ref"] = "1.1";
  const int64_t gone = Emit("plan_item", "deleted", deleted.resource_name(), deleted);
  v1::ListChangesRequest request;
  request.set_after_position(gone - 1);
  absl::StatusOr<v1::ListChangesResponse> page = feed_->List(request);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->changes_size(), 1);
  const v1::Change& change = page->changes(0);
  ASSERT_TRUE(change.has_tombstone());
  EXPECT_EQ(change.tombstone().resource_name(), "planPeriods/2022-23/planItems/1.1");
  EXPECT_EQ(change.tombstone().natural_key().at("plan_period"), "2022-23");
  EXPECT_EQ(change.tombstone().natural_key().at("ref"), "1.1");
  EXPECT_EQ(change.entity_type(), "plan_item");
}

TEST_P(ChangeFeedTest, EntityTypeComesFromTheEventType) {
  EXPECT_EQ(EntityTypeOf("wp.workstreams.plan_item.created"), "plan_item");
  EXPECT_EQ(EntityTypeOf("wp.governance.sponsor.ended"), "sponsor");
  EXPECT_EQ(EntityTypeOf("plan_item.created"), "");
  EXPECT_EQ(EntityTypeOf("wp.workstreams.plan_item.created.extra"), "");
}

TEST_P(ChangeFeedTest, WatchSendsWhatIsStoredThenNewCommits) {
  const int64_t a = EmitWorkstream(1);
  const int64_t b = EmitItem("created", "1.1");
  Received received;
  absl::Status result = absl::UnknownError("not finished");
  v1::WatchChangesRequest request;
  request.set_after_position(0);
  std::thread watcher([&] {
    result = feed_->Watch(
        request, [&](const v1::WatchChangesResponse& m) { return received.Write(m); },
        [] { return false; });
  });
  EXPECT_EQ(received.WaitForChanges(2), (std::vector<int64_t>{a, b}));
  // Committed after the watch started: delivered through the commit listener.
  const int64_t c = EmitItem("updated", "1.1");
  EXPECT_EQ(received.WaitForChanges(3), (std::vector<int64_t>{a, b, c}));
  feed_->Close();
  watcher.join();
  EXPECT_TRUE(result.ok()) << result;  // closed for shutdown
  EXPECT_TRUE(feed_->closed());
}

TEST_P(ChangeFeedTest, WatchFiltersByType) {
  EmitWorkstream(1);
  const int64_t item = EmitItem("created", "1.1");
  Received received;
  v1::WatchChangesRequest request;
  request.set_after_position(0);
  request.add_entity_types("plan_item");
  std::thread watcher([&] {
    feed_->Watch(request, [&](const v1::WatchChangesResponse& m) { return received.Write(m); },
                 [] { return false; })
        .IgnoreError();
  });
  EmitWorkstream(2);
  const int64_t later = EmitItem("created", "2.1");
  EXPECT_EQ(received.WaitForChanges(2), (std::vector<int64_t>{item, later}));
  feed_->Close();
  watcher.join();
}

TEST_P(ChangeFeedTest, WatchNeedsAStartingPositionAndAKnownType) {
  auto write = [](const v1::WatchChangesResponse&) { return true; };
  auto never = [] { return false; };
  v1::WatchChangesRequest request;
  absl::Status s = feed_->Watch(request, write, never);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), std::vector<std::string>{"after_position"});
  request.set_after_position(-2);
  EXPECT_EQ(Fields(feed_->Watch(request, write, never)), std::vector<std::string>{"after_position"});
  request.set_after_position(5);  // nothing written yet
  EXPECT_EQ(feed_->Watch(request, write, never).code(), absl::StatusCode::kInvalidArgument);
  request.set_after_position(0);
  request.add_entity_types("network_meeting");
  EXPECT_EQ(Fields(feed_->Watch(request, write, never)), std::vector<std::string>{"entity_types[0]"});
}

TEST_P(ChangeFeedTest, WatchEndsWhenTheClientGoes) {
  // Cancelled before anything: ends at once.
  v1::WatchChangesRequest request;
  request.set_after_position(0);
  absl::Status s = feed_->Watch(
      request, [](const v1::WatchChangesResponse&) { return true; }, [] { return true; });
  EXPECT_EQ(s.code(), absl::StatusCode::kCancelled);

  // A quiet feed sends heartbeats; the first failed one ends the watch.
  ChangeFeedOptions quick;
  quick.service = "workstreams";
  quick.heartbeat_interval = absl::Milliseconds(1);
  quick.poll_interval = absl::Milliseconds(1);
  ChangeFeed feed(*db_, quick);
  std::vector<v1::WatchChangesResponse> sent;
  s = feed.Watch(
      request,
      [&](const v1::WatchChangesResponse& m) {
        sent.push_back(m);
        return sent.size() < 2;  // the client is gone after the first heartbeat
      },
      [] { return false; });
  EXPECT_EQ(s.code(), absl::StatusCode::kCancelled);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_TRUE(sent[0].changes().empty());
  EXPECT_EQ(sent[0].resume_position(), 0);
}

TEST_P(ChangeFeedTest, AClosedFeedEndsNewWatchesAtOnce) {
  feed_->Close();
  v1::WatchChangesRequest request;
  request.set_after_position(0);
  EXPECT_TRUE(feed_->Watch(request, [](const v1::WatchChangesResponse&) { return true; },
                           [] { return false; })
                  .ok());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ChangeFeedTest);

}  // namespace
}  // namespace wp::changes
