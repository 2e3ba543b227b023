// The tracker summary on either store engine, with no cache and with a
// cache-aside that has no Redis behind it.
#include "services/workstreams/tracker_summary.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/cache/cache_aside.h"
#include "libs/status/field_errors.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "libs/testing/domain_test_support.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker.h"

namespace wp::workstreams {
namespace {

using test_support::Day;
using test_support::FieldsOf;
using test_support::Month;

constexpr char kPeriod[] = "2018-21";


class TrackerSummaryTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    test_support::FollowCommits(*db_, generation_);
    tracker_ = std::make_unique<Tracker>(*db_);
    summaries_ = std::make_unique<TrackerSummaries>(*db_, nullptr, generation_);
  }

  void TearDown() override {
    summaries_.reset();
    tracker_.reset();
    CloseStore();
  }

  void MakeWorkstream(int number, const std::string& period = kPeriod) {
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(period);
    request.mutable_workstream()->set_number(number);
    request.mutable_workstream()->set_title(absl::StrCat("Workstream ", number));
    auto ws = tracker_->CreateWorkstream(caller_, request);
    ASSERT_TRUE(ws.ok()) << ws.status();
  }

  void MakeItem(const std::string& ref, v1::PlanItemStatus status,
                std::optional<wp::common::v1::Date> expected = std::nullopt,
                const std::string& period = kPeriod) {
    v1::CreatePlanItemRequest request;
    v1::PlanItem* item = request.mutable_plan_item();
    item->set_plan_period(period);
    item->set_ref(ref);
    item->set_task(absl::StrCat("Task ", ref));
    item->set_status(status);
    if (expected) *item->mutable_expected_date() = *expected;
    if (status == v1::SUPERSEDED) item->set_superseded_by("9.9");
    auto created = tracker_->CreatePlanItem(caller_, request);
    ASSERT_TRUE(created.ok()) << created.status();
  }

  v1::TrackerSummary Summary(TrackerSummaries& summaries, const wp::common::v1::Date& as_of) {
    v1::GetTrackerSummaryRequest request;
    request.set_plan_period(kPeriod);
    *request.mutable_as_of() = as_of;
    auto summary = summaries.Get(request);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : v1::TrackerSummary();
  }

  v1::TrackerSummary Summary(const wp::common::v1::Date& as_of) { return Summary(*summaries_, as_of); }

  // The summary row of workstream `number`, or an empty one.
  static v1::StatusCounts CountsOf(const v1::TrackerSummary& summary, int number) {
    for (const auto& row : summary.workstreams()) {
      if (row.number() == number) return row.counts();
    }
    ADD_FAILURE() << "no row for workstream " << number;
    return v1::StatusCounts();
  }
  cache::DataGeneration generation_;
  std::unique_ptr<Tracker> tracker_;
  std::unique_ptr<TrackerSummaries> summaries_;
  server::Caller caller_ = test_support::OfficerCaller("david.rennie", "trace-s");
};

TEST_P(TrackerSummaryTest, CountsEachStatusPerWorkstream) {
  MakeWorkstream(1);
  MakeWorkstream(2);
  MakeItem("1.1", v1::NOT_STARTED);
  MakeItem("1.2", v1::ON_TRACK);
  MakeItem("1.3", v1::ON_TRACK);
  MakeItem("1.4", v1::COMPLETE);
  MakeItem("1.5", v1::SUPERSEDED);
  MakeItem("2.1", v1::COMPLETE);

  const v1::TrackerSummary summary = Summary(Day(2019, 1, 1));
  ASSERT_EQ(summary.workstreams_size(), 2);
  EXPECT_EQ(summary.workstreams(0).workstream(), "planPeriods/2018-21/workstreams/1");
  EXPECT_EQ(summary.workstreams(0).title(), "Workstream 1");

  const v1::StatusCounts one = CountsOf(summary, 1);
  EXPECT_EQ(one.not_started(), 1);
  EXPECT_EQ(one.on_track(), 2);
  EXPECT_EQ(one.complete(), 1);
  EXPECT_EQ(one.superseded(), 1);
  EXPECT_EQ(one.total(), 5);

  const v1::StatusCounts two = CountsOf(summary, 2);
  EXPECT_EQ(two.complete(), 1);
  EXPECT_EQ(two.total(), 1);

  EXPECT_EQ(summary.totals().not_started(), 1);
  EXPECT_EQ(summary.totals().on_track(), 2);
  EXPECT_EQ(summary.totals().complete(), 2);
  EXPECT_EQ(summary.totals().superseded(), 1);
  EXPECT_EQ(summary.totals().total(), 6);
}

