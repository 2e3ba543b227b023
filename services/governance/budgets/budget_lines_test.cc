// Budget lines on either store engine: creating them against the plan's
// workstreams and projects, titles, allocation changes and spend (never
// below zero), the ledger, lists with filters and paging, events and audit.
#include "services/governance/budgets/budget_lines.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
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

constexpr char kCoaching[] = "plans/2022-23/budgetLines/2022-23-coaching";

class BudgetLinesTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    budget_test::ArrangePlans(*db_);
    lines_ = std::make_unique<BudgetLines>(*db_);
  }

  v1::BudgetLine Create(const v1::CreateBudgetLineRequest& request) {
    auto line = lines_->CreateBudgetLine(caller_, request);
    EXPECT_TRUE(line.ok()) << line.status();
    return line.ok() ? *line : v1::BudgetLine();
  }

  // 2022-23-coaching: workstream 1, executive-coaching, £10,000.00.
  v1::BudgetLine CreateCoaching() {
    return Create(LineRequest("2022-23-coaching", "2022-23", 1, "executive-coaching", 1000000));
  }

  v1::BudgetLine Get(const std::string& name) {
    v1::GetBudgetLineRequest request;
    request.set_name(name);
    auto line = lines_->GetBudgetLine(caller_, request);
    EXPECT_TRUE(line.ok()) << line.status();
    return line.ok() ? *line : v1::BudgetLine();
  }

  static v1::AdjustAllocationRequest Adjust(int64_t amount, const std::string& request_id = "") {
    v1::AdjustAllocationRequest request;
    request.set_name(kCoaching);
    request.set_amount_pence(amount);
    request.set_reason("Grant uplift for 2022-23");
    request.set_approving_body(kFinance);
    request.set_request_id(request_id);
    return request;
  }

  static v1::RecordSpendRequest Spend(int64_t amount, const std::string& request_id = "") {
    v1::RecordSpendRequest request;
    request.set_name(kCoaching);
    request.set_amount_pence(amount);
    request.set_description("Coaching sessions, term 1");
    *request.mutable_spent_on() = Day(2022, 10, 3);
    request.set_reference("INV-0042");
    request.set_request_id(request_id);
    return request;
  }

  std::vector<v1::BudgetMovement> Movements(const std::string& parent,
                                            const std::vector<v1::BudgetMovement::Kind>& kinds = {}) {
    v1::ListBudgetMovementsRequest request;
    request.set_parent(parent);
    for (auto k : kinds) request.add_kinds(k);
    auto response = lines_->ListBudgetMovements(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return {};
    return {response->movements().begin(), response->movements().end()};
  }

  std::vector<std::string> ListNames(v1::ListBudgetLinesRequest request) {
    std::vector<std::string> names;
    auto response = lines_->ListBudgetLines(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return names;
    for (const auto& line : response->budget_lines()) names.push_back(line.name());
    return names;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<BudgetLines> lines_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.finance", "trace-b");
};

// ---- CreateBudgetLine ----

TEST_P(BudgetLinesTest, CreatedLineHasItsOpeningAllocationAndNothingSpent) {
  const v1::BudgetLine line = CreateCoaching();
  EXPECT_EQ(line.name(), kCoaching);
  EXPECT_EQ(line.financial_year(), "2022-23");
  EXPECT_EQ(line.workstream_number(), 1);
  EXPECT_EQ(line.project_id(), "executive-coaching");
  EXPECT_EQ(line.title(), "Line 2022-23-coaching");
  EXPECT_EQ(line.allocated_pence(), 1000000);
  EXPECT_EQ(line.spent_pence(), 0);
  EXPECT_EQ(line.available_pence(), 1000000);
  EXPECT_EQ(line.etag(), "1");
  EXPECT_GT(line.create_time().seconds(), 0);
  EXPECT_EQ(Get(kCoaching).DebugString(), line.DebugString());
}

TEST_P(BudgetLinesTest, CreateWritesTheOpeningMovementAnEventAndAnAuditRecord) {
  const int64_t before = test_support::LastSeq(*db_);
  const v1::BudgetLine line = CreateCoaching();

  const auto movements = Movements(kCoaching);
  ASSERT_EQ(movements.size(), 1u);
  EXPECT_EQ(movements[0].name(), std::string(kCoaching) + "/movements/1");
  EXPECT_EQ(movements[0].kind(), v1::BudgetMovement::OPENING_ALLOCATION);
  EXPECT_EQ(movements[0].amount_pence(), 1000000);
  EXPECT_EQ(movements[0].allocated_after_pence(), 1000000);
  EXPECT_EQ(movements[0].spent_after_pence(), 0);
  EXPECT_EQ(movements[0].approving_body(), kFinance);
  EXPECT_EQ(movements[0].recorded_by(), "fiona.finance");
  EXPECT_NE(movements[0].effective_date().year(), 0);

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.budget_line.created");
  EXPECT_EQ(events[0].subject(), kCoaching);
  EXPECT_EQ(events[0].actor(), "fiona.finance");
  v1::BudgetLine payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.DebugString(), line.DebugString());
  EXPECT_EQ(AuditOf(*db_, kCoaching), std::vector<std::string>{"budget_line.created"});
}

TEST_P(BudgetLinesTest, CreateNamesEveryBadField) {
  v1::CreateBudgetLineRequest request;
  request.set_parent("plan/2022-23");
  request.set_budget_line_id("Coaching_2022");
  request.mutable_budget_line()->set_financial_year("2022-24");
  request.mutable_budget_line()->set_workstream_number(0);
  request.mutable_budget_line()->set_project_id("Executive Coaching");
  request.mutable_budget_line()->set_title("  ");
  request.mutable_budget_line()->set_allocated_pence(-1);
  request.set_approving_body("finance-sub-group");
  request.set_request_id(std::string(101, 'r'));
  auto line = lines_->CreateBudgetLine(caller_, request);
  EXPECT_EQ(line.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(line.status()),
            (std::vector<std::string>{"parent", "budget_line_id", "budget_line.financial_year",
                                      "budget_line.workstream_number", "budget_line.project_id",
                                      "budget_line.title", "budget_line.allocated_pence", "approving_body",
                                      "request_id"}));
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 0);
}

