// Tracker on either store engine: workstreams, plan items, updates under a
// field mask and etag, status rules and history, list filters and paging,
// and the events each change writes to the outbox.
#include "services/workstreams/tracker.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "libs/audit/field_diff.h"
#include "libs/status/field_errors.h"
#include "libs/store/outbox.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "libs/testing/domain_test_support.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_store.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {
namespace {

using test_support::Day;
using test_support::FieldsOf;
using test_support::Month;

constexpr char kPeriod[] = "2018-21";


std::vector<std::string> RefsOf(const v1::ListPlanItemsResponse& response) {
  std::vector<std::string> refs;
  for (const v1::PlanItem& item : response.plan_items()) refs.push_back(item.ref());
  return refs;
}

std::string ItemName(const std::string& ref) { return PlanItemName(kPeriod, ref); }

class TrackerTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    test_support::FollowCommits(*db_, generation_);
    tracker_ = std::make_unique<Tracker>(*db_);
  }

  void TearDown() override {
    tracker_.reset();
    CloseStore();
  }

  v1::Workstream MakeWorkstream(int number, const std::string& period = kPeriod) {
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(period);
    request.mutable_workstream()->set_number(number);
    request.mutable_workstream()->set_title(absl::StrCat("Workstream ", number));
    request.mutable_workstream()->set_lead_officer("Fiona Lennox");
    auto ws = tracker_->CreateWorkstream(caller_, request);
    EXPECT_TRUE(ws.ok()) << ws.status();
    return ws.ok() ? *ws : v1::Workstream();
  }

  static v1::CreatePlanItemRequest ItemRequest(const std::string& ref,
                                               v1::PlanItemStatus status = v1::NOT_STARTED) {
    v1::CreatePlanItemRequest request;
    v1::PlanItem* item = request.mutable_plan_item();
    item->set_plan_period(kPeriod);
    item->set_ref(ref);
    item->set_task(absl::StrCat("Task ", ref, ": run a regional learning event"));
    item->set_lead("Fiona Lennox");
    item->set_status(status);
    return request;
  }

  v1::PlanItem MakeItem(const v1::CreatePlanItemRequest& request) {
    auto item = tracker_->CreatePlanItem(caller_, request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::PlanItem();
  }

  v1::PlanItem MakeItem(const std::string& ref, v1::PlanItemStatus status = v1::NOT_STARTED) {
    return MakeItem(ItemRequest(ref, status));
  }

  v1::PlanItem Get(const std::string& ref) {
    v1::GetPlanItemRequest request;
    request.set_name(ItemName(ref));
    auto item = tracker_->GetPlanItem(request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::PlanItem();
  }

  // An update of `ref` touching only `paths`; fill in the new values after.
  static v1::UpdatePlanItemRequest UpdateRequest(const std::string& ref,
                                                 const std::vector<std::string>& paths) {
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(ItemName(ref));
    for (const std::string& p : paths) request.mutable_update_mask()->add_paths(p);
    return request;
  }

  absl::StatusOr<v1::PlanItem> SetStatus(const std::string& ref, v1::PlanItemStatus status,
                                         const std::string& reason = "", bool reopen = false) {
    v1::UpdatePlanItemRequest request = UpdateRequest(ref, {"status"});
    request.mutable_plan_item()->set_status(status);
    request.set_reason(reason);
    request.set_reopen(reopen);
    return tracker_->UpdatePlanItem(caller_, request);
  }

  static std::vector<std::string> TypesOf(const std::vector<wp::common::v1::Event>& events) {
    std::vector<std::string> types;
    for (const auto& e : events) types.push_back(e.type());
    return types;
  }

  // Items 1.1 .. 1.n in workstream 1 (which it creates).
  void MakeItems(int n) {
    MakeWorkstream(1);
    for (int i = 1; i <= n; ++i) MakeItem(absl::StrCat("1.", i));
  }
  cache::DataGeneration generation_;
  std::unique_ptr<Tracker> tracker_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.lennox", "trace-1");
};

// ---------------------------------------------------------------- workstreams

TEST_P(TrackerTest, CreatedWorkstreamCanBeReadBack) {
  v1::Workstream created = MakeWorkstream(3);
  EXPECT_EQ(created.name(), "planPeriods/2018-21/workstreams/3");
  EXPECT_EQ(created.title(), "Workstream 3");
  EXPECT_EQ(created.etag(), "1");

  v1::GetWorkstreamRequest request;
  request.set_name("planPeriods/2018-21/workstreams/3");
  auto got = tracker_->GetWorkstream(request);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "Workstream 3");
  EXPECT_EQ(got->lead_officer(), "Fiona Lennox");
  EXPECT_EQ(got->plan_period(), kPeriod);
  EXPECT_EQ(got->number(), 3);
}