TEST_P(TrackerSummaryTest, EchoesThePeriodAndDate) {
  MakeWorkstream(1);
  const v1::TrackerSummary summary = Summary(Day(2019, 3, 14));
  EXPECT_EQ(summary.plan_period(), kPeriod);
  EXPECT_EQ(summary.as_of().year(), 2019);
  EXPECT_EQ(summary.as_of().month(), 3);
  EXPECT_EQ(summary.as_of().day(), 14);
  EXPECT_GT(summary.computed_at().seconds(), 0);
}

TEST_P(TrackerSummaryTest, OtherPeriodsAreNotCounted) {
  MakeWorkstream(1);
  MakeWorkstream(1, "2022-23");
  MakeItem("1.1", v1::ON_TRACK);
  MakeItem("1.1", v1::COMPLETE, std::nullopt, "2022-23");
  MakeItem("1.2", v1::COMPLETE, std::nullopt, "2022-23");

  const v1::TrackerSummary summary = Summary(Day(2019, 1, 1));
  ASSERT_EQ(summary.workstreams_size(), 1);
  EXPECT_EQ(summary.totals().total(), 1);
  EXPECT_EQ(summary.totals().on_track(), 1);
  EXPECT_EQ(summary.totals().complete(), 0);
}

TEST_P(TrackerSummaryTest, WorkstreamWithoutItemsHasZeros) {
  MakeWorkstream(1);
  MakeWorkstream(2);
  MakeItem("1.1", v1::COMPLETE);

  const v1::TrackerSummary summary = Summary(Day(2019, 1, 1));
  ASSERT_EQ(summary.workstreams_size(), 2);
  ASSERT_EQ(summary.workstreams(1).number(), 2);
  EXPECT_TRUE(summary.workstreams(1).has_counts());
  const v1::StatusCounts two = summary.workstreams(1).counts();
  EXPECT_EQ(two.total(), 0);
  EXPECT_EQ(two.not_started(), 0);
  EXPECT_EQ(two.on_track(), 0);
  EXPECT_EQ(two.complete(), 0);
  EXPECT_EQ(two.superseded(), 0);
  EXPECT_EQ(two.overdue(), 0);
  EXPECT_EQ(two.share_complete(), 0.0);
}

TEST_P(TrackerSummaryTest, MonthPrecisionDateIsNotOverdueOnTheLastDayOfTheMonth) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK, Month(2019, 6));
  EXPECT_EQ(Summary(Day(2019, 6, 30)).totals().overdue(), 0);
  EXPECT_EQ(CountsOf(Summary(Day(2019, 6, 30)), 1).overdue(), 0);
}

TEST_P(TrackerSummaryTest, MonthPrecisionDateIsOverdueTheDayAfterTheMonth) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK, Month(2019, 6));
  EXPECT_EQ(Summary(Day(2019, 7, 1)).totals().overdue(), 1);
  EXPECT_EQ(CountsOf(Summary(Day(2019, 7, 1)), 1).overdue(), 1);
}

TEST_P(TrackerSummaryTest, DayPrecisionDateIsOverdueTheNextDay) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::NOT_STARTED, Day(2019, 5, 31));
  EXPECT_EQ(Summary(Day(2019, 5, 31)).totals().overdue(), 0);
  EXPECT_EQ(Summary(Day(2019, 6, 1)).totals().overdue(), 1);
}

TEST_P(TrackerSummaryTest, ClosedAndUndatedItemsAreNeverOverdue) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::COMPLETE, Month(2018, 12));
  MakeItem("1.2", v1::SUPERSEDED, Month(2018, 12));
  MakeItem("1.3", v1::ON_TRACK);
  MakeItem("1.4", v1::NOT_STARTED, Month(2018, 12));

  const v1::TrackerSummary summary = Summary(Day(2020, 1, 1));
  EXPECT_EQ(summary.totals().overdue(), 1);  // only 1.4
  EXPECT_EQ(summary.totals().total(), 4);
}

