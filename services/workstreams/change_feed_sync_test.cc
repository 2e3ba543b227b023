// The change feed's promise, end to end: a second copy of the tracker kept
// from the feed alone equals what the service itself answers. Runs the
// workstreams binary against real nats-server, redis-server and store (a
// SQLite file or a PostgreSQL database: each test runs on both), makes
// creates, updates, status changes and notes through the API, builds the
// copy from ListChanges (in pages, then resumed from a position) and
// WatchChanges (changes committed after the watch started), and compares it
// with ListWorkstreams, ListPlanItems and ListStatusHistory. Also: a watch
// ends promptly and cleanly when the service shuts down.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "services/workstreams/events.h"
#include "wp/common/v1/changes.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {
namespace {

namespace common = wp::common::v1;
using google::protobuf::util::MessageDifferencer;
using wp::testing::TestBearer;

constexpr char kPeriod[] = "2022-23";

// The copy: what a system in another region holds, built from changes only.
class TrackerCopy {
 public:
  // Applies one change in feed order; false (with a test failure) for a
  // change it cannot read.
  void Apply(const common::Change& change) {
    position_ = change.position();
    if (change.has_tombstone()) {
      workstreams_.erase(change.tombstone().resource_name());
      items_.erase(change.tombstone().resource_name());
      history_.erase(change.tombstone().resource_name());
      return;
    }
    const std::string& type = change.type();
    if (type == "wp.workstreams.workstream.created" || type == "wp.workstreams.workstream.updated") {
      v1::WorkstreamChanged e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      workstreams_[e.workstream().name()] = e.workstream();
    } else if (type == "wp.workstreams.plan_item.created") {
      v1::PlanItemChanged e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      items_[e.plan_item().name()] = e.plan_item();
      history_[e.plan_item().name()] = {e.initial_status_change()};
    } else if (type == "wp.workstreams.plan_item.updated") {
      v1::PlanItemChanged e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      // An update comes without the notes: each has its own event.
      v1::PlanItem& item = items_[e.plan_item().name()];
      auto notes = std::move(*item.mutable_progress_notes());
      item = e.plan_item();
      *item.mutable_progress_notes() = std::move(notes);
    } else if (type == "wp.workstreams.plan_item.status_changed") {
      v1::PlanItemStatusChanged e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      history_[e.plan_item()].push_back(e.change());
      NoteActivity(items_[e.plan_item()], e.change().change_time());
    } else if (type == "wp.workstreams.plan_item.progress_noted") {
      v1::PlanItemProgressNoted e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      v1::PlanItem& item = items_[e.plan_item()];
      *item.add_progress_notes() = e.note();
      // A note is a change of the item, made at the note's time.
      *item.mutable_update_time() = e.note().create_time();
      NoteActivity(item, e.note().create_time());
    } else if (type == "wp.workstreams.plan_item.went_stale") {
      v1::PlanItemWentStale e;
      ASSERT_TRUE(change.payload().UnpackTo(&e)) << type;
      *items_[e.plan_item()].mutable_stale_since() = e.stale_since();
    } else {
      ADD_FAILURE() << "a tracker copy does not expect " << type;
    }
  }

  int64_t position() const { return position_; }

  // A note or a status change is activity: the last activity moves on
  // (never back) and a stale spell ends.
  static void NoteActivity(v1::PlanItem& item, const google::protobuf::Timestamp& at) {
    const auto& last = item.last_activity_time();
    if (at.seconds() > last.seconds() || (at.seconds() == last.seconds() && at.nanos() > last.nanos())) {
      *item.mutable_last_activity_time() = at;
    }
    item.clear_stale_since();
  }

  const std::map<std::string, v1::Workstream>& workstreams() const { return workstreams_; }
  const std::map<std::string, v1::PlanItem>& items() const { return items_; }
  const std::map<std::string, std::vector<v1::StatusChange>>& history() const { return history_; }