TEST_P(TrackerTest, MissingWorkstreamIsNotFound) {
  v1::GetWorkstreamRequest request;
  request.set_name("planPeriods/2018-21/workstreams/7");
  EXPECT_EQ(tracker_->GetWorkstream(request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(TrackerTest, ListWorkstreamsFiltersByPeriodAndPages) {
  MakeWorkstream(2);
  MakeWorkstream(1);
  MakeWorkstream(3);
  MakeWorkstream(1, "2022-23");

  v1::ListWorkstreamsRequest request;
  request.set_plan_period(kPeriod);
  request.set_page_size(2);
  auto first = tracker_->ListWorkstreams(request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->workstreams_size(), 2);
  EXPECT_EQ(first->workstreams(0).number(), 1);
  EXPECT_EQ(first->workstreams(1).number(), 2);
  ASSERT_FALSE(first->next_page_token().empty());

  request.set_page_token(first->next_page_token());
  auto second = tracker_->ListWorkstreams(request);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->workstreams_size(), 1);
  EXPECT_EQ(second->workstreams(0).number(), 3);
  EXPECT_TRUE(second->next_page_token().empty());

  v1::ListWorkstreamsRequest all;
  auto everything = tracker_->ListWorkstreams(all);
  ASSERT_TRUE(everything.ok()) << everything.status();
  EXPECT_EQ(everything->workstreams_size(), 4);
}

TEST_P(TrackerTest, WorkstreamWithBadPeriodNamesTheField) {
  v1::CreateWorkstreamRequest request;
  request.mutable_workstream()->set_plan_period("2018");
  request.mutable_workstream()->set_number(1);
  request.mutable_workstream()->set_title("Empowerment");
  auto ws = tracker_->CreateWorkstream(caller_, request);
  EXPECT_EQ(ws.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(ws.status()), std::vector<std::string>{"workstream.plan_period"});
}

TEST_P(TrackerTest, DuplicateWorkstreamNumberIsAlreadyExists) {
  MakeWorkstream(1);
  v1::CreateWorkstreamRequest request;
  request.mutable_workstream()->set_plan_period(kPeriod);
  request.mutable_workstream()->set_number(1);
  request.mutable_workstream()->set_title("Another first workstream");
  EXPECT_EQ(tracker_->CreateWorkstream(caller_, request).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_P(TrackerTest, SameRequestIdCreatesOneWorkstream) {
  v1::CreateWorkstreamRequest request;
  request.mutable_workstream()->set_plan_period(kPeriod);
  request.mutable_workstream()->set_number(1);
  request.mutable_workstream()->set_title("Collaborative learning networks");
  request.set_request_id("ws-1");
  auto first = tracker_->CreateWorkstream(caller_, request);
  auto again = tracker_->CreateWorkstream(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(TypesOf(test_support::EventsAfter(*db_, 0)), std::vector<std::string>{"wp.workstreams.workstream.created"});
}

TEST_P(TrackerTest, UpdateWorkstreamChangesOnlyMaskedFields) {
  MakeWorkstream(1);
  v1::UpdateWorkstreamRequest request;
  request.mutable_workstream()->set_name("planPeriods/2018-21/workstreams/1");
  request.mutable_workstream()->set_title("Collaborative learning networks");
  request.mutable_workstream()->set_lead_officer("Someone Else");
  request.mutable_update_mask()->add_paths("title");
  auto updated = tracker_->UpdateWorkstream(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Collaborative learning networks");
  EXPECT_EQ(updated->lead_officer(), "Fiona Lennox");
  EXPECT_EQ(updated->etag(), "2");
}

TEST_P(TrackerTest, WorkstreamUpdatesAuditRecordShowsWhatChanged) {
  MakeWorkstream(1);
  v1::UpdateWorkstreamRequest request;
  request.mutable_workstream()->set_name("planPeriods/2018-21/workstreams/1");
  request.mutable_workstream()->set_title("Collaborative learning networks");
  request.mutable_workstream()->set_lead_officer("Someone Else");
  request.mutable_update_mask()->add_paths("title");
  request.mutable_update_mask()->add_paths("lead_officer");
  ASSERT_TRUE(tracker_->UpdateWorkstream(caller_, request).ok());
  auto trail = store::ReadValue<std::vector<audit::StoredAuditEntry>>(*db_, [](store::Transaction& tx) {
    return audit::ListAuditByResource(tx, "planPeriods/2018-21/workstreams/1", 0, 10);
  });
  ASSERT_TRUE(trail.ok()) << trail.status();
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_TRUE(trail->at(0).entry.changes.empty());  // the create
  const std::vector<audit::FieldChange>& changes = trail->at(1).entry.changes;
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "title");
  EXPECT_FALSE(changes[0].before.empty());
  EXPECT_EQ(changes[0].after, "Collaborative learning networks");
  EXPECT_EQ(changes[1], (audit::FieldChange{"lead_officer", audit::kPersonalData, audit::kPersonalData}));
}

TEST_P(TrackerTest, NoOpWorkstreamUpdateWritesNoEvent) {
  v1::Workstream ws = MakeWorkstream(1);
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdateWorkstreamRequest request;
  request.mutable_workstream()->set_name(ws.name());
  request.mutable_workstream()->set_title(ws.title());
  request.mutable_update_mask()->add_paths("title");
  auto updated = tracker_->UpdateWorkstream(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->etag(), ws.etag());
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

// ---------------------------------------------------------------- plan items

TEST_P(TrackerTest, CreatedPlanItemCanBeReadBack) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest request = ItemRequest("1.2", v1::ON_TRACK);
  *request.mutable_plan_item()->mutable_expected_date() = Month(2019, 3);
  v1::ProgressNote* note = request.mutable_plan_item()->add_progress_notes();
  *note->mutable_note_date() = Month(2018, 12);
  note->set_text("Platform options reviewed");
  v1::PlanItem created = MakeItem(request);

  v1::PlanItem got = Get("1.2");
  EXPECT_EQ(got.name(), "planPeriods/2018-21/planItems/1.2");
  EXPECT_EQ(got.workstream(), "planPeriods/2018-21/workstreams/1");
  EXPECT_EQ(got.task(), "Task 1.2: run a regional learning event");
  EXPECT_EQ(got.lead(), "Fiona Lennox");
  EXPECT_EQ(got.status(), v1::ON_TRACK);
  EXPECT_EQ(got.expected_date().year(), 2019);
  EXPECT_EQ(got.expected_date().month(), 3);
  EXPECT_EQ(got.expected_date().day(), 0);
  ASSERT_EQ(got.progress_notes_size(), 1);
  EXPECT_EQ(got.progress_notes(0).text(), "Platform options reviewed");
  EXPECT_EQ(got.progress_notes(0).author(), "fiona.lennox");  // the caller, since none was given
  EXPECT_EQ(got.etag(), "1");
  EXPECT_EQ(got.etag(), created.etag());
}

TEST_P(TrackerTest, CreationIsTheFirstEntryOfTheHistory) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK);
  v1::ListStatusHistoryRequest request;
  request.set_name(ItemName("1.1"));
  auto history = tracker_->ListStatusHistory(request);
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->changes_size(), 1);
  EXPECT_EQ(history->changes(0).from_status(), v1::PLAN_ITEM_STATUS_UNSPECIFIED);
  EXPECT_EQ(history->changes(0).to_status(), v1::ON_TRACK);
  EXPECT_EQ(history->changes(0).changed_by(), "fiona.lennox");
  EXPECT_EQ(history->changes(0).reason(), "created");
}

TEST_P(TrackerTest, SameRequestIdCreatesOneItemAndOneEvent) {
  MakeWorkstream(1);
  const int64_t before = test_support::LastSeq(*db_);
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  request.set_request_id("req-42");
  v1::PlanItem first = MakeItem(request);
  v1::PlanItem again = MakeItem(request);

  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.etag(), first.etag());
  const auto events = test_support::EventsAfter(*db_, before);
  EXPECT_EQ(TypesOf(events), std::vector<std::string>{"wp.workstreams.plan_item.created"});

  v1::ListPlanItemsRequest list;
  list.set_plan_period(kPeriod);
  auto items = tracker_->ListPlanItems(list);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_EQ(RefsOf(*items), std::vector<std::string>{"1.1"});
}

TEST_P(TrackerTest, RetryAnswersWithWhatTheFirstRequestCreated) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  request.set_request_id("req-7");
  const v1::PlanItem first = MakeItem(request);
  // A retry that (wrongly) changed its body still names the first request.
  request.mutable_plan_item()->set_ref("1.2");
  EXPECT_EQ(MakeItem(request).name(), first.name());
  v1::GetPlanItemRequest get;
  get.set_name(ItemName("1.2"));
  EXPECT_EQ(tracker_->GetPlanItem(get).status().code(), absl::StatusCode::kNotFound);
  // Request ids are scoped by method: the same id creates a workstream.
  v1::CreateWorkstreamRequest ws;
  ws.mutable_workstream()->set_plan_period(kPeriod);
  ws.mutable_workstream()->set_number(2);
  ws.mutable_workstream()->set_title("Second");
  ws.set_request_id("req-7");
  auto created = tracker_->CreateWorkstream(caller_, ws);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->number(), 2);
}