TEST_P(BudgetLinesTest, ApprovingBodyIsRequiredOnlyForAnAllocationAboveZero) {
  v1::CreateBudgetLineRequest request = LineRequest("2022-23-coaching", "2022-23", 1, "", 500);
  request.clear_approving_body();
  auto line = lines_->CreateBudgetLine(caller_, request);
  EXPECT_EQ(line.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(line.status()), std::vector<std::string>{"approving_body"});

  const v1::BudgetLine empty = Create(LineRequest("2022-23-leadership", "2022-23", 1, "", 0));
  EXPECT_EQ(empty.allocated_pence(), 0);
  EXPECT_EQ(Movements(empty.name())[0].approving_body(), "");
}

TEST_P(BudgetLinesTest, UnknownApprovingBodyIsNotFound) {
  v1::CreateBudgetLineRequest request = LineRequest("2022-23-coaching", "2022-23", 1, "", 500);
  request.set_approving_body("bodies/treasury");
  EXPECT_EQ(lines_->CreateBudgetLine(caller_, request).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 0);
}

TEST_P(BudgetLinesTest, WorkstreamAndProjectMustBelongToThePlan) {
  auto no_workstream = lines_->CreateBudgetLine(caller_, LineRequest("2022-23-ws9", "2022-23", 9, "", 0));
  EXPECT_EQ(no_workstream.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(no_workstream.status()), std::vector<std::string>{"budget_line.workstream_number"});

  auto no_project = lines_->CreateBudgetLine(caller_, LineRequest("2022-23-x", "2022-23", 1, "reading", 0));
  EXPECT_EQ(no_project.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(no_project.status()), std::vector<std::string>{"budget_line.project_id"});

  // nurture is a project of workstream 2.
  auto other_workstream =
      lines_->CreateBudgetLine(caller_, LineRequest("2022-23-x", "2022-23", 1, "nurture", 0));
  EXPECT_EQ(other_workstream.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(other_workstream.status()), std::vector<std::string>{"budget_line.project_id"});
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 0);
}

