#include "services/workstreams/plan_item_rules.h"

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::workstreams {
namespace {

wp::common::v1::Date Day(int y, int m, int d) {
  wp::common::v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

PlanItem Item(const std::string& ref, PlanItemStatus status) {
  PlanItem item;
  item.set_plan_period("2018-21");
  item.set_ref(ref);
  item.set_task("Map the networks already running in each authority");
  item.set_status(status);
  return item;
}

TEST(PlanRefTest, ParsesAndRejects) {
  auto ref = ParsePlanRef("4.12");
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->workstream, 4);
  EXPECT_EQ(ref->task, 12);
  EXPECT_EQ(ParsePlanRef("7.1234")->task, 1234);
  for (const char* bad : {"4", "4.", ".2", "4.x", "A.1", "0.1", "4.2.1", "100.1", " 4.2", "4.-1",
                          "4.10000", "4.0", "4.02", "04.2"}) {
    EXPECT_FALSE(ParsePlanRef(bad).has_value()) << bad;
  }
}

TEST(PlanPeriodTest, AcceptsSessionSpans) {
  EXPECT_TRUE(IsValidPlanPeriod("2022-23"));
  EXPECT_TRUE(IsValidPlanPeriod("2018-21"));
  EXPECT_TRUE(IsValidPlanPeriod("2099-01"));
  EXPECT_FALSE(IsValidPlanPeriod("2022-22"));
  EXPECT_FALSE(IsValidPlanPeriod("2022"));
  EXPECT_FALSE(IsValidPlanPeriod("22-23"));
  EXPECT_FALSE(IsValidPlanPeriod("2022-2023"));
}

TEST(ValidateNewPlanItemTest, ReportsEveryBadField) {
  PlanItem item;
  item.set_plan_period("next year");
  item.set_ref("four");
  item.mutable_expected_date()->CopyFrom(Day(2019, 2, 30));
  absl::Status s = ValidateNewPlanItem(item);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(s)) fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"plan_item.plan_period", "plan_item.ref",
                                              "plan_item.task", "plan_item.status",
                                              "plan_item.expected_date.day"}));
}

TEST(ValidateNewPlanItemTest, SupersededNeedsReplacementOrNote) {
  PlanItem item = Item("5.1", v1::SUPERSEDED);
  EXPECT_FALSE(ValidateNewPlanItem(item).ok());
  item.set_superseded_by("5.2");
  EXPECT_TRUE(ValidateNewPlanItem(item).ok());
  item.set_superseded_by("5.1");
  EXPECT_FALSE(ValidateNewPlanItem(item).ok());
  item.clear_superseded_by();
  item.add_progress_notes()->set_text("Folded into the coaching programme");
  EXPECT_TRUE(ValidateNewPlanItem(item).ok());
  PlanItem open = Item("5.3", v1::ON_TRACK);
  open.set_superseded_by("5.2");
  EXPECT_FALSE(ValidateNewPlanItem(open).ok());
}

TEST(StatusChangeTest, RulesForSupersedeAndReopen) {
  PlanItem item = Item("2.1", v1::ON_TRACK);
  EXPECT_TRUE(CheckStatusChange(item, v1::COMPLETE, "", "", false).ok());
  EXPECT_EQ(CheckStatusChange(item, v1::SUPERSEDED, "", "", false).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckStatusChange(item, v1::SUPERSEDED, "2.4", "", false).ok());
  EXPECT_TRUE(CheckStatusChange(item, v1::SUPERSEDED, "", "merged with another task", false).ok());
  EXPECT_EQ(CheckStatusChange(item, v1::SUPERSEDED, "two", "", false).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckStatusChange(item, v1::PLAN_ITEM_STATUS_UNSPECIFIED, "", "", false).code(),
            absl::StatusCode::kInvalidArgument);

  PlanItem done = Item("2.2", v1::COMPLETE);
  EXPECT_EQ(CheckStatusChange(done, v1::ON_TRACK, "", "", false).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckStatusChange(done, v1::ON_TRACK, "", "", true).ok());
  EXPECT_TRUE(CheckStatusChange(done, v1::COMPLETE, "", "", false).ok());
}

TEST(OverdueTest, ExpectedDatePassedAndStillOpen) {
  PlanItem item = Item("3.1", v1::ON_TRACK);
  EXPECT_FALSE(IsOverdue(item, Day(2030, 1, 1)));  // no date: never overdue
  item.mutable_expected_date()->CopyFrom(Day(2018, 11, 30));
  EXPECT_FALSE(IsOverdue(item, Day(2018, 11, 30)));  // due today is not late
  EXPECT_TRUE(IsOverdue(item, Day(2018, 12, 1)));
  item.set_status(v1::NOT_STARTED);
  EXPECT_TRUE(IsOverdue(item, Day(2018, 12, 1)));
  item.set_status(v1::COMPLETE);
  EXPECT_FALSE(IsOverdue(item, Day(2019, 12, 1)));
  item.set_status(v1::SUPERSEDED);
  EXPECT_FALSE(IsOverdue(item, Day(2019, 12, 1)));
}

TEST(OverdueTest, MonthPrecisionCoversTheMonth) {
  PlanItem item = Item("3.2", v1::ON_TRACK);
  item.mutable_expected_date()->CopyFrom(Day(2019, 6, 0));
  EXPECT_FALSE(IsOverdue(item, Day(2019, 6, 30)));
  EXPECT_TRUE(IsOverdue(item, Day(2019, 7, 1)));
}

TEST(NamesTest, RoundTrip) {
  std::string period, ref;
  ASSERT_TRUE(ParsePlanItemName(PlanItemName("2022-23", "1.2"), "name", &period, &ref).ok());
  EXPECT_EQ(period, "2022-23");
  EXPECT_EQ(ref, "1.2");
  absl::Status s = ParsePlanItemName("planItems/1.2", "name", &period, &ref);
  ASSERT_EQ(FieldViolationsOf(s).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(s)[0].field, "name");
  int number = 0;
  ASSERT_TRUE(ParseWorkstreamName(WorkstreamName("2022-23", 3), "name", &period, &number).ok());
  EXPECT_EQ(number, 3);
}

}  // namespace
}  // namespace wp::workstreams