TEST_P(TrackerTest, NonCanonicalRefIsRejected) {
  MakeWorkstream(1);
  auto item = tracker_->CreatePlanItem(caller_, ItemRequest("1.02"));
  ASSERT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(item.status())[0].field, "plan_item.ref");
}

TEST_P(TrackerTest, ItemOfMissingWorkstreamIsFailedPrecondition) {
  MakeWorkstream(1);
  const int64_t before = test_support::LastSeq(*db_);
  auto item = tracker_->CreatePlanItem(caller_, ItemRequest("2.1"));
  EXPECT_EQ(item.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

TEST_P(TrackerTest, DuplicateRefIsAlreadyExists) {
  MakeWorkstream(1);
  MakeItem("1.1");
  auto again = tracker_->CreatePlanItem(caller_, ItemRequest("1.1"));
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
}

TEST_P(TrackerTest, BadRefNamesTheField) {
  MakeWorkstream(1);
  auto item = tracker_->CreatePlanItem(caller_, ItemRequest("1.x"));
  EXPECT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(item.status()), std::vector<std::string>{"plan_item.ref"});
}

TEST_P(TrackerTest, BadPlanPeriodNamesTheField) {
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  request.mutable_plan_item()->set_plan_period("2018/21");
  auto item = tracker_->CreatePlanItem(caller_, request);
  EXPECT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(item.status()), std::vector<std::string>{"plan_item.plan_period"});
}

TEST_P(TrackerTest, BlankTaskNamesTheField) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  request.mutable_plan_item()->set_task("   ");
  auto item = tracker_->CreatePlanItem(caller_, request);
  EXPECT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(item.status()), std::vector<std::string>{"plan_item.task"});
}

TEST_P(TrackerTest, MissingStatusNamesTheField) {
  MakeWorkstream(1);
  auto item = tracker_->CreatePlanItem(caller_, ItemRequest("1.1", v1::PLAN_ITEM_STATUS_UNSPECIFIED));
  EXPECT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(item.status()), std::vector<std::string>{"plan_item.status"});
}

TEST_P(TrackerTest, ImpossibleExpectedDayNamesTheField) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  *request.mutable_plan_item()->mutable_expected_date() = Day(2019, 2, 30);
  auto item = tracker_->CreatePlanItem(caller_, request);
  EXPECT_EQ(item.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(item.status()), std::vector<std::string>{"plan_item.expected_date.day"});
}

TEST_P(TrackerTest, DamagedPageTokenNamesTheField) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.set_page_token("not-a-token");
  auto list = tracker_->ListPlanItems(request);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(list.status()), std::vector<std::string>{"page_token"});
}

