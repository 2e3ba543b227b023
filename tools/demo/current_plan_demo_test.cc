// The current plan of the demo on several load days (an ordinary term day,
// 29 February, a day in July between sessions, the first day of a session
// and of a financial year): named for the session holding the day, budgeted
// in the financial year holding it, with tracker rows done, on track and
// overdue, an action plan that parses into the same shape, and the next
// Board meeting ahead with the current plan on its agenda.
#include "tools/demo/current_plan_demo.h"

#include <string>
#include <variant>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/governance_demo.h"

namespace wp::demo {
namespace {

using ::testing::HasSubstr;

absl::CivilDay Civil(const common::v1::Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

TEST(DemoCalendarTest, SessionsRunAugustToJulyAndYearsAprilToMarch) {
  EXPECT_EQ(CurrentSession(absl::CivilDay(2026, 12, 3)), "2026-27");
  EXPECT_EQ(CurrentSession(absl::CivilDay(2026, 8, 1)), "2026-27");
  EXPECT_EQ(CurrentSession(absl::CivilDay(2027, 7, 31)), "2026-27");  // the summer holiday
  EXPECT_EQ(CurrentSession(absl::CivilDay(2099, 12, 31)), "2099-00");
  EXPECT_EQ(SessionStart("2026-27"), absl::CivilDay(2026, 8, 1));
  EXPECT_EQ(FinancialYearOf(absl::CivilDay(2027, 3, 31)), "2026-27");
  EXPECT_EQ(FinancialYearOf(absl::CivilDay(2027, 4, 1)), "2027-28");
  EXPECT_EQ(FinancialYearStart("2027-28"), absl::CivilDay(2027, 4, 1));
  EXPECT_EQ(NotBefore(absl::CivilDay(2027, 3, 30), absl::CivilDay(2027, 4, 1)), absl::CivilDay(2027, 4, 1));
  EXPECT_EQ(NotBefore(absl::CivilDay(2027, 4, 2), absl::CivilDay(2027, 4, 1)), absl::CivilDay(2027, 4, 2));
}

class CurrentPlanDemoTest : public ::testing::TestWithParam<absl::CivilDay> {
 protected:
  absl::CivilDay today_ = GetParam();
  std::string session_ = CurrentSession(today_);
  std::string year_ = FinancialYearOf(today_);
};

INSTANTIATE_TEST_SUITE_P(LoadDays, CurrentPlanDemoTest,
                         ::testing::Values(absl::CivilDay(2026, 12, 3), absl::CivilDay(2028, 2, 29),
                                           absl::CivilDay(2027, 7, 15), absl::CivilDay(2026, 8, 1),
                                           absl::CivilDay(2027, 4, 1), absl::CivilDay(2024, 5, 20)));

TEST_P(CurrentPlanDemoTest, TrackerRowsAreDoneOnTrackAndOverdue) {
  int complete = 0, ahead = 0, overdue = 0;
  for (const workstreams::v1::PlanItem& item : CurrentPlanItems(today_)) {
    EXPECT_EQ(item.plan_period(), session_);
    EXPECT_FALSE(item.lead().empty()) << item.ref();
    ASSERT_TRUE(item.has_expected_date()) << item.ref();
    ASSERT_TRUE(calendar::Validate(item.expected_date(), "expected_date", false).ok()) << item.ref();
    const absl::CivilDay due = Civil(item.expected_date());
    if (item.status() == workstreams::v1::COMPLETE) {
      EXPECT_LT(due, today_) << item.ref();
      ++complete;
    } else if (due < today_) {
      ++overdue;  // open and past its date: what `items list --overdue` shows
    } else {
      ++ahead;
    }
  }
  EXPECT_GE(complete, 2);
  EXPECT_GE(ahead, 2);
  EXPECT_GE(overdue, 2);
}

TEST_P(CurrentPlanDemoTest, TheActionPlanHasADoneAnOverdueAndALaterTask) {
  const std::string csv = CurrentActionPlanCsv(today_);
  EXPECT_THAT(csv, HasSubstr("Project title,Specific tasks,Expected outcomes,Participants,Timescale"));
  EXPECT_THAT(csv, HasSubstr("Numeracy in the broad general education,"));
  EXPECT_THAT(csv, HasSubstr(session_));
  // Rows end in the status; the month of each is ahead of or behind today's.
  const std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  int complete = 0, overdue = 0, later = 0, ongoing = 0;
  for (const std::string& line : lines) {
    for (int month = 1; month <= 12; ++month) {
      for (int64_t y : {today_.year() - 1, today_.year(), today_.year() + 1}) {
        const absl::CivilMonth m(y, month);
        const std::string text = absl::FormatTime("%B %Y", absl::FromCivil(m, absl::UTCTimeZone()),
                                                  absl::UTCTimeZone());
        if (line.find("," + text + ",") == std::string::npos) continue;
        const absl::CivilDay last_day = absl::CivilDay(m + 1) - 1;
        if (absl::EndsWith(line, ",Complete")) {
          EXPECT_LT(last_day, today_) << line;
          ++complete;
        } else if (last_day < today_) {
          ++overdue;
        } else {
          ++later;
        }
      }
    }
    if (line.find(",Ongoing,") != std::string::npos) ++ongoing;
  }
  EXPECT_EQ(complete, 1);
  EXPECT_EQ(overdue, 1);
  EXPECT_EQ(later, 2);
  EXPECT_EQ(ongoing, 1);
}

TEST_P(CurrentPlanDemoTest, GovernanceHasThePlanItsBudgetAndTheNextBoard) {
  const GovernanceDemo demo = BuildGovernanceDemo(today_);
  const gv1::Plan* plan = nullptr;
  for (const auto& request : demo.plans) {
    if (request.plan_id() == session_) plan = &request.plan();
  }
  ASSERT_NE(plan, nullptr) << session_;
  EXPECT_EQ(plan->session_span(), session_);
  EXPECT_EQ(plan->workstreams_size(), 3);
  bool action_plan_project = false;
  for (const auto& p : plan->projects()) action_plan_project |= p.id() == kCurrentActionPlanProject;
  EXPECT_TRUE(action_plan_project);

  const std::string plan_name = "plans/" + session_;
  gv1::Plan::State state = gv1::Plan::DRAFT;
  absl::CivilDay approved;
  int lines = 0, spends = 0, moves = 0;
  const GovMeeting* next = nullptr;
  for (const GovEvent& e : demo.timeline) {
    if (const auto* m = std::get_if<GovMeeting>(&e)) {
      const absl::CivilDay day = Civil(m->request.meeting().meeting_date());
      EXPECT_EQ(m->held, day <= today_) << m->key;  // held meetings are past, the scheduled one ahead
      if (!m->held) next = m;
      if (m->key == "board-" + session_ + "-approve") approved = day;
    } else if (const auto* step = std::get_if<GovPlanStep>(&e)) {
      if (step->plan == plan_name) state = step->to_state;
    } else if (const auto* line = std::get_if<gv1::CreateBudgetLineRequest>(&e)) {
      if (line->parent() != plan_name) continue;
      EXPECT_EQ(line->budget_line().financial_year(), year_);
      ++lines;
    } else if (const auto* spend = std::get_if<gv1::RecordSpendRequest>(&e)) {
      if (!absl::StartsWith(spend->name(), plan_name + "/")) continue;
      const absl::CivilDay day = Civil(spend->spent_on());
      EXPECT_LE(day, today_);
      EXPECT_GE(day, FinancialYearStart(year_));
      EXPECT_GE(day, today_ - 45);  // recent
      ++spends;
    } else if (const auto* move = std::get_if<GovReallocation>(&e)) {
      if (move->request.parent() != plan_name) continue;
      const absl::CivilDay day = Civil(move->request.reallocation().effective_date());
      EXPECT_LE(day, today_);
      EXPECT_GE(day, today_ - 21);
      ++moves;
    }
  }
  EXPECT_EQ(state, gv1::Plan::ACTIVE);
  EXPECT_LT(approved, SessionStart(session_));  // approved before its session began
  EXPECT_GE(SessionStart(session_) - approved, 30);
  EXPECT_EQ(lines, 5);
  EXPECT_GE(spends, 3);
  EXPECT_EQ(moves, 1);

  ASSERT_NE(next, nullptr);
  const absl::CivilDay next_day = Civil(next->request.meeting().meeting_date());
  EXPECT_GE(next_day - today_, 14);
  EXPECT_LE(next_day - today_, 21);
  int on_current_plan = 0;
  for (const auto& item : next->request.meeting().agenda_items()) {
    on_current_plan += item.plan() == plan_name ? 1 : 0;
  }
  EXPECT_GE(on_current_plan, 2);
}

}  // namespace
}  // namespace wp::demo