TEST_P(BudgetLinesTest, YearMustBeOneOfThePlans) {
  // Plan 2022-23's session runs August 2022 to July 2023: financial years 2022-23 and 2023-24.
  for (const char* year : {"2030-31", "2021-22", "2024-25"}) {
    auto outside = lines_->CreateBudgetLine(caller_, LineRequest("far-line", year, 1, "", 0));
    EXPECT_EQ(outside.status().code(), absl::StatusCode::kInvalidArgument) << year;
    EXPECT_EQ(FieldsOf(outside.status()), std::vector<std::string>{"budget_line.financial_year"}) << year;
    EXPECT_NE(outside.status().message().find("2022-23 to 2023-24"), std::string::npos) << outside.status();
  }
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 0);
  // Plan 2020-23 spans three sessions: 2020-21 to 2023-24.
  Create(LineRequest("early-line", "2020-21", 1, "", 0, kOtherPlan));
  Create(LineRequest("late-line", "2023-24", 1, "", 0, kOtherPlan));
  auto too_late = lines_->CreateBudgetLine(caller_, LineRequest("later-line", "2024-25", 1, "", 0, kOtherPlan));
  EXPECT_EQ(too_late.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(BudgetLinesTest, LineIdAndYearWorkstreamProjectAreEachTakenOnce) {
  CreateCoaching();
  auto same_id = lines_->CreateBudgetLine(caller_, LineRequest("2022-23-coaching", "2023-24", 2, "", 0));
  EXPECT_EQ(same_id.status().code(), absl::StatusCode::kAlreadyExists);
  auto same_slot =
      lines_->CreateBudgetLine(caller_, LineRequest("coaching-again", "2022-23", 1, "executive-coaching", 0));
  EXPECT_EQ(same_slot.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(same_slot.status().message().find("2022-23-coaching"), std::string::npos);

  // Another project, the workstream as a whole, another year, another plan: all fine.
  Create(LineRequest("2022-23-mentoring", "2022-23", 1, "mentoring", 0));
  Create(LineRequest("2022-23-leadership", "2022-23", 1, "", 0));
  Create(LineRequest("2023-24-coaching", "2023-24", 1, "executive-coaching", 0));
  Create(LineRequest("2022-23-coaching", "2022-23", 1, "executive-coaching", 0, kOtherPlan));
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 5);
}

TEST_P(BudgetLinesTest, MissingPlanIsNotFoundAndClosedPlanTakesNoLines) {
  auto missing =
      lines_->CreateBudgetLine(caller_, LineRequest("x-line", "2022-23", 1, "", 0, "plans/2030-31"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);

  test_support::Exec(*db_, "UPDATE plans SET state = 5 WHERE id = '2022-23'");
  const int64_t before = test_support::LastSeq(*db_);
  auto closed = lines_->CreateBudgetLine(caller_, LineRequest("2022-23-coaching", "2022-23", 1, "", 100));
  EXPECT_EQ(closed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows(*db_, "budget_lines"), 0);
  EXPECT_EQ(CountRows(*db_, "budget_movements"), 0);
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(BudgetLinesTest, CreateRetriedWithTheSameRequestIdMakesOneLine) {
  v1::CreateBudgetLineRequest request = LineRequest("2022-23-coaching", "2022-23", 1, "", 100);
  request.set_request_id("create-1");
  const v1::BudgetLine first = Create(request);
  const v1::BudgetLine again = Create(request);
  EXPECT_EQ(again.DebugString(), first.DebugString());
  EXPECT_EQ(CountRows(*db_, "budget_movements"), 1);
  EXPECT_EQ(AuditOf(*db_, kCoaching).size(), 1u);
}

// ---- GetBudgetLine ----

TEST_P(BudgetLinesTest, GetRejectsMalformedNamesAndReportsMissingLines) {
  v1::GetBudgetLineRequest request;
  request.set_name("plans/2022-23/lines/x");
  auto bad = lines_->GetBudgetLine(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"name"});
  request.set_name("plans/2022-23/budgetLines/nothing-here");
  EXPECT_EQ(lines_->GetBudgetLine(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- ListBudgetLines ----

class BudgetLineListTest : public BudgetLinesTest {
 protected:
  void SetUp() override {
    BudgetLinesTest::SetUp();
    // Created out of order, to see the list put them in order.
    Create(LineRequest("b-nurture", "2023-24", 2, "nurture", 0));
    Create(LineRequest("c-wellbeing", "2022-23", 2, "", 0));
    Create(LineRequest("d-mentoring", "2022-23", 1, "mentoring", 0));
    Create(LineRequest("e-coaching", "2022-23", 1, "executive-coaching", 0));
    Create(LineRequest("f-leadership", "2022-23", 1, "", 0));
    Create(LineRequest("g-curriculum", "2023-24", 3, "", 0));
    Create(LineRequest("a-coaching", "2022-23", 1, "executive-coaching", 0, kOtherPlan));
  }

  static std::string Line(const std::string& id) { return std::string(kPlan) + "/budgetLines/" + id; }
};

TEST_P(BudgetLineListTest, OrderedByYearWorkstreamThenProject) {
  v1::ListBudgetLinesRequest request;
  request.set_parent(kPlan);
  EXPECT_EQ(ListNames(request),
            (std::vector<std::string>{Line("f-leadership"), Line("e-coaching"), Line("d-mentoring"),
                                      Line("c-wellbeing"), Line("b-nurture"), Line("g-curriculum")}));
}

TEST_P(BudgetLineListTest, WildcardParentListsEveryPlansLines) {
  v1::ListBudgetLinesRequest request;
  request.set_parent("plans/-");
  request.set_workstream_number(1);
  request.set_project_id("executive-coaching");
  // Same year, workstream and project: by plan id.
  EXPECT_EQ(ListNames(request),
            (std::vector<std::string>{"plans/2020-23/budgetLines/a-coaching", Line("e-coaching")}));
}

TEST_P(BudgetLineListTest, FiltersCombine) {
  v1::ListBudgetLinesRequest request;
  request.set_parent(kPlan);
  request.set_financial_year("2023-24");
  EXPECT_EQ(ListNames(request), (std::vector<std::string>{Line("b-nurture"), Line("g-curriculum")}));
  request.set_workstream_number(3);
  EXPECT_EQ(ListNames(request), std::vector<std::string>{Line("g-curriculum")});
  request.set_project_id("nurture");
  EXPECT_TRUE(ListNames(request).empty());
}

TEST_P(BudgetLineListTest, PagesFollowOneAnotherWithAFilter) {
  v1::ListBudgetLinesRequest request;
  request.set_parent("plans/-");
  request.set_financial_year("2022-23");
  request.set_page_size(2);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    auto response = lines_->ListBudgetLines(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_LE(response->budget_lines_size(), 2);
    for (const auto& line : response->budget_lines()) seen.push_back(line.name());
    request.set_page_token(response->next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{Line("f-leadership"), "plans/2020-23/budgetLines/a-coaching",
                                            Line("e-coaching"), Line("d-mentoring"), Line("c-wellbeing")}));
}

TEST_P(BudgetLineListTest, BadRequestsNameTheirFieldsAndMissingPlanIsNotFound) {
  v1::ListBudgetLinesRequest request;
  request.set_parent("plans");
  request.set_financial_year("2022");
  request.set_workstream_number(-1);
  request.set_project_id("Not An Id");
  request.set_page_size(-5);
  request.set_page_token("garbage!");
  auto bad = lines_->ListBudgetLines(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"parent", "financial_year", "workstream_number",
                                                              "project_id", "page_size", "page_token"}));
  v1::ListBudgetLinesRequest missing;
  missing.set_parent("plans/2030-31");
  EXPECT_EQ(lines_->ListBudgetLines(caller_, missing).status().code(), absl::StatusCode::kNotFound);
}

// ---- UpdateBudgetLine ----

TEST_P(BudgetLinesTest, UpdateChangesTheTitleOnly) {
  CreateCoaching();
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdateBudgetLineRequest request;
  request.mutable_budget_line()->set_name(kCoaching);
  request.mutable_budget_line()->set_title("Executive coaching programme");
  request.mutable_budget_line()->set_allocated_pence(99);  // output only: ignored
  request.mutable_budget_line()->set_etag("1");
  request.mutable_update_mask()->add_paths("title");
  auto updated = lines_->UpdateBudgetLine(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Executive coaching programme");
  EXPECT_EQ(updated->allocated_pence(), 1000000);
  EXPECT_EQ(updated->etag(), "2");

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.budget_line.updated");
  EXPECT_EQ(events[0].subject(), kCoaching);
  v1::BudgetLine payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.title(), "Executive coaching programme");
  EXPECT_EQ(AuditOf(*db_, kCoaching),
            (std::vector<std::string>{"budget_line.created", "budget_line.updated"}));
}

TEST_P(BudgetLinesTest, UpdateWithAnEmptyMaskSetsTheTitle) {
  CreateCoaching();
  v1::UpdateBudgetLineRequest request;
  request.mutable_budget_line()->set_name(kCoaching);
  request.mutable_budget_line()->set_title("Coaching");
  auto updated = lines_->UpdateBudgetLine(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(Get(kCoaching).title(), "Coaching");
}

TEST_P(BudgetLinesTest, UpdateRejectsBadInputStaleEtagsAndMissingLines) {
  CreateCoaching();
  v1::UpdateBudgetLineRequest request;
  request.mutable_budget_line()->set_name("budgetLines/2022-23-coaching");
  request.mutable_budget_line()->set_title("");
  request.mutable_update_mask()->add_paths("allocated_pence");
  auto bad = lines_->UpdateBudgetLine(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"budget_line.name", "update_mask", "budget_line.title"}));

  request.mutable_budget_line()->set_name(kCoaching);
  request.mutable_budget_line()->set_title("Coaching");
  request.clear_update_mask();
  request.mutable_budget_line()->set_etag("7");
  EXPECT_EQ(lines_->UpdateBudgetLine(caller_, request).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(kCoaching).title(), "Line 2022-23-coaching");

  request.mutable_budget_line()->set_name("plans/2022-23/budgetLines/nothing-here");
  request.mutable_budget_line()->clear_etag();
  EXPECT_EQ(lines_->UpdateBudgetLine(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- AdjustAllocation ----

TEST_P(BudgetLinesTest, AdjustRaisesTheAllocationWithItsApproval) {
  CreateCoaching();
  const int64_t before = test_support::LastSeq(*db_);
  v1::AdjustAllocationRequest request = Adjust(250050);
  request.set_meeting(kHeldMeeting);
  request.set_decision(kDecision);
  *request.mutable_effective_date() = Day(2022, 5, 11);
  request.set_etag("1");
  auto line = lines_->AdjustAllocation(caller_, request);
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->allocated_pence(), 1250050);
  EXPECT_EQ(line->available_pence(), 1250050);
  EXPECT_EQ(line->etag(), "2");

  const auto movements = Movements(kCoaching, {v1::BudgetMovement::ALLOCATION_ADJUSTED});
  ASSERT_EQ(movements.size(), 1u);
  EXPECT_EQ(movements[0].name(), std::string(kCoaching) + "/movements/2");
  EXPECT_EQ(movements[0].amount_pence(), 250050);
  EXPECT_EQ(movements[0].allocated_after_pence(), 1250050);
  EXPECT_EQ(movements[0].reason(), "Grant uplift for 2022-23");
  EXPECT_EQ(movements[0].approving_body(), kFinance);
  EXPECT_EQ(movements[0].meeting(), kHeldMeeting);
  EXPECT_EQ(movements[0].decision(), kDecision);
  EXPECT_EQ(movements[0].effective_date().DebugString(), Day(2022, 5, 11).DebugString());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.budget_line.allocation_adjusted");
  EXPECT_EQ(events[0].subject(), kCoaching);
  v1::BudgetLine payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.allocated_pence(), 1250050);
  EXPECT_EQ(AuditOf(*db_, kCoaching).back(), "budget_line.allocation_adjusted");
}

TEST_P(BudgetLinesTest, AllocationNeverFallsBelowWhatIsSpent) {
  CreateCoaching();
  ASSERT_TRUE(lines_->RecordSpend(caller_, Spend(600000)).ok());
  const v1::BudgetLine before = Get(kCoaching);

  auto cut = lines_->AdjustAllocation(caller_, Adjust(-400001));
  EXPECT_EQ(cut.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(cut.status().message(),
            "line 2022-23-coaching has \xC2\xA3"
            "6,000.00 spent; its allocation cannot fall to \xC2\xA3"
            "5,999.99");
  EXPECT_EQ(Get(kCoaching).DebugString(), before.DebugString());
  EXPECT_EQ(Movements(kCoaching).size(), 2u);

  // Down to exactly what is spent is fine: nothing left available.
  auto to_spent = lines_->AdjustAllocation(caller_, Adjust(-400000));
  ASSERT_TRUE(to_spent.ok()) << to_spent.status();
  EXPECT_EQ(to_spent->allocated_pence(), 600000);
  EXPECT_EQ(to_spent->available_pence(), 0);
}

TEST_P(BudgetLinesTest, AllocationNeverGoesBelowZero) {
  Create(LineRequest("2022-23-coaching", "2022-23", 1, "", 100));
  auto cut = lines_->AdjustAllocation(caller_, Adjust(-101));
  EXPECT_EQ(cut.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Get(kCoaching).allocated_pence(), 100);
}

TEST_P(BudgetLinesTest, AllocationThatWouldOverflowIsOutOfRange) {
  Create(LineRequest("2022-23-coaching", "2022-23", 1, "", std::numeric_limits<int64_t>::max() - 10));
  auto raise = lines_->AdjustAllocation(caller_, Adjust(11));
  EXPECT_EQ(raise.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Get(kCoaching).etag(), "1");
}

TEST_P(BudgetLinesTest, AdjustNamesEveryBadField) {
  v1::AdjustAllocationRequest request;
  request.set_name("plans/2022-23");
  request.set_amount_pence(0);
  request.set_reason(" ");
  request.set_meeting("meetings/1");
  request.set_decision("bodies/finance-sub-group/meetings/1/decisions/x");
  *request.mutable_effective_date() = Day(2022, 2, 30);
  request.set_request_id(std::string(101, 'r'));
  auto bad = lines_->AdjustAllocation(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"name", "amount_pence", "reason", "approving_body", "meeting",
                                      "decision", "effective_date.day", "request_id"}));
}

TEST_P(BudgetLinesTest, AdjustDecisionNeedsItsMeeting) {
  CreateCoaching();
  v1::AdjustAllocationRequest request = Adjust(100);
  request.set_decision(kDecision);
  auto bad = lines_->AdjustAllocation(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"decision"});
}

TEST_P(BudgetLinesTest, AdjustChecksWhatTheApprovalPointsAt) {
  CreateCoaching();
  v1::AdjustAllocationRequest unknown_body = Adjust(100);
  unknown_body.set_approving_body("bodies/treasury");
  EXPECT_EQ(lines_->AdjustAllocation(caller_, unknown_body).status().code(), absl::StatusCode::kNotFound);

  v1::AdjustAllocationRequest not_held = Adjust(100);
  not_held.set_meeting(kScheduledMeeting);
  EXPECT_EQ(lines_->AdjustAllocation(caller_, not_held).status().code(),
            absl::StatusCode::kFailedPrecondition);

  v1::AdjustAllocationRequest elsewhere = Adjust(100);
  elsewhere.set_meeting(kHeldMeeting);
  elsewhere.set_decision("bodies/board/meetings/1/decisions/1");
  EXPECT_EQ(lines_->AdjustAllocation(caller_, elsewhere).status().code(),
            absl::StatusCode::kFailedPrecondition);

  v1::AdjustAllocationRequest missing_line = Adjust(100);
  missing_line.set_name("plans/2022-23/budgetLines/nothing-here");
  EXPECT_EQ(lines_->AdjustAllocation(caller_, missing_line).status().code(), absl::StatusCode::kNotFound);

  EXPECT_EQ(Get(kCoaching).allocated_pence(), 1000000);
  EXPECT_EQ(Movements(kCoaching).size(), 1u);
}

TEST_P(BudgetLinesTest, AdjustWithAStaleEtagIsAborted) {
  CreateCoaching();
  ASSERT_TRUE(lines_->AdjustAllocation(caller_, Adjust(100)).ok());
  v1::AdjustAllocationRequest stale = Adjust(100);
  stale.set_etag("1");
  EXPECT_EQ(lines_->AdjustAllocation(caller_, stale).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(kCoaching).allocated_pence(), 1000100);
}

TEST_P(BudgetLinesTest, AdjustRetriedWithTheSameRequestIdAppliesOnce) {
  CreateCoaching();
  v1::AdjustAllocationRequest request = Adjust(5000, "adjust-1");
  request.set_etag("1");
  auto first = lines_->AdjustAllocation(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t before = test_support::LastSeq(*db_);
  // The etag it carried is stale by now; the retry still gets its answer.
  auto again = lines_->AdjustAllocation(caller_, request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->DebugString(), first->DebugString());
  EXPECT_EQ(Get(kCoaching).allocated_pence(), 1005000);
  EXPECT_EQ(Movements(kCoaching).size(), 2u);
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

// ---- RecordSpend ----

TEST_P(BudgetLinesTest, SpendIsRecordedInTheLedger) {
  CreateCoaching();
  const int64_t before = test_support::LastSeq(*db_);
  v1::RecordSpendRequest request = Spend(123456);
  request.set_etag("1");
  auto line = lines_->RecordSpend(caller_, request);
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->spent_pence(), 123456);
  EXPECT_EQ(line->allocated_pence(), 1000000);
  EXPECT_EQ(line->available_pence(), 876544);
  EXPECT_EQ(line->etag(), "2");

  const auto movements = Movements(kCoaching, {v1::BudgetMovement::SPEND_RECORDED});
  ASSERT_EQ(movements.size(), 1u);
  EXPECT_EQ(movements[0].amount_pence(), 123456);
  EXPECT_EQ(movements[0].allocated_after_pence(), 1000000);
  EXPECT_EQ(movements[0].spent_after_pence(), 123456);
  EXPECT_EQ(movements[0].reason(), "Coaching sessions, term 1");
  EXPECT_EQ(movements[0].reference(), "INV-0042");
  EXPECT_EQ(movements[0].effective_date().DebugString(), Day(2022, 10, 3).DebugString());
  EXPECT_EQ(movements[0].approving_body(), "");

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.budget_line.spend_recorded");
  EXPECT_EQ(events[0].subject(), kCoaching);
  v1::BudgetLine payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.spent_pence(), 123456);
  EXPECT_EQ(AuditOf(*db_, kCoaching).back(), "budget_line.spend_recorded");
}

TEST_P(BudgetLinesTest, SpendNeverExceedsWhatIsAvailable) {
  CreateCoaching();
  ASSERT_TRUE(lines_->RecordSpend(caller_, Spend(900000)).ok());
  auto over = lines_->RecordSpend(caller_, Spend(100001));
  EXPECT_EQ(over.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(over.status().message(),
            "line 2022-23-coaching has \xC2\xA3"
            "1,000.00 available, cannot spend \xC2\xA3"
            "1,000.01");
  EXPECT_EQ(Get(kCoaching).spent_pence(), 900000);

  auto all = lines_->RecordSpend(caller_, Spend(100000));
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->available_pence(), 0);
  EXPECT_EQ(lines_->RecordSpend(caller_, Spend(1)).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Movements(kCoaching, {v1::BudgetMovement::SPEND_RECORDED}).size(), 2u);
}

TEST_P(BudgetLinesTest, SpendNamesEveryBadField) {
  v1::RecordSpendRequest request;
  request.set_name("");
  request.set_amount_pence(-5);
  request.set_reference("line one\nline two");
  request.set_request_id(std::string(101, 'r'));
  auto bad = lines_->RecordSpend(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"name", "amount_pence", "description",
                                                              "spent_on", "reference", "request_id"}));

  v1::RecordSpendRequest zero = Spend(0);
  EXPECT_EQ(FieldsOf(lines_->RecordSpend(caller_, zero).status()), std::vector<std::string>{"amount_pence"});
  v1::RecordSpendRequest impossible = Spend(5);
  *impossible.mutable_spent_on() = Day(2022, 13, 1);
  EXPECT_EQ(FieldsOf(lines_->RecordSpend(caller_, impossible).status()).at(0), "spent_on.month");
}