TEST_P(TrackerTest, NegativePageSizeNamesTheField) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.set_page_size(-1);
  auto list = tracker_->ListPlanItems(request);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(list.status()), std::vector<std::string>{"page_size"});
}

TEST_P(TrackerTest, UnknownMaskPathNamesTheField) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"task", "ref"});
  request.mutable_plan_item()->set_task("New task");
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(updated.status()), std::vector<std::string>{"update_mask"});
  EXPECT_EQ(Get("1.1").task(), "Task 1.1: run a regional learning event");
}

TEST_P(TrackerTest, EmptyMaskNamesTheField) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {});
  request.mutable_plan_item()->set_task("New task");
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(updated.status()), std::vector<std::string>{"update_mask"});
}

TEST_P(TrackerTest, UnknownStatusFilterNamesTheField) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.add_statuses(v1::ON_TRACK);
  request.add_statuses(v1::PLAN_ITEM_STATUS_UNSPECIFIED);
  auto list = tracker_->ListPlanItems(request);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(list.status()), std::vector<std::string>{"statuses[1]"});
}

TEST_P(TrackerTest, UpdatingAMissingItemIsNotFound) {
  MakeWorkstream(1);
  v1::UpdatePlanItemRequest request = UpdateRequest("1.9", {"lead"});
  request.mutable_plan_item()->set_lead("Nobody");
  EXPECT_EQ(tracker_->UpdatePlanItem(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---------------------------------------------------------------- updates

TEST_P(TrackerTest, UpdateChangesOnlyMaskedFields) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"lead"});
  request.mutable_plan_item()->set_lead("Shona McAllister");
  request.mutable_plan_item()->set_task("This task text is not in the mask");
  request.mutable_plan_item()->set_status(v1::COMPLETE);
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();

  v1::PlanItem stored = Get("1.1");
  EXPECT_EQ(stored.lead(), "Shona McAllister");
  EXPECT_EQ(stored.task(), "Task 1.1: run a regional learning event");
  EXPECT_EQ(stored.status(), v1::NOT_STARTED);
  EXPECT_EQ(stored.etag(), "2");
}

TEST_P(TrackerTest, ExpectedDateInMaskWithoutValueClearsIt) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest create = ItemRequest("1.1");
  *create.mutable_plan_item()->mutable_expected_date() = Month(2019, 6);
  MakeItem(create);

  auto updated = tracker_->UpdatePlanItem(caller_, UpdateRequest("1.1", {"expected_date"}));
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_FALSE(Get("1.1").has_expected_date());
}

TEST_P(TrackerTest, StaleEtagIsAbortedAndChangesNothing) {
  MakeWorkstream(1);
  v1::PlanItem original = MakeItem("1.1");
  v1::UpdatePlanItemRequest first = UpdateRequest("1.1", {"lead"});
  first.mutable_plan_item()->set_lead("Shona McAllister");
  first.mutable_plan_item()->set_etag(original.etag());
  ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, first).ok());
  const int64_t before = test_support::LastSeq(*db_);

  v1::UpdatePlanItemRequest stale = UpdateRequest("1.1", {"task"});
  stale.mutable_plan_item()->set_task("Written from an old copy");
  stale.mutable_plan_item()->set_etag(original.etag());
  auto updated = tracker_->UpdatePlanItem(caller_, stale);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kAborted);

  v1::PlanItem stored = Get("1.1");
  EXPECT_EQ(stored.task(), "Task 1.1: run a regional learning event");
  EXPECT_EQ(stored.lead(), "Shona McAllister");
  EXPECT_EQ(stored.etag(), "2");
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

TEST_P(TrackerTest, StatusChangeIsRecordedWithActorAndReason) {
  MakeWorkstream(1);
  MakeItem("1.1");
  caller_.actor = "graeme.whitelaw";
  ASSERT_TRUE(SetStatus("1.1", v1::ON_TRACK, "Working group formed").ok());

  v1::ListStatusHistoryRequest request;
  request.set_name(ItemName("1.1"));
  auto history = tracker_->ListStatusHistory(request);
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->changes_size(), 2);
  const v1::StatusChange& change = history->changes(1);
  EXPECT_EQ(change.from_status(), v1::NOT_STARTED);
  EXPECT_EQ(change.to_status(), v1::ON_TRACK);
  EXPECT_EQ(change.changed_by(), "graeme.whitelaw");
  EXPECT_EQ(change.reason(), "Working group formed");
  EXPECT_GT(change.change_time().seconds(), 0);
}

TEST_P(TrackerTest, SupersededWithoutLinkOrReasonIsFailedPrecondition) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK);
  auto updated = SetStatus("1.1", v1::SUPERSEDED);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Get("1.1").status(), v1::ON_TRACK);
}

TEST_P(TrackerTest, SupersededWithReasonIsAccepted) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK);
  auto updated = SetStatus("1.1", v1::SUPERSEDED, "Paused by the interim action plan");
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->status(), v1::SUPERSEDED);
  EXPECT_EQ(updated->superseded_by(), "");
}

TEST_P(TrackerTest, SupersededByAnotherItemIsAccepted) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK);
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"status", "superseded_by"});
  request.mutable_plan_item()->set_status(v1::SUPERSEDED);
  request.mutable_plan_item()->set_superseded_by("1.3");
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(Get("1.1").superseded_by(), "1.3");
}

TEST_P(TrackerTest, ReopeningCompleteItemNeedsReopen) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::COMPLETE);
  auto refused = SetStatus("1.1", v1::ON_TRACK, "More to do");
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Get("1.1").status(), v1::COMPLETE);
}

