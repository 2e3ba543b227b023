#include "tools/wpctl/plan_views.h"

#include <cstdint>
#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

gov::BudgetLine Line(const char* id, int ws, const char* project, int64_t allocated,
                     int64_t spent) {
  gov::BudgetLine l;
  l.set_name(std::string("plans/2022-23/budgetLines/") + id);
  l.set_financial_year("2022-23");
  l.set_workstream_number(ws);
  l.set_project_id(project);
  l.set_title(id);
  l.set_allocated_pence(allocated);
  l.set_spent_pence(spent);
  l.set_available_pence(allocated - spent);
  return l;
}

TEST(PlanViewsTest, PoundsAreExact) {
  EXPECT_EQ(PoundsText(0), "£0.00");
  EXPECT_EQ(PoundsText(123450), "£1,234.50");
  EXPECT_EQ(PoundsText(-1250), "-£12.50");
}

TEST(PlanViewsTest, EmptyListsSaySo) {
  EXPECT_EQ(PlansText({}), "no plans\n");
  EXPECT_EQ(SponsorshipsText({}), "no sponsorships\n");
  EXPECT_EQ(BudgetLinesText({}), "no budget lines\n");
}

TEST(PlanViewsTest, PlanWithWorkstreamsProjectsAndSteps) {
  gov::Plan plan;
  plan.set_name("plans/2020-23");
  plan.set_title("Regional Improvement Plan 2020-23");
  plan.set_session_span("2020-23");
  plan.set_theme("recovery and renewal");
  plan.set_state(gov::Plan::ACTIVE);
  plan.set_revision(1);
  plan.add_priorities("Wellbeing");
  plan.add_priorities("Learning at home");
  auto* ws = plan.add_workstreams();
  ws->set_number(1);
  ws->set_title("Wellbeing and recovery");
  ws->set_workstream("planPeriods/2020-23/workstreams/1");
  auto* project = plan.add_projects();
  project->set_id("west-online-school");
  project->set_title("West Online School");
  project->set_workstream_number(1);
  project->set_status(gov::PlanProject::PRIORITISED);
  auto* step = plan.add_steps();
  step->set_to_state(gov::Plan::BOARD_APPROVED);
  step->set_by("Board");
  step->set_meeting("bodies/board/meetings/2");
  step->set_decision("bodies/board/meetings/2/decisions/1");
  step->mutable_step_time()->set_seconds(1599739200);  // 2020-09-10 12:00 UTC

  const std::string text = PlanText(plan);
  EXPECT_THAT(text, HasSubstr("state:        active\n"));
  EXPECT_THAT(text, HasSubstr("priorities:   1. Wellbeing\n              2. Learning at home\n"));
  EXPECT_THAT(text, HasSubstr("workstreams (1):\n"));
  EXPECT_THAT(text, HasSubstr(" 1  Wellbeing and recovery  planPeriods/2020-23/workstreams/1\n"));
  EXPECT_THAT(text, HasSubstr(" 1  west-online-school  prioritised  West Online School\n"));
  EXPECT_THAT(text, HasSubstr("steps:\n  2020-09-10 12:00:00 UTC  approved by Board at board/2 "
                              "(decision board/2/1)\n"));

  gov::ListPlansResponse plans;
  *plans.add_plans() = plan;
  EXPECT_THAT(PlansText(plans),
              HasSubstr("2020-23  2020-23  active         1  Regional Improvement Plan 2020-23"
                        "  recovery and renewal\n"));

  plan.clear_steps();
  plan.clear_workstreams();
  plan.clear_projects();
  EXPECT_THAT(PlanText(plan), HasSubstr("workstreams: none\n"));
  EXPECT_THAT(PlanText(plan), HasSubstr("steps: none\n"));
  EXPECT_THAT(PlanText(plan), Not(HasSubstr("projects")));
}

TEST(PlanViewsTest, SponsorshipsShowNamesAndDates) {
  gov::ListSponsorshipsResponse response;
  auto* s = response.add_sponsorships();
  s->set_name("plans/2022-23/sponsorships/1");
  s->set_workstream_number(2);
  s->set_sponsor("people/kenneth-drummond");
  s->set_sponsor_display_name("Kenneth Drummond");
  s->mutable_start_date()->set_year(2022);
  s->mutable_start_date()->set_month(8);
  s->mutable_start_date()->set_day(25);
  EXPECT_THAT(SponsorshipsText(response),
              HasSubstr("plans/2022-23/sponsorships/1   2  Kenneth Drummond  2022-08-25  -\n"));
}

TEST(PlanViewsTest, BudgetLinesWithTotals) {
  gov::ListBudgetLinesResponse response;
  *response.add_budget_lines() =
      Line("2022-23-mentoring", 2, "headteacher-mentoring", 6000000, 875000);
  *response.add_budget_lines() = Line("2022-23-wellbeing", 1, "", 41000000, 3850000);
  const std::string text = BudgetLinesText(response);
  EXPECT_THAT(text,
              HasSubstr("2022-23-mentoring  2022-23   2  headteacher-mentoring  2022-23-mentoring"
                        "   £60,000.00   £8,750.00   £51,250.00\n"));
  EXPECT_THAT(text, HasSubstr("2022-23-wellbeing  2022-23   1  -"));
  EXPECT_THAT(text, HasSubstr("Total  "));
  EXPECT_THAT(text, HasSubstr("£470,000.00  £47,250.00  £422,750.00\n"));
}