TEST_P(BudgetLinesTest, SpendCannotBeDatedInTheFuture) {
  CreateCoaching();
  v1::RecordSpendRequest request = Spend(100);
  *request.mutable_spent_on() = Day(2200, 1, 1);
  auto future = lines_->RecordSpend(caller_, request);
  EXPECT_EQ(future.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(future.status()), std::vector<std::string>{"spent_on"});
  EXPECT_EQ(Get(kCoaching).spent_pence(), 0);
}

TEST_P(BudgetLinesTest, SpendOnAMissingLineIsNotFoundAndAStaleEtagAborted) {
  CreateCoaching();
  v1::RecordSpendRequest missing = Spend(100);
  missing.set_name("plans/2022-23/budgetLines/nothing-here");
  EXPECT_EQ(lines_->RecordSpend(caller_, missing).status().code(), absl::StatusCode::kNotFound);
  v1::RecordSpendRequest stale = Spend(100);
  stale.set_etag("2");
  EXPECT_EQ(lines_->RecordSpend(caller_, stale).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(kCoaching).spent_pence(), 0);
}

TEST_P(BudgetLinesTest, SpendRetriedWithTheSameRequestIdIsRecordedOnce) {
  CreateCoaching();
  auto first = lines_->RecordSpend(caller_, Spend(2500, "invoice-42"));
  ASSERT_TRUE(first.ok()) << first.status();
  auto again = lines_->RecordSpend(caller_, Spend(2500, "invoice-42"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->spent_pence(), 2500);
  EXPECT_EQ(Movements(kCoaching, {v1::BudgetMovement::SPEND_RECORDED}).size(), 1u);
  // The same id sent to another method is another request.
  ASSERT_TRUE(lines_->AdjustAllocation(caller_, Adjust(1, "invoice-42")).ok());
  EXPECT_EQ(Get(kCoaching).allocated_pence(), 1000001);
}

// ---- ListBudgetMovements ----

TEST_P(BudgetLinesTest, MovementsAreTheLedgerOldestFirst) {
  CreateCoaching();
  ASSERT_TRUE(lines_->AdjustAllocation(caller_, Adjust(-1000)).ok());
  ASSERT_TRUE(lines_->RecordSpend(caller_, Spend(300)).ok());
  const auto movements = Movements(kCoaching);
  ASSERT_EQ(movements.size(), 3u);
  std::vector<v1::BudgetMovement::Kind> kinds;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(movements[i].name(), std::string(kCoaching) + "/movements/" + std::to_string(i + 1));
    kinds.push_back(movements[i].kind());
  }
  EXPECT_EQ(kinds, (std::vector<v1::BudgetMovement::Kind>{v1::BudgetMovement::OPENING_ALLOCATION,
                                                          v1::BudgetMovement::ALLOCATION_ADJUSTED,
                                                          v1::BudgetMovement::SPEND_RECORDED}));
  EXPECT_EQ(movements[1].amount_pence(), -1000);
  EXPECT_EQ(movements[2].allocated_after_pence(), 999000);
  EXPECT_EQ(movements[2].spent_after_pence(), 300);
}