TEST_P(TrackerTest, ReopeningCompleteItemWithReopenIsAccepted) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::COMPLETE);
  auto reopened = SetStatus("1.1", v1::ON_TRACK, "More to do", /*reopen=*/true);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ(Get("1.1").status(), v1::ON_TRACK);
}

TEST_P(TrackerTest, LeavingSupersededClearsTheLink) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest create = ItemRequest("1.1", v1::SUPERSEDED);
  create.mutable_plan_item()->set_superseded_by("1.2");
  ASSERT_EQ(MakeItem(create).superseded_by(), "1.2");

  auto updated = SetStatus("1.1", v1::ON_TRACK, "Back in the plan");
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->superseded_by(), "");
  EXPECT_EQ(Get("1.1").superseded_by(), "");
}

TEST_P(TrackerTest, NoOpUpdateWritesNoEvent) {
  MakeWorkstream(1);
  v1::PlanItem item = MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  const int64_t generation = generation_.current();

  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"task", "lead"});
  request.mutable_plan_item()->set_task(item.task());
  request.mutable_plan_item()->set_lead(item.lead());
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->etag(), item.etag());
  EXPECT_EQ(test_support::LastSeq(*db_), before);
  EXPECT_EQ(generation_.current(), generation);
}

TEST_P(TrackerTest, AStatusChangeCarriesItsNoteInTheSameChange) {
  MakeWorkstream(1);
  MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"status"});
  request.mutable_plan_item()->set_status(v1::COMPLETE);
  request.set_reason("Online space live");
  request.mutable_note()->set_text("Space live for all eight authorities");
  auto updated = tracker_->UpdatePlanItem(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->status(), v1::COMPLETE);
  ASSERT_EQ(updated->progress_notes_size(), 1);
  EXPECT_EQ(updated->progress_notes(0).text(), "Space live for all eight authorities");
  EXPECT_EQ(updated->progress_notes(0).author(), "fiona.lennox");
  EXPECT_EQ(TypesOf(test_support::EventsAfter(*db_, before)),
            (std::vector<std::string>{"wp.workstreams.plan_item.updated", "wp.workstreams.plan_item.status_changed",
                                      "wp.workstreams.plan_item.progress_noted"}));

  // A note alone, nothing else changed, is still added.
  v1::UpdatePlanItemRequest note_only = UpdateRequest("1.1", {"status"});
  note_only.mutable_plan_item()->set_status(v1::COMPLETE);
  note_only.mutable_note()->set_text("Evaluation report shared with the Board");
  updated = tracker_->UpdatePlanItem(caller_, note_only);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->progress_notes_size(), 2);

  // A bad note refuses the whole change.
  v1::UpdatePlanItemRequest bad = UpdateRequest("1.1", {"task"});
  bad.mutable_plan_item()->set_task("Changed");
  bad.mutable_note()->set_text(" ");
  auto refused = tracker_->UpdatePlanItem(caller_, bad);
  EXPECT_EQ(FieldsOf(refused.status()), std::vector<std::string>{"note.text"});
  EXPECT_EQ(Get("1.1").task(), updated->task());
}

TEST_P(TrackerTest, ProgressNoteIsAppendedWithTheCallerAsAuthor) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::AddProgressNoteRequest request;
  request.set_name(ItemName("1.1"));
  *request.mutable_note()->mutable_note_date() = Month(2019, 1);
  request.mutable_note()->set_text("Pilot space opened to two networks");
  auto noted = tracker_->AddProgressNote(caller_, request);
  ASSERT_TRUE(noted.ok()) << noted.status();
  ASSERT_EQ(noted->progress_notes_size(), 1);
  EXPECT_EQ(noted->progress_notes(0).text(), "Pilot space opened to two networks");
  EXPECT_EQ(noted->progress_notes(0).author(), "fiona.lennox");
  EXPECT_EQ(noted->progress_notes(0).note_date().month(), 1);
  EXPECT_EQ(noted->etag(), "2");
}

TEST_P(TrackerTest, ProgressNoteWithStaleEtagIsAborted) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::AddProgressNoteRequest request;
  request.set_name(ItemName("1.1"));
  request.mutable_note()->set_text("Written from an old copy");
  request.set_etag("7");
  EXPECT_EQ(tracker_->AddProgressNote(caller_, request).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Get("1.1").progress_notes_size(), 0);
}

TEST_P(TrackerTest, ProgressNotesStopAtTheLimitPerItem) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest create = ItemRequest("1.1");
  for (int i = 1; i < kMaxProgressNotesPerItem; ++i) {
    create.mutable_plan_item()->add_progress_notes()->set_text(absl::StrCat("Note ", i));
  }
  MakeItem(create);
  v1::AddProgressNoteRequest request;
  request.set_name(ItemName("1.1"));
  request.mutable_note()->set_text("The hundredth note");
  auto noted = tracker_->AddProgressNote(caller_, request);
  ASSERT_TRUE(noted.ok()) << noted.status();
  EXPECT_EQ(noted->progress_notes_size(), kMaxProgressNotesPerItem);

  request.mutable_note()->set_text("One too many");
  auto refused = tracker_->AddProgressNote(caller_, request);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.status().message()),
              ::testing::HasSubstr("already has 100 progress notes, the limit per plan item (100)"));
  EXPECT_EQ(Get("1.1").progress_notes_size(), kMaxProgressNotesPerItem);
}

