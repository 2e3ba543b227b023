// Reallocations on either store engine: unspent money moved between two lines
// of one plan and year, both lines or neither, the ledger's two movements,
// the event, retries, and the list newest first.
#include "services/governance/budgets/reallocations.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/governance/budgets/budget_lines.h"
#include "services/governance/budgets/budget_test_support.h"
#include "wp/common/v1/event.pb.h"

namespace wp::governance {
namespace {

using budget_test::AuditOf;
using budget_test::CountRows;
using budget_test::kDecision;
using budget_test::kFinance;
using budget_test::kHeldMeeting;
using budget_test::kOtherPlan;
using budget_test::kPlan;
using budget_test::kScheduledMeeting;
using budget_test::LineRequest;
using test_support::Day;
using test_support::FieldsOf;

constexpr char kMentoring[] = "plans/2022-23/budgetLines/2022-23-mentoring";
constexpr char kCoaching[] = "plans/2022-23/budgetLines/2022-23-coaching";
constexpr char kNextYear[] = "plans/2022-23/budgetLines/2023-24-coaching";

class ReallocationsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    budget_test::ArrangePlans(*db_);
    lines_ = std::make_unique<BudgetLines>(*db_);
    reallocations_ = std::make_unique<Reallocations>(*db_);
    // Mentoring £5,000.00 with £1,000.00 spent; coaching £10,000.00.
    Create(LineRequest("2022-23-mentoring", "2022-23", 1, "mentoring", 500000));
    Create(LineRequest("2022-23-coaching", "2022-23", 1, "executive-coaching", 1000000));
    Create(LineRequest("2023-24-coaching", "2023-24", 1, "executive-coaching", 1000000));
    v1::RecordSpendRequest spend;
    spend.set_name(kMentoring);
    spend.set_amount_pence(100000);
    spend.set_description("Mentor training day");
    *spend.mutable_spent_on() = Day(2022, 6, 1);
    ASSERT_TRUE(lines_->RecordSpend(caller_, spend).ok());
  }

  void Create(const v1::CreateBudgetLineRequest& request) {
    auto line = lines_->CreateBudgetLine(caller_, request);
    ASSERT_TRUE(line.ok()) << line.status();
  }

  v1::BudgetLine Get(const std::string& name) {
    v1::GetBudgetLineRequest request;
    request.set_name(name);
    auto line = lines_->GetBudgetLine(caller_, request);
    EXPECT_TRUE(line.ok()) << line.status();
    return line.ok() ? *line : v1::BudgetLine();
  }

  static v1::ReallocateBudgetRequest Move(int64_t amount, const std::string& from = kMentoring,
                                          const std::string& to = kCoaching) {
    v1::ReallocateBudgetRequest request;
    request.set_parent(kPlan);
    v1::Reallocation* x = request.mutable_reallocation();
    x->set_from_line(from);
    x->set_to_line(to);
    x->set_amount_pence(amount);
    x->set_reason("mentoring places unused; moved to the coaching programme");
    x->set_approving_body(kFinance);
    return request;
  }