 private:
  int64_t position_ = 0;
  std::map<std::string, v1::Workstream> workstreams_;
  std::map<std::string, v1::PlanItem> items_;
  std::map<std::string, std::vector<v1::StatusChange>> history_;
};

class ChangeFeedSyncTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    wp::testing::ServiceOptions options;
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = wp::testing::MakeTempDir("wp-change-feed");
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), "change_feed");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    options.store_url = *store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<wp::testing::ServiceProcess>(options);
    absl::Status s = service_->Start();
    ASSERT_TRUE(s.ok()) << s;
    tracker_ = v1::WorkstreamsService::NewStub(service_->channel());
    feed_ = common::ChangeFeedService::NewStub(service_->channel());
  }
  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  // Writes as an officer; the copy reads as an analyst (a reader of every record).
  static void AsOfficer(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", TestBearer(auth::Role::kOfficer, "officer@wp"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }
  static void AsReader(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", TestBearer(auth::Role::kAnalyst, "other-region"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  }

  void CreateWorkstream(int number, const std::string& title) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(number);
    request.mutable_workstream()->set_title(title);
    request.mutable_workstream()->set_lead_officer("Lead " + title);
    v1::Workstream response;
    grpc::Status s = tracker_->CreateWorkstream(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  void RenameWorkstream(int number, const std::string& title) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::UpdateWorkstreamRequest request;
    request.mutable_workstream()->set_name(absl::StrCat("planPeriods/", kPeriod, "/workstreams/", number));
    request.mutable_workstream()->set_title(title);
    request.mutable_update_mask()->add_paths("title");
    v1::Workstream response;
    grpc::Status s = tracker_->UpdateWorkstream(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  void CreateItem(const std::string& ref, v1::PlanItemStatus status) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(ref);
    request.mutable_plan_item()->set_task("Task " + ref);
    request.mutable_plan_item()->set_lead("Officer " + ref);
    request.mutable_plan_item()->set_status(status);
    v1::PlanItem response;
    grpc::Status s = tracker_->CreatePlanItem(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  static std::string ItemName(const std::string& ref) {
    return absl::StrCat("planPeriods/", kPeriod, "/planItems/", ref);
  }
  void SetStatus(const std::string& ref, v1::PlanItemStatus status, const std::string& reason) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(ItemName(ref));
    request.mutable_plan_item()->set_status(status);
    request.mutable_update_mask()->add_paths("status");
    request.set_reason(reason);
    v1::PlanItem response;
    grpc::Status s = tracker_->UpdatePlanItem(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  void SetLead(const std::string& ref, const std::string& lead) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(ItemName(ref));
    request.mutable_plan_item()->set_lead(lead);
    request.mutable_update_mask()->add_paths("lead");
    v1::PlanItem response;
    grpc::Status s = tracker_->UpdatePlanItem(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  void AddNote(const std::string& ref, const std::string& text) {
    grpc::ClientContext ctx;
    AsOfficer(&ctx);
    v1::AddProgressNoteRequest request;
    request.set_name(ItemName(ref));
    request.mutable_note()->set_text(text);
    request.mutable_note()->set_author("officer@wp");
    request.mutable_note()->mutable_note_date()->set_year(2023);
    request.mutable_note()->mutable_note_date()->set_month(3);
    v1::PlanItem response;
    grpc::Status s = tracker_->AddProgressNote(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // Reads every change after the copy's position, in small pages.
  void CatchUp(TrackerCopy* copy, const std::vector<std::string>& types) {
    common::ListChangesRequest request;
    request.set_after_position(copy->position());
    request.set_page_size(3);
    for (const std::string& t : types) request.add_entity_types(t);
    while (true) {
      grpc::ClientContext ctx;
      AsReader(&ctx);
      common::ListChangesResponse page;
      grpc::Status s = feed_->ListChanges(&ctx, request, &page);
      ASSERT_TRUE(s.ok()) << s.error_message();
      if (store_id_.empty()) store_id_ = page.store_id();
      EXPECT_EQ(page.store_id(), store_id_) << "the store changed under the copy";
      for (const common::Change& change : page.changes()) {
        EXPECT_EQ(EntityTypes().count(change.entity_type()), 1u) << change.type();
        EXPECT_GT(change.position(), copy->position()) << "out of order";
        copy->Apply(change);
      }
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
  }

  int64_t NewestPosition() {
    grpc::ClientContext ctx;
    AsReader(&ctx);
    common::ChangeFeedBounds bounds;
    grpc::Status s = feed_->GetChangeFeedBounds(&ctx, common::GetChangeFeedBoundsRequest(), &bounds);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(bounds.retention_events(), 100000);
    EXPECT_EQ(bounds.store_id().size(), 16u);  // the store's identity
    return bounds.newest_position();
  }

  // Compares the copy with the service's own answers.
  void ExpectSameAsService(const TrackerCopy& copy) {
    std::map<std::string, v1::Workstream> workstreams;
    {
      grpc::ClientContext ctx;
      AsReader(&ctx);
      v1::ListWorkstreamsRequest request;
      request.set_plan_period(kPeriod);
      request.set_page_size(1000);
      v1::ListWorkstreamsResponse response;
      ASSERT_TRUE(tracker_->ListWorkstreams(&ctx, request, &response).ok());
      for (const v1::Workstream& w : response.workstreams()) workstreams[w.name()] = w;
    }
    ASSERT_EQ(workstreams.size(), copy.workstreams().size());
    for (const auto& [name, w] : workstreams) {
      ASSERT_EQ(copy.workstreams().count(name), 1u) << name;
      EXPECT_TRUE(MessageDifferencer::Equals(copy.workstreams().at(name), w))
          << "copy:\n" << copy.workstreams().at(name).DebugString() << "service:\n" << w.DebugString();
    }

    std::vector<v1::PlanItem> items;
    {
      grpc::ClientContext ctx;
      AsReader(&ctx);
      v1::ListPlanItemsRequest request;
      request.set_plan_period(kPeriod);
      request.set_page_size(1000);
      v1::ListPlanItemsResponse response;
      ASSERT_TRUE(tracker_->ListPlanItems(&ctx, request, &response).ok());
      items.assign(response.plan_items().begin(), response.plan_items().end());
    }
    ASSERT_EQ(items.size(), copy.items().size());
    for (v1::PlanItem item : items) {
      ASSERT_EQ(copy.items().count(item.name()), 1u) << item.name();
      v1::PlanItem mine = copy.items().at(item.name());
      // The etag is the service's token for safe updates, not data: a note
      // changes it without an update event.
      item.clear_etag();
      mine.clear_etag();
      EXPECT_TRUE(MessageDifferencer::Equals(mine, item))
          << "copy:\n" << mine.DebugString() << "service:\n" << item.DebugString();

      grpc::ClientContext ctx;
      AsReader(&ctx);
      v1::ListStatusHistoryRequest request;
      request.set_name(item.name());
      v1::ListStatusHistoryResponse history;
      ASSERT_TRUE(tracker_->ListStatusHistory(&ctx, request, &history).ok());
      const std::vector<v1::StatusChange>& copied = copy.history().at(item.name());
      ASSERT_EQ(static_cast<size_t>(history.changes_size()), copied.size()) << item.name();
      for (size_t i = 0; i < copied.size(); ++i) {
        EXPECT_TRUE(MessageDifferencer::Equals(copied[i], history.changes(static_cast<int>(i))))
            << item.name() << " history[" << i << "]: copy\n" << copied[i].DebugString()
            << "service:\n" << history.changes(static_cast<int>(i)).DebugString();
      }
    }
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
  std::unique_ptr<v1::WorkstreamsService::Stub> tracker_;
  std::unique_ptr<common::ChangeFeedService::Stub> feed_;
  std::string store_id_;  // of the feed the copy follows
};

TEST_P(ChangeFeedSyncTest, ACopyBuiltFromTheFeedEqualsTheService) {
  CreateWorkstream(1, "Leadership");
  CreateWorkstream(2, "Numeracy");
  CreateItem("1.1", v1::NOT_STARTED);
  CreateItem("1.2", v1::ON_TRACK);
  CreateItem("2.1", v1::NOT_STARTED);
  RenameWorkstream(1, "Leadership at all levels");
  SetStatus("1.1", v1::ON_TRACK, "kick-off held");
  SetLead("1.2", "Senior Partnership Officer");
  AddNote("1.1", "Survey issued to all schools");
  AddNote("1.1", "Responses from 120 schools");
  SetStatus("2.1", v1::COMPLETE, "delivered");
  AddNote("2.1", "Final report to the Board");

  TrackerCopy copy;
  CatchUp(&copy, {});
  EXPECT_EQ(copy.position(), NewestPosition());
  ExpectSameAsService(copy);

  // More changes later: the copy resumes from its position.
  CreateItem("2.2", v1::NOT_STARTED);
  AddNote("1.2", "Pilot in two authorities");
  SetStatus("1.1", v1::COMPLETE, "all done");
  CatchUp(&copy, {"workstream", "plan_item"});
  ExpectSameAsService(copy);
}

TEST_P(ChangeFeedSyncTest, AWatchDeliversWhatIsStoredThenWhatIsCommittedAfterwards) {
  CreateWorkstream(1, "Leadership");
  CreateItem("1.1", v1::NOT_STARTED);

  TrackerCopy copy;
  grpc::ClientContext ctx;
  AsReader(&ctx);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  common::WatchChangesRequest request;
  request.set_after_position(0);
  request.add_entity_types("plan_item");
  request.add_entity_types("workstream");
  std::unique_ptr<grpc::ClientReader<common::WatchChangesResponse>> watch = feed_->WatchChanges(&ctx, request);
  common::WatchChangesResponse message;
  // What was stored before the watch.
  while (copy.items().size() < 1 && watch->Read(&message)) {
    for (const common::Change& change : message.changes()) copy.Apply(change);
  }
  ASSERT_EQ(copy.workstreams().size(), 1u);
  ASSERT_EQ(copy.items().size(), 1u);

  // Committed after the watch had sent the stored changes.
  SetStatus("1.1", v1::ON_TRACK, "started");
  AddNote("1.1", "First workshop held");
  CreateItem("1.2", v1::NOT_STARTED);
  const int64_t newest = NewestPosition();
  while (copy.position() < newest && watch->Read(&message)) {
    for (const common::Change& change : message.changes()) copy.Apply(change);
  }
  EXPECT_EQ(copy.position(), newest);
  ExpectSameAsService(copy);
  ctx.TryCancel();
  watch->Finish().IgnoreError();
}

TEST_P(ChangeFeedSyncTest, AWatchEndsCleanlyWhenTheServiceShutsDown) {
  CreateWorkstream(1, "Leadership");
  grpc::ClientContext ctx;
  AsReader(&ctx);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  common::WatchChangesRequest request;
  request.set_after_position(0);
  std::unique_ptr<grpc::ClientReader<common::WatchChangesResponse>> watch = feed_->WatchChanges(&ctx, request);
  common::WatchChangesResponse message;
  ASSERT_TRUE(watch->Read(&message));  // the stored workstream: the watch is running
  ASSERT_EQ(message.changes_size(), 1);

  EXPECT_EQ(service_->Stop(), 0);
  service_.reset();
  while (watch->Read(&message)) {
  }
  grpc::Status end = watch->Finish();
  EXPECT_EQ(end.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(absl::StrContains(end.error_message(), "shutting down")) << end.error_message();
}

TEST_P(ChangeFeedSyncTest, BadRequestsNameTheField) {
  CreateWorkstream(1, "Leadership");
  auto list = [&](const common::ListChangesRequest& request) {
    grpc::ClientContext ctx;
    AsReader(&ctx);
    common::ListChangesResponse response;
    return feed_->ListChanges(&ctx, request, &response);
  };
  common::ListChangesRequest negative;
  negative.set_after_position(-1);
  grpc::Status s = list(negative);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(s.error_message(), "after_position")) << s.error_message();

  common::ListChangesRequest token;
  token.set_page_token("garbage");
  s = list(token);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(s.error_message(), "page_token")) << s.error_message();

  common::ListChangesRequest type;
  type.add_entity_types("meeting");  // a governance type, not a workstreams one
  s = list(type);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(s.error_message(), "entity_types[0]")) << s.error_message();

  common::ListChangesRequest beyond;
  beyond.set_after_position(1000);
  s = list(beyond);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(s.error_message(), "beyond the newest")) << s.error_message();

  // A watch must say where it starts.
  grpc::ClientContext ctx;
  AsReader(&ctx);
  auto watch = feed_->WatchChanges(&ctx, common::WatchChangesRequest());
  common::WatchChangesResponse message;
  EXPECT_FALSE(watch->Read(&message));
  s = watch->Finish();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StrContains(s.error_message(), "after_position")) << s.error_message();
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ChangeFeedSyncTest);

}  // namespace
}  // namespace wp::workstreams