TEST_P(TrackerTest, CreatedItemNotesAreBoundedInNumberAndSize) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest request = ItemRequest("1.1");
  for (int i = 0; i <= kMaxProgressNotesPerItem; ++i) {
    request.mutable_plan_item()->add_progress_notes()->set_text("A note");
  }
  auto too_many = tracker_->CreatePlanItem(caller_, request);
  EXPECT_EQ(too_many.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(too_many.status()), std::vector<std::string>{"plan_item.progress_notes"});

  request = ItemRequest("1.1");
  v1::ProgressNote* note = request.mutable_plan_item()->add_progress_notes();
  note->set_text(std::string(kMaxNoteTextBytes + 1, 'n'));
  note->set_author(std::string(kMaxNoteAuthorBytes + 1, 'a'));
  auto too_long = tracker_->CreatePlanItem(caller_, request);
  EXPECT_EQ(too_long.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(too_long.status()),
            (std::vector<std::string>{"plan_item.progress_notes[0].text",
                                      "plan_item.progress_notes[0].author"}));
}

TEST_P(TrackerTest, NoteAuthorIsBounded) {
  MakeWorkstream(1);
  MakeItem("1.1");
  v1::AddProgressNoteRequest request;
  request.set_name(ItemName("1.1"));
  request.mutable_note()->set_text("Fine text");
  request.mutable_note()->set_author(std::string(kMaxNoteAuthorBytes + 1, 'a'));
  auto noted = tracker_->AddProgressNote(caller_, request);
  EXPECT_EQ(noted.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(noted.status()), std::vector<std::string>{"note.author"});
}

// ---------------------------------------------------------------- events

TEST_P(TrackerTest, CreatesWriteCreatedEvents) {
  MakeWorkstream(1);
  MakeItem("1.1");
  const auto events = test_support::EventsAfter(*db_, 0);
  ASSERT_EQ(events.size(), 2u);

  EXPECT_EQ(events[0].type(), "wp.workstreams.workstream.created");
  EXPECT_EQ(events[0].subject(), "planPeriods/2018-21/workstreams/1");
  EXPECT_EQ(events[0].source(), "workstreams");
  EXPECT_EQ(events[0].actor(), "fiona.lennox");
  EXPECT_EQ(events[0].trace_id(), "trace-1");
  v1::WorkstreamChanged ws;
  ASSERT_TRUE(events[0].payload().UnpackTo(&ws));
  EXPECT_EQ(ws.workstream().number(), 1);

  EXPECT_EQ(events[1].type(), "wp.workstreams.plan_item.created");
  EXPECT_EQ(events[1].subject(), ItemName("1.1"));
  v1::PlanItemChanged item;
  ASSERT_TRUE(events[1].payload().UnpackTo(&item));
  EXPECT_EQ(item.plan_item().ref(), "1.1");
  EXPECT_EQ(item.plan_item().status(), v1::NOT_STARTED);

  EXPECT_LT(events[0].source_sequence(), events[1].source_sequence());
}

TEST_P(TrackerTest, StatusUpdateWritesUpdatedAndStatusChangedEvents) {
  MakeWorkstream(1);
  MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(SetStatus("1.1", v1::ON_TRACK, "Started").ok());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(TypesOf(events), (std::vector<std::string>{"wp.workstreams.plan_item.updated",
                                                       "wp.workstreams.plan_item.status_changed"}));
  for (const auto& e : events) EXPECT_EQ(e.subject(), ItemName("1.1"));
  EXPECT_LT(events[0].source_sequence(), events[1].source_sequence());

  v1::PlanItemChanged updated;
  ASSERT_TRUE(events[0].payload().UnpackTo(&updated));
  EXPECT_EQ(updated.plan_item().status(), v1::ON_TRACK);
  EXPECT_EQ(std::vector<std::string>(updated.changed_fields().begin(), updated.changed_fields().end()),
            std::vector<std::string>{"status"});

  v1::PlanItemStatusChanged changed;
  ASSERT_TRUE(events[1].payload().UnpackTo(&changed));
  EXPECT_EQ(changed.plan_item(), ItemName("1.1"));
  EXPECT_EQ(changed.change().from_status(), v1::NOT_STARTED);
  EXPECT_EQ(changed.change().to_status(), v1::ON_TRACK);
  EXPECT_EQ(changed.change().reason(), "Started");
}

TEST_P(TrackerTest, FieldUpdateWritesOnlyAnUpdatedEvent) {
  MakeWorkstream(1);
  MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"lead"});
  request.mutable_plan_item()->set_lead("Kevin Docherty");
  ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, request).ok());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(TypesOf(events), std::vector<std::string>{"wp.workstreams.plan_item.updated"});
  v1::PlanItemChanged updated;
  ASSERT_TRUE(events[0].payload().UnpackTo(&updated));
  EXPECT_EQ(updated.plan_item().lead(), "Kevin Docherty");
}

TEST_P(TrackerTest, UpdatedEventListsOnlyFieldsThatChanged) {
  MakeWorkstream(1);
  v1::PlanItem item = MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePlanItemRequest request = UpdateRequest("1.1", {"task", "lead"});
  request.mutable_plan_item()->set_task(item.task());  // same as stored
  request.mutable_plan_item()->set_lead("Kevin Docherty");
  ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, request).ok());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  v1::PlanItemChanged updated;
  ASSERT_TRUE(events[0].payload().UnpackTo(&updated));
  EXPECT_EQ(std::vector<std::string>(updated.changed_fields().begin(), updated.changed_fields().end()),
            std::vector<std::string>{"lead"});
}