  std::vector<v1::BudgetMovement> Movements(const std::string& line) {
    v1::ListBudgetMovementsRequest request;
    request.set_parent(line);
    auto response = lines_->ListBudgetMovements(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return {};
    return {response->movements().begin(), response->movements().end()};
  }

  // Everything a failed reallocation must leave as it was.
  std::string Snapshot() {
    return Get(kMentoring).DebugString() + Get(kCoaching).DebugString() + Get(kNextYear).DebugString() +
           std::to_string(CountRows(*db_, "budget_movements")) + "/" +
           std::to_string(CountRows(*db_, "reallocations")) + "/" +
           std::to_string(test_support::LastSeq(*db_));
  }

  void ExpectRefused(const v1::ReallocateBudgetRequest& request, absl::StatusCode code,
                     const std::vector<std::string>& fields = {}) {
    const std::string before = Snapshot();
    auto response = reallocations_->ReallocateBudget(caller_, request);
    EXPECT_EQ(response.status().code(), code) << response.status();
    EXPECT_EQ(FieldsOf(response.status()), fields);
    EXPECT_EQ(Snapshot(), before);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<BudgetLines> lines_;
  std::unique_ptr<Reallocations> reallocations_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.finance", "trace-r");
};

TEST_P(ReallocationsTest, MovesUnspentMoneyBetweenTwoLines) {
  v1::ReallocateBudgetRequest request = Move(250000);
  request.mutable_reallocation()->set_meeting(kHeldMeeting);
  request.mutable_reallocation()->set_decision(kDecision);
  *request.mutable_reallocation()->mutable_effective_date() = Day(2022, 5, 11);
  request.set_from_etag("2");
  request.set_to_etag("1");
  auto response = reallocations_->ReallocateBudget(caller_, request);
  ASSERT_TRUE(response.ok()) << response.status();

  const v1::Reallocation& x = response->reallocation();
  EXPECT_EQ(x.name(), "plans/2022-23/reallocations/1");
  EXPECT_EQ(x.from_line(), kMentoring);
  EXPECT_EQ(x.to_line(), kCoaching);
  EXPECT_EQ(x.financial_year(), "2022-23");
  EXPECT_EQ(x.amount_pence(), 250000);
  EXPECT_EQ(x.approving_body(), kFinance);
  EXPECT_EQ(x.meeting(), kHeldMeeting);
  EXPECT_EQ(x.decision(), kDecision);
  EXPECT_EQ(x.effective_date().DebugString(), Day(2022, 5, 11).DebugString());
  EXPECT_GT(x.create_time().seconds(), 0);

  EXPECT_EQ(response->from_line().allocated_pence(), 250000);
  EXPECT_EQ(response->from_line().spent_pence(), 100000);
  EXPECT_EQ(response->from_line().available_pence(), 150000);
  EXPECT_EQ(response->from_line().etag(), "3");
  EXPECT_EQ(response->to_line().allocated_pence(), 1250000);
  EXPECT_EQ(response->to_line().etag(), "2");
  EXPECT_EQ(Get(kMentoring).DebugString(), response->from_line().DebugString());
  EXPECT_EQ(Get(kCoaching).DebugString(), response->to_line().DebugString());

  v1::GetReallocationRequest get;
  get.set_name(x.name());
  auto stored = reallocations_->GetReallocation(caller_, get);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->DebugString(), x.DebugString());
}

TEST_P(ReallocationsTest, EachLineGetsAMovementNamingTheOther) {
  auto response = reallocations_->ReallocateBudget(caller_, Move(250000));
  ASSERT_TRUE(response.ok()) << response.status();
  const auto out = Movements(kMentoring);
  ASSERT_EQ(out.size(), 3u);  // opening, spend, out
  EXPECT_EQ(out[2].name(), std::string(kMentoring) + "/movements/3");
  EXPECT_EQ(out[2].kind(), v1::BudgetMovement::REALLOCATED_OUT);
  EXPECT_EQ(out[2].amount_pence(), -250000);
  EXPECT_EQ(out[2].allocated_after_pence(), 250000);
  EXPECT_EQ(out[2].spent_after_pence(), 100000);
  EXPECT_EQ(out[2].reallocation(), "plans/2022-23/reallocations/1");
  EXPECT_EQ(out[2].counterpart_line(), kCoaching);
  EXPECT_EQ(out[2].reason(), "mentoring places unused; moved to the coaching programme");
  EXPECT_EQ(out[2].approving_body(), kFinance);
  EXPECT_EQ(out[2].recorded_by(), "fiona.finance");
  EXPECT_NE(out[2].effective_date().year(), 0);  // today when absent

  const auto in = Movements(kCoaching);
  ASSERT_EQ(in.size(), 2u);  // opening, in
  EXPECT_EQ(in[1].kind(), v1::BudgetMovement::REALLOCATED_IN);
  EXPECT_EQ(in[1].amount_pence(), 250000);
  EXPECT_EQ(in[1].allocated_after_pence(), 1250000);
  EXPECT_EQ(in[1].reallocation(), "plans/2022-23/reallocations/1");
  EXPECT_EQ(in[1].counterpart_line(), kMentoring);
}

TEST_P(ReallocationsTest, PublishesBudgetReallocatedAndAudits) {
  const int64_t before = test_support::LastSeq(*db_);
  auto response = reallocations_->ReallocateBudget(caller_, Move(1000));
  ASSERT_TRUE(response.ok()) << response.status();
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.budget.reallocated");
  EXPECT_EQ(events[0].subject(), "plans/2022-23/reallocations/1");
  EXPECT_EQ(events[0].actor(), "fiona.finance");
  v1::BudgetReallocated payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.reallocation().DebugString(), response->reallocation().DebugString());
  EXPECT_EQ(payload.from_line().DebugString(), response->from_line().DebugString());
  EXPECT_EQ(payload.to_line().DebugString(), response->to_line().DebugString());
  EXPECT_EQ(AuditOf(*db_, "plans/2022-23/reallocations/1"), std::vector<std::string>{"budget.reallocated"});
}