TEST_P(BudgetLinesTest, WholePlansMovementsPageByKind) {
  CreateCoaching();
  Create(LineRequest("2022-23-mentoring", "2022-23", 1, "mentoring", 500));
  Create(LineRequest("2022-23-coaching", "2022-23", 1, "", 700, kOtherPlan));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(lines_->RecordSpend(caller_, Spend(10)).ok());

  v1::ListBudgetMovementsRequest request;
  request.set_parent("plans/2022-23/budgetLines/-");
  request.add_kinds(v1::BudgetMovement::OPENING_ALLOCATION);
  request.add_kinds(v1::BudgetMovement::SPEND_RECORDED);
  request.set_page_size(2);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    auto response = lines_->ListBudgetMovements(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& m : response->movements()) seen.push_back(m.name());
    request.set_page_token(response->next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  // Only plan 2022-23's five movements, each once (the other plan's line is not among them).
  ASSERT_EQ(seen.size(), 5u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{
                      std::string(kCoaching) + "/movements/1", std::string(kCoaching) + "/movements/2",
                      std::string(kCoaching) + "/movements/3", std::string(kCoaching) + "/movements/4",
                      "plans/2022-23/budgetLines/2022-23-mentoring/movements/1"}));
  EXPECT_EQ(Movements("plans/2022-23/budgetLines/-", {v1::BudgetMovement::ALLOCATION_ADJUSTED}).size(), 0u);
}

TEST_P(BudgetLinesTest, MovementListRejectsBadParentsAndKinds) {
  CreateCoaching();
  v1::ListBudgetMovementsRequest request;
  request.set_parent("plans/-/budgetLines/-");
  request.add_kinds(v1::BudgetMovement::SPEND_RECORDED);
  request.add_kinds(v1::BudgetMovement::KIND_UNSPECIFIED);
  request.add_kinds(static_cast<v1::BudgetMovement::Kind>(42));
  request.set_page_token("nope");
  auto bad = lines_->ListBudgetMovements(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"parent", "kinds[1]", "kinds[2]", "page_token"}));

  v1::ListBudgetMovementsRequest missing_line;
  missing_line.set_parent("plans/2022-23/budgetLines/nothing-here");
  EXPECT_EQ(lines_->ListBudgetMovements(caller_, missing_line).status().code(), absl::StatusCode::kNotFound);
  v1::ListBudgetMovementsRequest missing_plan;
  missing_plan.set_parent("plans/2030-31/budgetLines/-");
  EXPECT_EQ(lines_->ListBudgetMovements(caller_, missing_plan).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(BudgetLinesTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(BudgetLineListTest);

}  // namespace
}  // namespace wp::governance
