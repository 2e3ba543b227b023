// The budget summary on either store engine: sums by year and workstream,
// per year and in all, exact to the penny at the edge of int64, and
// OUT_OF_RANGE rather than a wrapped figure.
#include "services/governance/budgets/budget_summary.h"

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/governance/budgets/budget_lines.h"
#include "services/governance/budgets/budget_test_support.h"
#include "services/governance/budgets/reallocations.h"

namespace wp::governance {
namespace {

using budget_test::InsertLine;
using budget_test::kFinance;
using budget_test::kPlan;
using test_support::Day;
using test_support::FieldsOf;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// "2022-23 ws1: 100/40/60 (2 lines)": one summary row, readable in failures.
std::string Row(const v1::WorkstreamBudget& w) {
  return w.financial_year() + " ws" + std::to_string(w.workstream_number()) + " " + w.workstream_title() +
         ": " + std::to_string(w.amounts().allocated_pence()) + "/" +
         std::to_string(w.amounts().spent_pence()) + "/" + std::to_string(w.amounts().available_pence()) +
         " (" + std::to_string(w.line_count()) + ")";
}

std::string Amounts(const v1::BudgetAmounts& a) {
  return std::to_string(a.allocated_pence()) + "/" + std::to_string(a.spent_pence()) + "/" +
         std::to_string(a.available_pence());
}

class BudgetSummaryTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    budget_test::ArrangePlans(*db_);
    summaries_ = std::make_unique<BudgetSummaries>(*db_);
  }

  absl::StatusOr<v1::BudgetSummary> Summary(const std::string& year = "", const std::string& plan = kPlan) {
    v1::GetBudgetSummaryRequest request;
    request.set_plan(plan);
    request.set_financial_year(year);
    return summaries_->GetBudgetSummary(caller_, request);
  }

  std::vector<std::string> Rows(const v1::BudgetSummary& summary) {
    std::vector<std::string> rows;
    for (const auto& w : summary.workstreams()) rows.push_back(Row(w));
    return rows;
  }

  // Lines in two years and three workstreams of 2022-23, and one of the other plan.
  void ArrangeLines() {
    InsertLine(*db_, "2022-23", "line-a", "2022-23", 1, "", 100000, 40000);
    InsertLine(*db_, "2022-23", "line-b", "2022-23", 1, "mentoring", 50050, 50050);
    InsertLine(*db_, "2022-23", "line-c", "2022-23", 2, "", 70000, 1);
    InsertLine(*db_, "2022-23", "line-d", "2023-24", 3, "", 30000, 0);
    InsertLine(*db_, "2022-23", "line-e", "2023-24", 1, "", 5, 5);
    InsertLine(*db_, "2020-23", "line-z", "2022-23", 1, "", 999999, 0);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<BudgetSummaries> summaries_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.finance", "trace-s");
};

TEST_P(BudgetSummaryTest, AddsUpByYearAndWorkstreamPerYearAndInAll) {
  ArrangeLines();
  auto summary = Summary();
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->plan(), kPlan);
  EXPECT_EQ(summary->financial_year(), "");
  EXPECT_EQ(Rows(*summary), (std::vector<std::string>{"2022-23 ws1 Leadership: 150050/90050/60000 (2)",
                                                      "2022-23 ws2 Wellbeing for Learning: 70000/1/69999 (1)",
                                                      "2023-24 ws1 Leadership: 5/5/0 (1)",
                                                      "2023-24 ws3 Curriculum: 30000/0/30000 (1)"}));
  ASSERT_EQ(summary->years_size(), 2);
  EXPECT_EQ(summary->years(0).financial_year(), "2022-23");
  EXPECT_EQ(Amounts(summary->years(0).amounts()), "220050/90051/129999");
  EXPECT_EQ(summary->years(1).financial_year(), "2023-24");
  EXPECT_EQ(Amounts(summary->years(1).amounts()), "30005/5/30000");
  EXPECT_EQ(Amounts(summary->total()), "250055/90056/159999");
  EXPECT_GT(summary->computed_at().seconds(), 0);
}

TEST_P(BudgetSummaryTest, OneFinancialYearWhenAsked) {
  ArrangeLines();
  auto summary = Summary("2023-24");
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->financial_year(), "2023-24");
  EXPECT_EQ(Rows(*summary), (std::vector<std::string>{"2023-24 ws1 Leadership: 5/5/0 (1)",
                                                      "2023-24 ws3 Curriculum: 30000/0/30000 (1)"}));
  ASSERT_EQ(summary->years_size(), 1);
  EXPECT_EQ(Amounts(summary->total()), "30005/5/30000");
}

TEST_P(BudgetSummaryTest, LinesOutsideThePlansYearsAreNotCounted) {
  ArrangeLines();
  // Stored before years were checked on create.
  InsertLine(*db_, "2022-23", "line-far", "2030-31", 1, "", 777777, 0);
  auto summary = Summary();
  ASSERT_TRUE(summary.ok()) << summary.status();
  ASSERT_EQ(summary->years_size(), 2);
  EXPECT_EQ(Amounts(summary->total()), "250055/90056/159999");
  auto far = Summary("2030-31");
  ASSERT_TRUE(far.ok()) << far.status();
  EXPECT_EQ(far->workstreams_size(), 0);
  EXPECT_EQ(Amounts(far->total()), "0/0/0");
}