TEST_P(ReallocationsTest, EitherLinesTrailFindsTheReallocation) {
  ASSERT_TRUE(reallocations_->ReallocateBudget(caller_, Move(1000)).ok());
  for (const char* line : {kMentoring, kCoaching}) {
    const std::vector<std::string> trail = AuditOf(*db_, line);
    ASSERT_FALSE(trail.empty()) << line;
    EXPECT_EQ(trail.back(), "budget.reallocated") << line;
  }
  // Not the line the reallocation left alone.
  const std::vector<std::string> other = AuditOf(*db_, kNextYear);
  EXPECT_EQ(std::count(other.begin(), other.end(), "budget.reallocated"), 0);
}

TEST_P(ReallocationsTest, ASpendsAuditRecordShowsTheAmountsBeforeAndAfter) {
  auto entries = store::ReadValue<std::vector<audit::StoredAuditEntry>>(
      *db_, [&](store::Transaction& tx) { return audit::ListAuditByResource(tx, kMentoring, 0, 100); });
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_FALSE(entries->empty());
  // The setup's spend of £1,000.00 on mentoring.
  const audit::StoredAuditEntry& spend = entries->back();
  bool saw_spent = false;
  for (const audit::FieldChange& c : spend.entry.changes) {
    if (c.field != "spent_pence") continue;
    saw_spent = true;
    EXPECT_EQ(c.before, "0");
    EXPECT_EQ(c.after, "100000");
  }
  EXPECT_TRUE(saw_spent) << spend.entry.summary;
}

TEST_P(ReallocationsTest, OnlyUnspentMoneyMoves) {
  // £4,000.00 of mentoring's £5,000.00 is unspent.
  v1::ReallocateBudgetRequest too_much = Move(400001);
  const std::string before = Snapshot();
  auto refused = reallocations_->ReallocateBudget(caller_, too_much);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(),
            "line 2022-23-mentoring has \xC2\xA3"
            "4,000.00 available, cannot move \xC2\xA3"
            "4,000.01");
  EXPECT_EQ(Snapshot(), before);

  auto all = reallocations_->ReallocateBudget(caller_, Move(400000));
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->from_line().allocated_pence(), 100000);  // what was spent stays
  EXPECT_EQ(all->from_line().available_pence(), 0);
  ExpectRefused(Move(1), absl::StatusCode::kFailedPrecondition);
}

TEST_P(ReallocationsTest, NamesEveryBadField) {
  v1::ReallocateBudgetRequest request;
  request.set_parent("2022-23");
  v1::Reallocation* x = request.mutable_reallocation();
  x->set_to_line("plans/2022-23/lines/x");
  x->set_amount_pence(0);
  x->set_reason(std::string(4001, 'r'));
  x->set_meeting("bodies/finance-sub-group/meetings/0");
  *x->mutable_effective_date() = Day(2022, 0, 1);
  request.set_request_id(std::string(101, 'r'));
  ExpectRefused(request, absl::StatusCode::kInvalidArgument,
                {"parent", "reallocation.from_line", "reallocation.to_line", "reallocation.amount_pence",
                 "reallocation.reason", "reallocation.approving_body", "reallocation.meeting",
                 "reallocation.effective_date.month", "request_id"});
}

TEST_P(ReallocationsTest, LinesMustDifferAndBelongToTheParent) {
  ExpectRefused(Move(100, kMentoring, kMentoring), absl::StatusCode::kInvalidArgument,
                {"reallocation.to_line"});
  ExpectRefused(Move(100, "plans/2020-23/budgetLines/2022-23-mentoring"), absl::StatusCode::kInvalidArgument,
                {"reallocation.from_line"});
  v1::ReallocateBudgetRequest decision_alone = Move(100);
  decision_alone.mutable_reallocation()->set_decision(kDecision);
  ExpectRefused(decision_alone, absl::StatusCode::kInvalidArgument, {"reallocation.decision"});
}

