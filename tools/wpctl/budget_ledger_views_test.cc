#include "tools/wpctl/budget_ledger_views.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

namespace gov = ::wp::governance::v1;
using ::testing::HasSubstr;

gov::BudgetMovement* Add(gov::ListBudgetMovementsResponse& r, gov::BudgetMovement::Kind kind, int64_t amount,
                         int64_t allocated, int64_t spent, int64_t seconds) {
  gov::BudgetMovement* m = r.add_movements();
  m->set_kind(kind);
  m->set_amount_pence(amount);
  m->set_allocated_after_pence(allocated);
  m->set_spent_after_pence(spent);
  m->set_recorded_by("fiona.finance");
  m->mutable_create_time()->set_seconds(seconds);
  return m;
}

TEST(WpctlLedgerViews, EveryMovementWithTheRunningAvailableAmount) {
  gov::ListBudgetMovementsResponse r;
  Add(r, gov::BudgetMovement::OPENING_ALLOCATION, 500000, 500000, 0, 1772323200);
  gov::BudgetMovement* spend = Add(r, gov::BudgetMovement::SPEND_RECORDED, 100000, 500000, 100000, 1772326800);
  spend->set_reason("Mentor training day");
  spend->set_reference("INV-7");
  gov::BudgetMovement* out = Add(r, gov::BudgetMovement::REALLOCATED_OUT, -50000, 450000, 100000, 1772330400);
  out->set_counterpart_line("plans/2022-23/budgetLines/2022-23-coaching");
  out->set_reason("places unused");
  const std::string text = LedgerText("plans/2022-23/budgetLines/2022-23-mentoring", r);
  EXPECT_THAT(text, HasSubstr("plans/2022-23/budgetLines/2022-23-mentoring\n"));
  EXPECT_THAT(text, HasSubstr("opening allocation"));
  EXPECT_THAT(text, HasSubstr("£5,000.00"));
  EXPECT_THAT(text, HasSubstr("-£1,000.00"));  // a spend takes money away
  EXPECT_THAT(text, HasSubstr("£4,000.00"));   // available after the spend
  EXPECT_THAT(text, HasSubstr("Mentor training day (ref INV-7)"));
  EXPECT_THAT(text, HasSubstr("moved out to 2022-23-coaching"));
  EXPECT_THAT(text, HasSubstr("-£500.00"));
  EXPECT_THAT(text, HasSubstr("£3,500.00"));
  EXPECT_THAT(text, HasSubstr("fiona.finance"));
}

TEST(WpctlLedgerViews, SaysSoWhenThereAreNone) {
  EXPECT_EQ(LedgerText("plans/p/budgetLines/x", {}), "plans/p/budgetLines/x: no movements\n");
}

TEST(WpctlLedgerViews, MovementWords) {
  gov::BudgetMovement m;
  m.set_kind(gov::BudgetMovement::REALLOCATED_IN);
  m.set_counterpart_line("plans/p/budgetLines/a");
  EXPECT_EQ(MovementWord(m), "moved in from a");
  m.set_kind(gov::BudgetMovement::ALLOCATION_ADJUSTED);
  EXPECT_EQ(MovementWord(m), "allocation adjusted");
}

TEST(WpctlLedgerViews, ARetriedSpendSaysItWasRecordedBefore) {
  gov::ListBudgetMovementsResponse r;
  gov::BudgetMovement* spend = Add(r, gov::BudgetMovement::SPEND_RECORDED, 120000, 500000, 120000, 1772326800);
  spend->set_name("plans/2026-27/budgetLines/2026-27-coaching/movements/3");
  spend->set_reason("Coach fees, term 1");
  gov::BudgetLine line;
  line.set_name("plans/2026-27/budgetLines/2026-27-coaching");
  line.set_spent_pence(120000);
  const std::string text = ReplayedSpendText(spend->name(), spend, line);
  EXPECT_THAT(text, HasSubstr("already recorded as plans/2026-27/budgetLines/2026-27-coaching/movements/3 at "));
  EXPECT_THAT(text, HasSubstr(": nothing spent now\nit spent £1,200.00 (Coach fees, term 1)\n"));
  EXPECT_THAT(text, HasSubstr("plans/2026-27/budgetLines/2026-27-coaching"));

  // The movement could not be read: its name is still said.
  const std::string bare = ReplayedSpendText(spend->name(), nullptr, line);
  EXPECT_THAT(bare, HasSubstr("already recorded as plans/2026-27/budgetLines/2026-27-coaching/movements/3: "
                              "nothing spent now\n"));
}

}  // namespace
}  // namespace wp::wpctl