TEST(PlanViewsTest, BudgetTotalsNeverWrap) {
  gov::ListBudgetLinesResponse response;
  const int64_t max = std::numeric_limits<int64_t>::max();
  *response.add_budget_lines() = Line("a", 1, "", max, 0);
  *response.add_budget_lines() = Line("b", 1, "", 1, 0);
  EXPECT_THAT(BudgetLinesText(response), HasSubstr("too large"));
}

TEST(PlanViewsTest, BudgetSummaryAndLine) {
  gov::BudgetSummary summary;
  summary.set_plan("plans/2022-23");
  summary.set_financial_year("2022-23");
  auto* w = summary.add_workstreams();
  w->set_workstream_number(2);
  w->set_workstream_title("Leadership, Empowerment and Improvement");
  w->set_financial_year("2022-23");
  w->set_line_count(3);
  w->mutable_amounts()->set_allocated_pence(42000000);
  w->mutable_amounts()->set_spent_pence(1000);
  w->mutable_amounts()->set_available_pence(41999000);
  auto* y = summary.add_years();
  y->set_financial_year("2022-23");
  *y->mutable_amounts() = w->amounts();
  *summary.mutable_total() = w->amounts();
  const std::string text = BudgetSummaryText(summary);
  EXPECT_THAT(text, HasSubstr("Budget of 2022-23, financial year 2022-23 (computed -)\n"));
  EXPECT_THAT(text,
              HasSubstr("2022-23   2  Leadership, Empowerment and Improvement      3  £420,000.00"
                        "  £10.00  £419,990.00\n"));
  // One year: no year subtotal, just the total.
  EXPECT_THAT(text, Not(HasSubstr("Year total")));
  EXPECT_THAT(text, HasSubstr("Total"));
  *summary.add_years() = *y;
  EXPECT_THAT(BudgetSummaryText(summary), HasSubstr("Year total"));

  const std::string line =
      BudgetLineText(Line("2022-23-coaching", 2, "executive-coaching", 13000000, 4200000));
  EXPECT_THAT(line, HasSubstr("allocated:      £130,000.00\n"));
  EXPECT_THAT(line, HasSubstr("available:      £88,000.00\n"));
}

TEST(PlanViewsTest, ReallocationShowsBothLines) {
  gov::ReallocateBudgetResponse response;
  auto* r = response.mutable_reallocation();
  r->set_name("plans/2022-23/reallocations/1");
  r->set_from_line("plans/2022-23/budgetLines/2022-23-mentoring");
  r->set_to_line("plans/2022-23/budgetLines/2022-23-coaching");
  r->set_amount_pence(3500000);
  r->set_approving_body("bodies/finance-sub-group");
  *response.mutable_from_line() = Line("2022-23-mentoring", 2, "", 2500000, 875000);
  *response.mutable_to_line() = Line("2022-23-coaching", 2, "", 13000000, 4200000);
  const std::string text = ReallocationText(response);
  EXPECT_THAT(text, HasSubstr("moved £35,000.00 from 2022-23-mentoring to 2022-23-coaching "
                              "(plans/2022-23/reallocations/1, approved by finance-sub-group)\n"));
  EXPECT_THAT(text, HasSubstr("2022-23-mentoring   £25,000.00   £8,750.00  £16,250.00\n"));
  EXPECT_THAT(text, HasSubstr("2022-23-coaching   £130,000.00  £42,000.00  £88,000.00\n"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("already recorded")));

  // A retry of a recorded request reads as that, not as a second move.
  response.set_replayed(true);
  response.mutable_reallocation()->mutable_create_time()->set_seconds(1772373600);
  const std::string again = ReallocationText(response);
  EXPECT_THAT(again, HasSubstr("already recorded as plans/2022-23/reallocations/1 at 2026-03-01 14:00:00 UTC: "
                               "nothing moved now\nit moved £35,000.00 from 2022-23-mentoring"));
}

TEST(PlanViewsTest, AmendmentsWithProjectChanges) {
  EXPECT_EQ(AmendmentsText({}), "amendments: none\n");
  gov::ListPlanAmendmentsResponse response;
  auto* a = response.add_amendments();
  a->set_title("Interim Action Plan, January 2021");
  a->set_revision(1);
  a->set_approving_body("bodies/board");
  a->set_meeting("bodies/board/meetings/3");
  a->mutable_effective_date()->set_year(2021);
  a->mutable_effective_date()->set_month(1);
  a->mutable_effective_date()->set_day(18);
  auto* change = a->add_project_changes();
  change->mutable_project()->set_id("west-online-school");
  change->mutable_project()->set_status(gov::PlanProject::PRIORITISED);
  change->set_previous_status(gov::PlanProject::ACTIVE);
  change->set_note("Main offer\nduring remote learning");
  change = a->add_project_changes();
  change->mutable_project()->set_id("new-project");
  change->mutable_project()->set_status(gov::PlanProject::ACTIVE);
  a->mutable_content_mask()->add_paths("priorities");
  EXPECT_EQ(
      AmendmentsText(response),
      "amendments (1):\n"
      "  2021-01-18  Interim Action Plan, January 2021 (revision 1, approved by board at board/3)\n"
      "    west-online-school: active -> prioritised (Main offer during remote learning)\n"
      "    new-project: - -> active\n"
      "    changed: priorities\n");
}

TEST(PlanViewsTest, BudgetSummaryWithoutLines) {
  gov::BudgetSummary summary;
  summary.set_plan("plans/2018-21");
  EXPECT_EQ(BudgetSummaryText(summary), "Budget of 2018-21: no budget lines\n");
  summary.set_financial_year("2019-20");
  EXPECT_EQ(BudgetSummaryText(summary),
            "Budget of 2018-21, financial year 2019-20: no budget lines\n");
}

}  // namespace
}  // namespace wp::wpctl