TEST_P(TrackerTest, UpdatedEventListsTheLinkClearedByLeavingSuperseded) {
  MakeWorkstream(1);
  v1::CreatePlanItemRequest create = ItemRequest("1.1", v1::SUPERSEDED);
  create.mutable_plan_item()->set_superseded_by("1.2");
  MakeItem(create);
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(SetStatus("1.1", v1::ON_TRACK, "Back in the plan").ok());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_FALSE(events.empty());
  v1::PlanItemChanged updated;
  ASSERT_TRUE(events[0].payload().UnpackTo(&updated));
  EXPECT_EQ(std::vector<std::string>(updated.changed_fields().begin(), updated.changed_fields().end()),
            (std::vector<std::string>{"status", "superseded_by"}));
}

TEST_P(TrackerTest, ProgressNoteWritesAProgressNotedEvent) {
  MakeWorkstream(1);
  MakeItem("1.1");
  const int64_t before = test_support::LastSeq(*db_);
  v1::AddProgressNoteRequest request;
  request.set_name(ItemName("1.1"));
  request.mutable_note()->set_text("Survey issued");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, request).ok());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(TypesOf(events), std::vector<std::string>{"wp.workstreams.plan_item.progress_noted"});
  EXPECT_EQ(events[0].subject(), ItemName("1.1"));
  v1::PlanItemProgressNoted noted;
  ASSERT_TRUE(events[0].payload().UnpackTo(&noted));
  EXPECT_EQ(noted.note().text(), "Survey issued");
  EXPECT_TRUE(noted.note().has_note_date());  // defaults to today
}

TEST_P(TrackerTest, GenerationFollowsTheOutboxAfterEveryChange) {
  EXPECT_EQ(generation_.current(), 0);
  MakeWorkstream(1);
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));
  MakeItem("1.1");
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));
  ASSERT_TRUE(SetStatus("1.1", v1::ON_TRACK, "Started").ok());
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));

  v1::AddProgressNoteRequest note;
  note.set_name(ItemName("1.1"));
  note.mutable_note()->set_text("Going well");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, note).ok());
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));

  v1::UpdateWorkstreamRequest ws;
  ws.mutable_workstream()->set_name("planPeriods/2018-21/workstreams/1");
  ws.mutable_workstream()->set_title("Renamed");
  ws.mutable_update_mask()->add_paths("title");
  ASSERT_TRUE(tracker_->UpdateWorkstream(caller_, ws).ok());
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));
  EXPECT_EQ(test_support::LastSeq(*db_), 6);  // 1 + 1 + 2 + 1 + 1 events
}

// ---------------------------------------------------------------- list filters

class TrackerListTest : public TrackerTest {
 protected:
  void SetUp() override {
    TrackerTest::SetUp();
    MakeWorkstream(1);
    MakeWorkstream(2);
    Make("1.1", v1::COMPLETE, "Fiona Lennox", Month(2018, 12));
    Make("1.2", v1::ON_TRACK, "Fiona Lennox", Month(2019, 6));
    Make("1.10", v1::NOT_STARTED, "Shona McAllister", Day(2019, 5, 31));
    Make("2.1", v1::ON_TRACK, "Graeme Whitelaw", std::nullopt);
    Make("2.2", v1::SUPERSEDED, "graeme whitelaw", Month(2018, 11), "2.1");
  }

  void Make(const std::string& ref, v1::PlanItemStatus status, const std::string& lead,
            std::optional<wp::common::v1::Date> expected, const std::string& superseded_by = "") {
    v1::CreatePlanItemRequest request = ItemRequest(ref, status);
    request.mutable_plan_item()->set_lead(lead);
    if (expected) *request.mutable_plan_item()->mutable_expected_date() = *expected;
    request.mutable_plan_item()->set_superseded_by(superseded_by);
    MakeItem(request);
  }

  std::vector<std::string> List(v1::ListPlanItemsRequest request) {
    request.set_plan_period(kPeriod);
    auto list = tracker_->ListPlanItems(request);
    EXPECT_TRUE(list.ok()) << list.status();
    return list.ok() ? RefsOf(*list) : std::vector<std::string>{"error"};
  }
};

TEST_P(TrackerListTest, AllItemsComeInRefOrder) {
  EXPECT_EQ(List({}), (std::vector<std::string>{"1.1", "1.2", "1.10", "2.1", "2.2"}));
}

TEST_P(TrackerListTest, FiltersByWorkstream) {
  v1::ListPlanItemsRequest request;
  request.set_workstream_number(2);
  EXPECT_EQ(List(request), (std::vector<std::string>{"2.1", "2.2"}));
}

TEST_P(TrackerListTest, FiltersByStatuses) {
  v1::ListPlanItemsRequest request;
  request.add_statuses(v1::ON_TRACK);
  request.add_statuses(v1::SUPERSEDED);
  EXPECT_EQ(List(request), (std::vector<std::string>{"1.2", "2.1", "2.2"}));
}

TEST_P(TrackerListTest, FiltersByLeadIgnoringCase) {
  v1::ListPlanItemsRequest request;
  request.set_lead("WHITELAW");
  EXPECT_EQ(List(request), (std::vector<std::string>{"2.1", "2.2"}));
}

TEST_P(TrackerListTest, MonthPrecisionDateIsNotOverdueOnTheLastDayOfTheMonth) {
  v1::ListPlanItemsRequest request;
  *request.mutable_overdue_as_of() = Day(2019, 6, 30);
  // 1.10 was due 31 May; 1.2 ("June 2019") is due by the end of June; 1.1 is
  // complete, 2.2 superseded and 2.1 has no date.
  EXPECT_EQ(List(request), std::vector<std::string>{"1.10"});
}

