// Stale items on either store engine: the list filter and the summary count
// judge by the rule as of a day; StaleItems marks an item once per stale
// spell with its plan_item.went_stale event, and a note ends the spell.
#include "services/workstreams/stale_items.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/tracker.h"
#include "services/workstreams/tracker_summary.h"

namespace wp::workstreams {
namespace {

using test_support::FieldsOf;

constexpr char kPeriod[] = "2025-28";
constexpr StaleRule kRule{7};

class StaleItemsTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    tracker_ = std::make_unique<Tracker>(*db_, kRule);
    v1::CreateWorkstreamRequest ws;
    ws.mutable_workstream()->set_plan_period(kPeriod);
    ws.mutable_workstream()->set_number(1);
    ws.mutable_workstream()->set_title("Leadership");
    ASSERT_TRUE(tracker_->CreateWorkstream(caller_, ws).ok());
    MakeItem("1.1", v1::ON_TRACK);
    MakeItem("1.2", v1::NOT_STARTED);
    MakeItem("1.3", v1::COMPLETE);
    MakeItem("1.4", v1::SUPERSEDED);
  }

  void TearDown() override {
    tracker_.reset();
    CloseStore();
  }

  void MakeItem(const std::string& ref, v1::PlanItemStatus status) {
    v1::CreatePlanItemRequest request;
    v1::PlanItem* item = request.mutable_plan_item();
    item->set_plan_period(kPeriod);
    item->set_ref(ref);
    item->set_task(absl::StrCat("Task ", ref));
    item->set_status(status);
    if (status == v1::SUPERSEDED) item->set_superseded_by("1.1");
    ASSERT_TRUE(tracker_->CreatePlanItem(caller_, request).ok());
  }

  // Refs of the items stale `days` from today.
  std::vector<std::string> StaleRefs(int days) {
    v1::ListPlanItemsRequest request;
    request.set_plan_period(kPeriod);
    *request.mutable_stale_as_of() = calendar::FromCivilDay(Today() + days);
    auto listed = tracker_->ListPlanItems(request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<std::string> refs;
    if (listed.ok()) {
      for (const v1::PlanItem& item : listed->plan_items()) refs.push_back(item.ref());
    }
    return refs;
  }

  int Mark(absl::Duration later) {
    auto marked = StaleItems(*db_, kRule).MarkNewlyStale(system_, absl::Now() + later);
    EXPECT_TRUE(marked.ok()) << marked.status();
    return marked.ok() ? *marked : -1;
  }

  v1::PlanItem Get(const std::string& ref) {
    v1::GetPlanItemRequest request;
    request.set_name(absl::StrCat("planPeriods/", kPeriod, "/planItems/", ref));
    auto item = tracker_->GetPlanItem(request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::PlanItem();
  }

  static absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()); }
  std::unique_ptr<Tracker> tracker_;
  server::Caller caller_ = test_support::OfficerCaller("officer-1", "trace-1");
  server::Caller system_ = test_support::OfficerCaller("workstreams", "trace-2");
};

TEST_P(StaleItemsTest, OpenItemsWithoutActivityForTheSetTimeAreStale) {
  EXPECT_TRUE(StaleRefs(0).empty());
  EXPECT_TRUE(StaleRefs(6).empty());
  // Complete and superseded items are never stale.
  EXPECT_EQ(StaleRefs(8), (std::vector<std::string>{"1.1", "1.2"}));

  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(kPeriod);
  *request.mutable_as_of() = calendar::FromCivilDay(Today() + 8);
  cache::DataGeneration generation;
  auto summary = TrackerSummaries(*db_, nullptr, generation, "", kRule).Get(request);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->totals().stale(), 2);
  ASSERT_EQ(summary->workstreams_size(), 1);
  EXPECT_EQ(summary->workstreams(0).counts().stale(), 2);
  EXPECT_EQ(summary->stale_after_days(), 7);
  *request.mutable_as_of() = calendar::FromCivilDay(Today());
  summary = TrackerSummaries(*db_, nullptr, generation, "", kRule).Get(request);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->totals().stale(), 0);
}

TEST_P(StaleItemsTest, WentStaleIsPublishedOncePerSpellAndANoteEndsTheSpell) {
  const int64_t before = test_support::LastSeq(*db_);
  EXPECT_EQ(Mark(absl::Hours(24)), 0);
  EXPECT_EQ(Mark(absl::Hours(24 * 8)), 2);
  EXPECT_EQ(Mark(absl::Hours(24 * 9)), 0);  // the same spell
  std::vector<wp::common::v1::Event> events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.plan_item.went_stale");
  v1::PlanItemWentStale payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.ref(), "1.1");
  EXPECT_EQ(payload.status(), v1::ON_TRACK);
  EXPECT_EQ(payload.stale_after_days(), 7);
  EXPECT_TRUE(Get("1.1").has_stale_since());
  EXPECT_EQ(payload.stale_since().seconds(), Get("1.1").stale_since().seconds());
  EXPECT_FALSE(Get("1.3").has_stale_since());

  // A progress note is activity: the spell ends, and a new one starts only
  // after another 7 days without any.
  v1::AddProgressNoteRequest note;
  note.set_name(absl::StrCat("planPeriods/", kPeriod, "/planItems/1.1"));
  note.mutable_note()->set_text("Coaching sessions booked for all eight authorities");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, note).ok());
  const v1::PlanItem noted = Get("1.1");
  EXPECT_FALSE(noted.has_stale_since());
  EXPECT_GE(noted.last_activity_time().seconds(), noted.create_time().seconds());
  EXPECT_EQ(StaleRefs(8), (std::vector<std::string>{"1.1", "1.2"}));
  EXPECT_EQ(Mark(absl::Hours(24)), 0);
  EXPECT_EQ(Mark(absl::Hours(24 * 8)), 1);
}

TEST_P(StaleItemsTest, ABadStaleDateNamesTheField) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.mutable_stale_as_of()->set_year(2026);
  request.mutable_stale_as_of()->set_month(2);
  request.mutable_stale_as_of()->set_day(30);
  auto listed = tracker_->ListPlanItems(request);
  EXPECT_EQ(listed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(listed.status()), std::vector<std::string>{"stale_as_of.day"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(StaleItemsTest);

}  // namespace
}  // namespace wp::workstreams