TEST_P(ReallocationsTest, MoneyStaysWithinOneFinancialYear) {
  ExpectRefused(Move(100, kMentoring, kNextYear), absl::StatusCode::kInvalidArgument,
                {"reallocation.to_line"});
}

TEST_P(ReallocationsTest, LinesOutsideThePlansYearsTakeNoReallocation) {
  // Stored before years were checked on create.
  budget_test::InsertLine(*db_, "2022-23", "far-a", "2030-31", 1, "", 1000, 0);
  budget_test::InsertLine(*db_, "2022-23", "far-b", "2030-31", 2, "", 1000, 0);
  ExpectRefused(Move(100, "plans/2022-23/budgetLines/far-a", "plans/2022-23/budgetLines/far-b"),
                absl::StatusCode::kInvalidArgument, {"reallocation.from_line"});
}

TEST_P(ReallocationsTest, MissingLinesAndPlansAreNotFound) {
  ExpectRefused(Move(100, kMentoring, "plans/2022-23/budgetLines/nothing-here"), absl::StatusCode::kNotFound);
  v1::ReallocateBudgetRequest other_plan =
      Move(100, "plans/2030-31/budgetLines/line-a", "plans/2030-31/budgetLines/line-b");
  other_plan.set_parent("plans/2030-31");
  ExpectRefused(other_plan, absl::StatusCode::kNotFound);
  v1::ReallocateBudgetRequest unknown_body = Move(100);
  unknown_body.mutable_reallocation()->set_approving_body("bodies/treasury");
  ExpectRefused(unknown_body, absl::StatusCode::kNotFound);
}

TEST_P(ReallocationsTest, MeetingMustBeHeldAndDecisionTakenAtIt) {
  v1::ReallocateBudgetRequest not_held = Move(100);
  not_held.mutable_reallocation()->set_meeting(kScheduledMeeting);
  ExpectRefused(not_held, absl::StatusCode::kFailedPrecondition);
  v1::ReallocateBudgetRequest elsewhere = Move(100);
  elsewhere.mutable_reallocation()->set_meeting(kHeldMeeting);
  elsewhere.mutable_reallocation()->set_decision("bodies/board/meetings/1/decisions/1");
  ExpectRefused(elsewhere, absl::StatusCode::kFailedPrecondition);
}

TEST_P(ReallocationsTest, ClosedPlansBudgetCannotBeReallocated) {
  test_support::Exec(*db_, "UPDATE plans SET state = 5 WHERE id = '2022-23'");
  ExpectRefused(Move(100), absl::StatusCode::kFailedPrecondition);
}

TEST_P(ReallocationsTest, StaleEtagOfEitherLineIsAborted) {
  v1::ReallocateBudgetRequest stale_from = Move(100);
  stale_from.set_from_etag("1");  // the spend made it 2
  ExpectRefused(stale_from, absl::StatusCode::kAborted);
  v1::ReallocateBudgetRequest stale_to = Move(100);
  stale_to.set_from_etag("2");
  stale_to.set_to_etag("9");
  ExpectRefused(stale_to, absl::StatusCode::kAborted);
}

TEST_P(ReallocationsTest, BothLinesOrNeither) {
  // The source has the money, but the destination's allocation would
  // overflow: the source must not lose it either.
  budget_test::InsertLine(*db_, "2022-23", "2022-23-full", "2022-23", 2, "",
                          std::numeric_limits<int64_t>::max() - 5, 0);
  ExpectRefused(Move(6, kMentoring, "plans/2022-23/budgetLines/2022-23-full"), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Get(kMentoring).allocated_pence(), 500000);
}