TEST_P(TrackerListTest, MonthPrecisionDateIsOverdueTheDayAfterTheMonth) {
  v1::ListPlanItemsRequest request;
  *request.mutable_overdue_as_of() = Day(2019, 7, 1);
  EXPECT_EQ(List(request), (std::vector<std::string>{"1.2", "1.10"}));
}

TEST_P(TrackerListTest, OverdueAsOfNeedsAFullDate) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  *request.mutable_overdue_as_of() = Month(2019, 7);
  auto list = tracker_->ListPlanItems(request);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(list.status()), std::vector<std::string>{"overdue_as_of.day"});
}

TEST_P(TrackerListTest, QueryMatchesTaskText) {
  v1::CreatePlanItemRequest request = ItemRequest("1.3");
  request.mutable_plan_item()->set_task("Publish a professional learning calendar");
  MakeItem(request);
  v1::ListPlanItemsRequest list;
  list.set_query("LEARNING CALENDAR");
  EXPECT_EQ(List(list), std::vector<std::string>{"1.3"});
}

TEST_P(TrackerListTest, QueryMatchesProgressNotes) {
  v1::AddProgressNoteRequest note;
  note.set_name(ItemName("2.1"));
  note.mutable_note()->set_text("Induction session held in Inverclyde");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, note).ok());
  v1::ListPlanItemsRequest request;
  request.set_query("inverclyde");
  EXPECT_EQ(List(request), std::vector<std::string>{"2.1"});
}

TEST_P(TrackerListTest, QueryTreatsPercentLiterally) {
  v1::CreatePlanItemRequest request = ItemRequest("1.3");
  request.mutable_plan_item()->set_task("Reach 100% of primary schools");
  MakeItem(request);
  v1::ListPlanItemsRequest list;
  list.set_query("%");
  EXPECT_EQ(List(list), std::vector<std::string>{"1.3"});
}

TEST_P(TrackerListTest, QueryTreatsUnderscoreLiterally) {
  v1::AddProgressNoteRequest note;
  note.set_name(ItemName("1.2"));
  note.mutable_note()->set_text("Files shared in the folder west_os_pilot");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, note).ok());
  v1::ListPlanItemsRequest request;
  request.set_query("n_l");  // as a LIKE wildcard it would match "regional" in every task
  EXPECT_EQ(List(request), std::vector<std::string>{});
  request.set_query("west_os");
  EXPECT_EQ(List(request), std::vector<std::string>{"1.2"});
}

TEST_P(TrackerTest, PagesGiveEveryItemOnceInRefOrder) {
  MakeWorkstream(1);
  MakeWorkstream(2);
  std::vector<std::string> expected;
  for (int ws = 1; ws <= 2; ++ws) {
    for (int task = 1; task <= 11; ++task) expected.push_back(absl::StrCat(ws, ".", task));
  }
  // Created out of order so that creation order cannot pass for ref order.
  for (auto it = expected.rbegin(); it != expected.rend(); ++it) MakeItem(*it);

  std::vector<std::string> seen;
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.set_page_size(5);
  int pages = 0;
  do {
    auto page = tracker_->ListPlanItems(request);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->plan_items_size(), 5);
    for (const auto& item : page->plan_items()) seen.push_back(item.ref());
    request.set_page_token(page->next_page_token());
    ++pages;
    ASSERT_LT(pages, 10) << "paging does not end";
  } while (!request.page_token().empty());

  EXPECT_EQ(pages, 5);  // 22 items, 5 a page
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
  // 1.2 comes before 1.10, numerically.
  EXPECT_EQ(seen[1], "1.2");
  EXPECT_EQ(seen[9], "1.10");
}

TEST_P(TrackerTest, PageSizeIsClampedToTheMaximum) {
  // 11 workstreams of 99 items: 1089, more than one maximum page. Written
  // straight to the store in one transaction to keep the test quick.
  ASSERT_TRUE(db_->Write([](store::Transaction& tx) -> absl::Status {
                  for (int ws = 1; ws <= 11; ++ws) {
                    v1::Workstream w;
                    w.set_plan_period(kPeriod);
                    w.set_number(ws);
                    w.set_title(absl::StrCat("Workstream ", ws));
                    if (absl::Status s = InsertWorkstream(tx, w, absl::Now()); !s.ok()) return s;
                    for (int task = 1; task <= 99; ++task) {
                      v1::PlanItem item;
                      item.set_plan_period(kPeriod);
                      item.set_ref(absl::StrCat(ws, ".", task));
                      item.set_task("A task");
                      item.set_status(v1::NOT_STARTED);
                      if (absl::Status s = InsertPlanItem(tx, item, absl::Now()); !s.ok()) return s;
                    }
                  }
                  return absl::OkStatus();
                }).ok());

  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.set_page_size(5000);
  auto first = tracker_->ListPlanItems(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->plan_items_size(), 1000);
  ASSERT_FALSE(first->next_page_token().empty());

  request.set_page_token(first->next_page_token());
  auto rest = tracker_->ListPlanItems(request);
  ASSERT_TRUE(rest.ok()) << rest.status();
  EXPECT_EQ(rest->plan_items_size(), 89);
  EXPECT_TRUE(rest->next_page_token().empty());

  v1::ListPlanItemsRequest by_default;
  by_default.set_plan_period(kPeriod);
  auto defaulted = tracker_->ListPlanItems(by_default);
  ASSERT_TRUE(defaulted.ok()) << defaulted.status();
  EXPECT_EQ(defaulted->plan_items_size(), 100);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerListTest);

}  // namespace
}  // namespace wp::workstreams