TEST_P(TrackerSummaryTest, ShareCompleteLeavesOutSuperseded) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::COMPLETE);
  MakeItem("1.2", v1::ON_TRACK);
  MakeItem("1.3", v1::SUPERSEDED);
  MakeItem("1.4", v1::SUPERSEDED);

  const v1::TrackerSummary summary = Summary(Day(2019, 1, 1));
  EXPECT_DOUBLE_EQ(CountsOf(summary, 1).share_complete(), 0.5);
  EXPECT_DOUBLE_EQ(summary.totals().share_complete(), 0.5);
}

TEST_P(TrackerSummaryTest, OnlySupersededItemsGiveZeroShare) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::SUPERSEDED);
  EXPECT_EQ(Summary(Day(2019, 1, 1)).totals().share_complete(), 0.0);
}

TEST_P(TrackerSummaryTest, BadPeriodNamesTheField) {
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period("2018-2021");
  auto summary = summaries_->Get(request);
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(summary.status()), std::vector<std::string>{"plan_period"});
}

TEST_P(TrackerSummaryTest, ImpossibleAsOfNamesTheField) {
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(kPeriod);
  *request.mutable_as_of() = Day(2019, 2, 29);
  auto summary = summaries_->Get(request);
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(summary.status()), std::vector<std::string>{"as_of.day"});
}

TEST_P(TrackerSummaryTest, MonthOnlyAsOfIsRejected) {
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(kPeriod);
  *request.mutable_as_of() = Month(2019, 7);
  auto summary = summaries_->Get(request);
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(summary.status()), std::vector<std::string>{"as_of.day"});
}

TEST_P(TrackerSummaryTest, WithoutAsOfUsesToday) {
  MakeWorkstream(1);
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(kPeriod);
  auto summary = summaries_->Get(request);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_GT(summary->as_of().year(), 2000);
  EXPECT_NE(summary->as_of().day(), 0);
}

TEST_P(TrackerSummaryTest, CacheWithoutRedisGivesTheSameCounts) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::COMPLETE);
  MakeItem("1.2", v1::ON_TRACK, Month(2019, 6));
  cache::CacheAside cache(nullptr);
  TrackerSummaries cached(*db_, &cache, generation_);

  const v1::TrackerSummary plain = Summary(Day(2019, 7, 1));
  const v1::TrackerSummary through_cache = Summary(cached, Day(2019, 7, 1));
  EXPECT_EQ(through_cache.totals().complete(), plain.totals().complete());
  EXPECT_EQ(through_cache.totals().on_track(), plain.totals().on_track());
  EXPECT_EQ(through_cache.totals().overdue(), 1);
  EXPECT_DOUBLE_EQ(through_cache.totals().share_complete(), 0.5);
  EXPECT_EQ(cache.stats().computations, 1);
}

TEST_P(TrackerSummaryTest, CacheWithoutRedisReflectsEveryChange) {
  MakeWorkstream(1);
  MakeItem("1.1", v1::ON_TRACK);
  cache::CacheAside cache(nullptr);
  TrackerSummaries cached(*db_, &cache, generation_);
  EXPECT_EQ(Summary(cached, Day(2019, 1, 1)).totals().complete(), 0);

  v1::UpdatePlanItemRequest update;
  update.mutable_plan_item()->set_name(PlanItemName(kPeriod, "1.1"));
  update.mutable_plan_item()->set_status(v1::COMPLETE);
  update.mutable_update_mask()->add_paths("status");
  ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, update).ok());

  const v1::TrackerSummary after = Summary(cached, Day(2019, 1, 1));
  EXPECT_EQ(after.totals().complete(), 1);
  EXPECT_EQ(after.totals().on_track(), 0);
}

TEST_P(TrackerSummaryTest, CacheWithoutRedisStillValidates) {
  cache::CacheAside cache(nullptr);
  TrackerSummaries cached(*db_, &cache, generation_);
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period("next");
  auto summary = cached.Get(request);
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(summary.status()), std::vector<std::string>{"plan_period"});
  EXPECT_EQ(cache.stats().computations, 0);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerSummaryTest);

}  // namespace
}  // namespace wp::workstreams