TEST_P(ReallocationsTest, RetryReturnsTheFirstResponse) {
  v1::ReallocateBudgetRequest request = Move(1000);
  request.set_request_id("realloc-1");
  request.set_from_etag("2");
  auto first = reallocations_->ReallocateBudget(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  // Lines change again before the retry comes in.
  ASSERT_TRUE(reallocations_->ReallocateBudget(caller_, Move(500)).ok());
  const std::string before = Snapshot();
  auto again = reallocations_->ReallocateBudget(caller_, request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE(first->replayed());
  EXPECT_TRUE(again->replayed());  // so a client can say "already recorded"
  again->clear_replayed();
  EXPECT_EQ(again->DebugString(), first->DebugString());
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(Get(kMentoring).allocated_pence(), 498500);
}

TEST_P(ReallocationsTest, GetRejectsBadNamesAndReportsMissingOnes) {
  v1::GetReallocationRequest request;
  request.set_name("plans/2022-23/reallocations/first");
  auto bad = reallocations_->GetReallocation(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"name"});
  request.set_name("plans/2022-23/reallocations/7");
  EXPECT_EQ(reallocations_->GetReallocation(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

class ReallocationListTest : public ReallocationsTest {
 protected:
  void SetUp() override {
    ReallocationsTest::SetUp();
    Create(LineRequest("2023-24-mentoring", "2023-24", 1, "mentoring", 1000));
    Create(LineRequest("2022-23-coaching", "2022-23", 1, "", 1000, kOtherPlan));
    Create(LineRequest("2022-23-leadership", "2022-23", 1, "executive-coaching", 0, kOtherPlan));
    Reallocate(Move(100));                                                            // 2022-23/1
    Reallocate(Move(100, kCoaching, kMentoring));                                     // 2022-23/2
    Reallocate(Move(100, kNextYear, "plans/2022-23/budgetLines/2023-24-mentoring"));  // 2022-23/3
    v1::ReallocateBudgetRequest other = Move(100, "plans/2020-23/budgetLines/2022-23-coaching",
                                             "plans/2020-23/budgetLines/2022-23-leadership");
    other.set_parent(kOtherPlan);
    Reallocate(other);  // 2020-23/1
  }

  void Reallocate(const v1::ReallocateBudgetRequest& request) {
    auto response = reallocations_->ReallocateBudget(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
  }

  std::vector<std::string> Names(const v1::ListReallocationsRequest& request) {
    std::vector<std::string> names;
    auto response = reallocations_->ListReallocations(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return names;
    for (const auto& x : response->reallocations()) names.push_back(x.name());
    return names;
  }
};

TEST_P(ReallocationListTest, NewestFirstWithFilters) {
  v1::ListReallocationsRequest request;
  request.set_parent(kPlan);
  EXPECT_EQ(Names(request),
            (std::vector<std::string>{"plans/2022-23/reallocations/3", "plans/2022-23/reallocations/2",
                                      "plans/2022-23/reallocations/1"}));
  request.set_financial_year("2022-23");
  EXPECT_EQ(Names(request),
            (std::vector<std::string>{"plans/2022-23/reallocations/2", "plans/2022-23/reallocations/1"}));
  request.clear_financial_year();
  request.set_budget_line(kNextYear);
  EXPECT_EQ(Names(request), std::vector<std::string>{"plans/2022-23/reallocations/3"});
}

TEST_P(ReallocationListTest, WildcardPagesAcrossPlans) {
  v1::ListReallocationsRequest request;
  request.set_parent("plans/-");
  request.set_financial_year("2022-23");
  request.set_page_size(2);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    auto response = reallocations_->ListReallocations(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& x : response->reallocations()) seen.push_back(x.name());
    request.set_page_token(response->next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<std::string>{"plans/2020-23/reallocations/1", "plans/2022-23/reallocations/2",
                                            "plans/2022-23/reallocations/1"}));

  v1::ListReallocationsRequest by_line;
  by_line.set_parent("plans/-");
  by_line.set_budget_line("plans/2020-23/budgetLines/2022-23-leadership");
  EXPECT_EQ(Names(by_line), std::vector<std::string>{"plans/2020-23/reallocations/1"});
}

TEST_P(ReallocationListTest, BadRequestsNameTheirFieldsAndMissingPlanIsNotFound) {
  v1::ListReallocationsRequest request;
  request.set_parent(kPlan);
  request.set_financial_year("22-23");
  request.set_budget_line(std::string(kOtherPlan) + "/budgetLines/2022-23-coaching");
  request.set_page_size(-1);
  request.set_page_token("x");
  auto bad = reallocations_->ListReallocations(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"financial_year", "budget_line", "page_size", "page_token"}));
  v1::ListReallocationsRequest missing;
  missing.set_parent("plans/2030-31");
  EXPECT_EQ(reallocations_->ListReallocations(caller_, missing).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ReallocationsTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(ReallocationListTest);

}  // namespace
}  // namespace wp::governance