TEST_P(BudgetSummaryTest, PlanWithoutLinesSumsToZero) {
  auto summary = Summary();
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->workstreams_size(), 0);
  EXPECT_EQ(summary->years_size(), 0);
  EXPECT_TRUE(summary->has_total());
  EXPECT_EQ(Amounts(summary->total()), "0/0/0");
}

TEST_P(BudgetSummaryTest, BadRequestsNameTheirFieldsAndMissingPlanIsNotFound) {
  auto bad = Summary("2022-2023", "plans/-");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"plan", "financial_year"}));
  EXPECT_EQ(Summary("", "plans/2030-31").status().code(), absl::StatusCode::kNotFound);
}

TEST_P(BudgetSummaryTest, SumsAreExactUpToTheLargestAmount) {
  // 2^62 + (2^62 - 1) is exactly int64's maximum; a double would round it.
  InsertLine(*db_, "2022-23", "line-a", "2022-23", 1, "", int64_t{1} << 62, (int64_t{1} << 62) - 3);
  InsertLine(*db_, "2022-23", "line-b", "2022-23", 1, "mentoring", (int64_t{1} << 62) - 1, 2);
  auto summary = Summary();
  ASSERT_TRUE(summary.ok()) << summary.status();
  ASSERT_EQ(summary->workstreams_size(), 1);
  EXPECT_EQ(summary->workstreams(0).amounts().allocated_pence(), kMax);
  EXPECT_EQ(summary->workstreams(0).amounts().spent_pence(), (int64_t{1} << 62) - 1);
  EXPECT_EQ(summary->workstreams(0).amounts().available_pence(), int64_t{1} << 62);
  EXPECT_EQ(summary->total().allocated_pence(), kMax);
}

TEST_P(BudgetSummaryTest, OverflowWithinAWorkstreamIsOutOfRange) {
  InsertLine(*db_, "2022-23", "line-a", "2022-23", 1, "", kMax, 0);
  InsertLine(*db_, "2022-23", "line-b", "2022-23", 1, "mentoring", 1, 0);
  EXPECT_EQ(Summary().status().code(), absl::StatusCode::kOutOfRange);
}

TEST_P(BudgetSummaryTest, OverflowOfAYearOrThePlanIsOutOfRange) {
  InsertLine(*db_, "2022-23", "line-a", "2022-23", 1, "", kMax, kMax);
  InsertLine(*db_, "2022-23", "line-b", "2022-23", 2, "", kMax, 0);
  EXPECT_EQ(Summary().status().code(), absl::StatusCode::kOutOfRange);

  // Each year fits; the two together do not.
  test_support::Exec(*db_, "UPDATE budget_lines SET financial_year = '2023-24' WHERE id = 'line-b'");
  EXPECT_EQ(Summary("2022-23").status().code(), absl::StatusCode::kOk);
  EXPECT_EQ(Summary("2023-24").status().code(), absl::StatusCode::kOk);
  EXPECT_EQ(Summary().status().code(), absl::StatusCode::kOutOfRange);
}

TEST_P(BudgetSummaryTest, ReflectsChangesMadeThroughTheApi) {
  BudgetLines lines(*db_);
  Reallocations reallocations(*db_);
  ASSERT_TRUE(
      lines.CreateBudgetLine(caller_, budget_test::LineRequest("mentoring", "2022-23", 1, "mentoring", 5000))
          .ok());
  ASSERT_TRUE(
      lines.CreateBudgetLine(caller_, budget_test::LineRequest("nurture", "2022-23", 2, "nurture", 1000))
          .ok());
  v1::RecordSpendRequest spend;
  spend.set_name("plans/2022-23/budgetLines/mentoring");
  spend.set_amount_pence(1500);
  spend.set_description("Mentor training");
  *spend.mutable_spent_on() = Day(2022, 6, 1);
  ASSERT_TRUE(lines.RecordSpend(caller_, spend).ok());
  v1::ReallocateBudgetRequest move;
  move.set_parent(kPlan);
  move.mutable_reallocation()->set_from_line("plans/2022-23/budgetLines/mentoring");
  move.mutable_reallocation()->set_to_line("plans/2022-23/budgetLines/nurture");
  move.mutable_reallocation()->set_amount_pence(2000);
  move.mutable_reallocation()->set_reason("Nurture groups oversubscribed");
  move.mutable_reallocation()->set_approving_body(kFinance);
  ASSERT_TRUE(reallocations.ReallocateBudget(caller_, move).ok());

  auto summary = Summary();
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(Rows(*summary),
            (std::vector<std::string>{"2022-23 ws1 Leadership: 3000/1500/1500 (1)",
                                      "2022-23 ws2 Wellbeing for Learning: 3000/0/3000 (1)"}));
  EXPECT_EQ(Amounts(summary->total()), "6000/1500/4500");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(BudgetSummaryTest);

}  // namespace
}  // namespace wp::governance
