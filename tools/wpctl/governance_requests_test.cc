#include "tools/wpctl/governance_requests.h"

#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/calendar/dates.h"

namespace wp::wpctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// What main.cc hands a command: the words after "group verb" and the options.
Args Make(std::vector<std::string> positional, std::map<std::string, std::string> options = {}) {
  Args args;
  args.positional = std::move(positional);
  args.options = std::move(options);
  return args;
}

template <typename T>
std::string UsageMessage(const absl::StatusOr<T>& result) {
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(IsUsageError(result.status())) << result.status();
  return std::string(result.status().message());
}

common::v1::Date Day(int y, int m, int d) {
  common::v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(PopulationRequestsTest, GetNamesTheFigures) {
  EXPECT_EQ(PopulationGetRequest(Make({"glasgow", "2022-23"}))->name(),
            PopulationGetRequest(Make({"GCC", "2022-23"}))->name());
  auto request = PopulationGetRequest(Make({"Glasgow City", "2022-23"}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->name(), "authorities/GCC/populations/2022-23");
  EXPECT_THAT(UsageMessage(PopulationGetRequest(Make({"Atlantis", "2022-23"}))),
              HasSubstr("authority"));
  EXPECT_THAT(UsageMessage(PopulationGetRequest(Make({"GCC", "2022"}))), HasSubstr("SESSION"));
}

TEST(PopulationRequestsTest, SetSendsTheCountsAndCreatesWhenMissing) {
  auto request = PopulationSetRequest(Make(
      {"inv", "2022-23"}, {{"learners", "9900"}, {"teachers", "790"}, {"establishments", "42"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->population().name(), "authorities/INV/populations/2022-23");
  EXPECT_EQ(request->population().learners(), 9900);
  EXPECT_EQ(request->population().teachers_and_practitioners(), 790);
  EXPECT_EQ(request->population().establishments(), 42);
  EXPECT_TRUE(request->allow_missing());
  // Without --source the stored source (and the quintiles) are left alone.
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("learners", "teachers_and_practitioners", "establishments"));

  request = PopulationSetRequest(Make(
      {"INV", "2022-23"},
      {{"learners", "0"}, {"teachers", "0"}, {"establishments", "0"}, {"source", "Census 2022"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->population().source(), "Census 2022");
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("learners", "teachers_and_practitioners", "establishments", "source"));
}

TEST(PopulationRequestsTest, SetRejectsMissingAndBadCounts) {
  const std::map<std::string, std::string> good = {
      {"learners", "1"}, {"teachers", "1"}, {"establishments", "1"}};
  for (const char* missing : {"learners", "teachers", "establishments"}) {
    auto options = good;
    options.erase(missing);
    EXPECT_THAT(UsageMessage(PopulationSetRequest(Make({"GCC", "2022-23"}, options))),
                HasSubstr(std::string("--") + missing + " is required"));
  }
  for (const char* bad : {"-1", "12abc", "1.5", "99999999999", ""}) {
    auto options = good;
    options["learners"] = bad;
    EXPECT_THAT(UsageMessage(PopulationSetRequest(Make({"GCC", "2022-23"}, options))),
                HasSubstr("--learners"))
        << bad;
  }
  UsageMessage(PopulationSetRequest(Make({"XX", "2022-23"}, good)));
}

TEST(PopulationRequestsTest, SetSendsTheQuintilesGiven) {
  auto request = PopulationSetRequest(Make(
      {"GCC", "2022-23"},
      {{"learners", "70000"}, {"teachers", "5000"}, {"establishments", "300"}, {"quintiles", "2=80, 1=120,5=10"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  ASSERT_EQ(request->population().establishments_by_quintile_size(), 3);
  EXPECT_EQ(request->population().establishments_by_quintile(0).quintile(), 1);
  EXPECT_EQ(request->population().establishments_by_quintile(0).establishments(), 120);
  EXPECT_EQ(request->population().establishments_by_quintile(2).quintile(), 5);
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("learners", "teachers_and_practitioners", "establishments", "establishments_by_quintile"));
  EXPECT_TRUE(ParseQuintiles("")->empty());  // clears them
  for (const char* bad : {"6=1", "0=1", "1=-2", "1", "1=x", "a=1", "1=1,1=2"}) {
    EXPECT_THAT(UsageMessage(ParseQuintiles(bad)), HasSubstr("--quintiles")) << bad;
  }
}

TEST(PopulationRequestsTest, RegionNeedsASession) {
  EXPECT_EQ(RegionPopulationRequest(Make({"2022-23"}))->session(), "2022-23");
  UsageMessage(RegionPopulationRequest(Make({"2022-24"})));
}

TEST(PeopleRequestsTest, AuthorityByCodeOrName) {
  auto request =
      PeopleListRequest(Make({}, {{"authority", "east dunbartonshire"}, {"query", "smith"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->authority(), "EDC");
  EXPECT_EQ(request->query(), "smith");
  EXPECT_EQ(PeopleListRequest(Make({}))->authority(), "");
  EXPECT_THAT(UsageMessage(PeopleListRequest(Make({}, {{"authority", "Fife"}}))),
              HasSubstr("--authority"));
}

TEST(MembersRequestsTest, BodyAndActiveOn) {
  auto request = MembersListRequest(Make({"committee"}, {{"active-on", "2022-06-30"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/regional-education-committee");
  EXPECT_EQ(request->active_on().year(), 2022);
  EXPECT_EQ(request->active_on().day(), 30);
  EXPECT_FALSE(MembersListRequest(Make({"board"}))->has_active_on());
  EXPECT_THAT(UsageMessage(MembersListRequest(Make({"board"}, {{"active-on", "2022-02-30"}}))),
              HasSubstr("--active-on"));
  EXPECT_THAT(UsageMessage(MembersListRequest(Make({"board"}, {{"active-on", "2022-06"}}))),
              HasSubstr("--active-on"));
  UsageMessage(MembersListRequest(Make({"a/b"})));
}

TEST(MeetingsRequestsTest, EveryBodyOrOneWithDates) {
  auto request = MeetingsListRequest(Make({}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/-");
  EXPECT_FALSE(request->has_from_date());

  request = MeetingsListRequest(Make({"board"}, {{"from", "2022-01-01"}, {"to", "2022-12-31"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/board");
  EXPECT_EQ(request->from_date().year(), 2022);
  EXPECT_EQ(request->to_date().month(), 12);

  EXPECT_THAT(
      UsageMessage(MeetingsListRequest(Make({}, {{"from", "2022-12-31"}, {"to", "2022-01-01"}}))),
      HasSubstr("--to is before --from"));
  EXPECT_THAT(UsageMessage(MeetingsListRequest(Make({}, {{"to", "soon"}}))), HasSubstr("--to"));
  UsageMessage(MeetingsListRequest(Make({"board/12"})));
}

TEST(MeetingsRequestsTest, UpcomingAndUkDates) {
  auto request = MeetingsListRequest(Make({}, {{"from", "01/02/2023"}, {"to", "2023-03-01"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->from_date().month(), 2);
  const common::v1::Date today = calendar::TodayUtc();
  request = MeetingsListRequest(Make({}, {{"upcoming", "true"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->from_date().DebugString(), today.DebugString());
  request = MeetingsListRequest(Make({}, {{"from", "today"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->from_date().DebugString(), today.DebugString());
  // Compared as dates, not as text: "today" > "2020-..." as text but also as a date here.
  EXPECT_THAT(UsageMessage(MeetingsListRequest(Make({}, {{"from", "today"}, {"to", "yesterday"}}))),
              HasSubstr("--to is before --from"));
  EXPECT_THAT(UsageMessage(MeetingsListRequest(Make({}, {{"upcoming", "true"}, {"from", "today"}}))),
              HasSubstr("--upcoming"));
}

TEST(DecisionsRequestsTest, MeetingBodyOrAllWithPlan) {
  EXPECT_EQ(DecisionsListRequest(Make({}))->parent(), "bodies/-/meetings/-");
  EXPECT_EQ(DecisionsListRequest(Make({"board"}))->parent(), "bodies/board/meetings/-");
  auto request = DecisionsListRequest(Make({"board/12"}, {{"plan", "2022-23"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/board/meetings/12");
  EXPECT_EQ(request->plan(), "plans/2022-23");
  EXPECT_THAT(UsageMessage(DecisionsListRequest(Make({}, {{"plan", "a/b"}}))), HasSubstr("--plan"));
  UsageMessage(DecisionsListRequest(Make({"board/x"})));
}

TEST(ActionsRequestsTest, OverdueMeansOverdueToday) {
  const common::v1::Date today = Day(2026, 11, 23);
  auto request = ActionsListRequest(Make({"board"}, {{"overdue", "true"}}), today);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/board");
  EXPECT_EQ(request->overdue_as_of().day(), 23);
  request = ActionsListRequest(Make({}, {{"overdue", "false"}}), today);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "bodies/-");
  EXPECT_FALSE(request->has_overdue_as_of());
  UsageMessage(ActionsListRequest(Make({"x/y"}), today));
}

TEST(PlanStepRequestsTest, MeetingAndDecisionInShortForms) {
  auto step = PlanStepArgsOf(Make({"2022-23"}, {{"meeting", "board/5"}, {"decision", "2"}}), true);
  ASSERT_TRUE(step.ok()) << step.status();
  EXPECT_EQ(step->plan, "plans/2022-23");
  EXPECT_EQ(step->meeting, "bodies/board/meetings/5");
  EXPECT_EQ(step->decision, "bodies/board/meetings/5/decisions/2");

  step = PlanStepArgsOf(Make({"plans/2022-23"}), false);
  ASSERT_TRUE(step.ok()) << step.status();
  EXPECT_EQ(step->meeting, "");
  EXPECT_EQ(step->decision, "");
  step = PlanStepArgsOf(Make({"2022-23"}, {{"decision", "board/5/2"}}), false);
  ASSERT_TRUE(step.ok()) << step.status();
  EXPECT_EQ(step->decision, "bodies/board/meetings/5/decisions/2");
}

TEST(PlanStepRequestsTest, RejectsMissingOrBadMeetingAndDecision) {
  EXPECT_THAT(UsageMessage(PlanStepArgsOf(Make({"2022-23"}), true)),
              HasSubstr("--meeting is required"));
  EXPECT_THAT(UsageMessage(PlanStepArgsOf(Make({"2022-23"}, {{"meeting", "board"}}), true)),
              HasSubstr("--meeting"));
  EXPECT_THAT(UsageMessage(PlanStepArgsOf(Make({"2022-23"}, {{"decision", "2"}}), false)),
              HasSubstr("--decision"));
  EXPECT_THAT(UsageMessage(PlanStepArgsOf(
                  Make({"2022-23"}, {{"meeting", "board/5"}, {"decision", "x"}}), true)),
              HasSubstr("--decision"));
  UsageMessage(PlanStepArgsOf(Make({"a/b"}, {{"meeting", "board/5"}}), true));
}

TEST(SponsorsRequestsTest, OnePlanOrAll) {
  EXPECT_EQ(SponsorsListRequest(Make({}))->parent(), "plans/-");
  EXPECT_EQ(SponsorsListRequest(Make({"2022-23"}))->parent(), "plans/2022-23");
  UsageMessage(SponsorsListRequest(Make({"a/b"})));
}

TEST(BudgetRequestsTest, LinesAndSummaryTakeAYear) {
  auto lines = BudgetLinesRequest(Make({"2022-23"}, {{"year", "2022-23"}}));
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_EQ(lines->parent(), "plans/2022-23");
  EXPECT_EQ(lines->financial_year(), "2022-23");
  auto summary = BudgetSummaryRequest(Make({"2020-23"}));
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->plan(), "plans/2020-23");
  EXPECT_EQ(summary->financial_year(), "");
  EXPECT_THAT(UsageMessage(BudgetLinesRequest(Make({"2022-23"}, {{"year", "2022"}}))),
              HasSubstr("--year"));
  EXPECT_THAT(UsageMessage(BudgetSummaryRequest(Make({"2022-23"}, {{"year", "2020-23"}}))),
              HasSubstr("--year"));
}

TEST(BudgetRequestsTest, SpendInPounds) {
  auto request = BudgetSpendRequest(Make({"2022-23/2022-23-coaching"}, {{"amount", "£1,234.50"},
                                                                        {"description", "Coaching"},
                                                                        {"date", "2022-11-30"},
                                                                        {"reference", "INV-1"},
                                                                        {"request-id", "r1"}}));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->name(), "plans/2022-23/budgetLines/2022-23-coaching");
  EXPECT_EQ(request->amount_pence(), 123450);
  EXPECT_EQ(request->description(), "Coaching");
  EXPECT_EQ(request->spent_on().month(), 11);
  EXPECT_EQ(request->reference(), "INV-1");
  EXPECT_EQ(request->request_id(), "r1");
}

TEST(BudgetRequestsTest, SpendRejectsBadInput) {
  const std::map<std::string, std::string> good = {
      {"amount", "10"}, {"description", "x"}, {"date", "2022-11-30"}};
  auto with = [&](const std::string& key, const std::string& value) {
    auto options = good;
    if (value.empty()) {
      options.erase(key);
    } else {
      options[key] = value;
    }
    return BudgetSpendRequest(Make({"2022-23/coaching"}, options));
  };
  EXPECT_THAT(UsageMessage(with("amount", "0")), HasSubstr("more than £0.00"));
  EXPECT_THAT(UsageMessage(with("amount", "1,23")), HasSubstr("misplaced commas"));
  EXPECT_THAT(UsageMessage(with("amount", "-5")), HasSubstr("--amount"));
  EXPECT_THAT(UsageMessage(with("amount", "12.345")), HasSubstr("--amount"));
  EXPECT_THAT(UsageMessage(with("amount", "ten")), HasSubstr("--amount"));
  EXPECT_THAT(UsageMessage(with("amount", "")), HasSubstr("--amount is required"));
  EXPECT_THAT(UsageMessage(with("description", "")), HasSubstr("--description is required"));
  EXPECT_THAT(UsageMessage(with("date", "")), HasSubstr("--date is required"));
  EXPECT_THAT(UsageMessage(with("date", "2022-11")), HasSubstr("--date"));
  // A bare line id has no plan to belong to.
  EXPECT_THAT(UsageMessage(BudgetSpendRequest(Make({"coaching"}, good))),
              HasSubstr("needs its plan"));
}

TEST(BudgetRequestsTest, MoveBetweenLinesOfThePlan) {
  const std::map<std::string, std::string> good = {{"from", "2022-23-mentoring"},
                                                   {"to", "2022-23-coaching"},
                                                   {"amount", "35000"},
                                                   {"reason", "Mentoring places unused"},
                                                   {"body", "finance"}};
  auto request = BudgetMoveRequest(Make({"2022-23"}, good));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "plans/2022-23");
  EXPECT_EQ(request->reallocation().from_line(), "plans/2022-23/budgetLines/2022-23-mentoring");
  EXPECT_EQ(request->reallocation().to_line(), "plans/2022-23/budgetLines/2022-23-coaching");
  EXPECT_EQ(request->reallocation().amount_pence(), 3500000);
  EXPECT_EQ(request->reallocation().reason(), "Mentoring places unused");
  EXPECT_EQ(request->reallocation().approving_body(), "bodies/finance-sub-group");
  EXPECT_EQ(request->request_id(), "");
}

TEST(BudgetRequestsTest, MoveRejectsBadInput) {
  const std::map<std::string, std::string> good = {
      {"from", "a"}, {"to", "b"}, {"amount", "1"}, {"reason", "r"}, {"body", "board"}};
  for (const char* missing : {"from", "to", "amount", "reason", "body"}) {
    auto options = good;
    options.erase(missing);
    EXPECT_THAT(UsageMessage(BudgetMoveRequest(Make({"2022-23"}, options))),
                HasSubstr(std::string("--") + missing + " is required"));
  }
  auto options = good;
  options["to"] = "plans/2022-23/budgetLines/a";
  EXPECT_THAT(UsageMessage(BudgetMoveRequest(Make({"2022-23"}, options))), HasSubstr("same line"));
  options = good;
  options["from"] = "a/b/c";
  EXPECT_THAT(UsageMessage(BudgetMoveRequest(Make({"2022-23"}, options))), HasSubstr("--from"));
  options = good;
  options["body"] = "a/b";
  EXPECT_THAT(UsageMessage(BudgetMoveRequest(Make({"2022-23"}, options))), HasSubstr("--body"));
  options = good;
  options["amount"] = "0.00";
  EXPECT_THAT(UsageMessage(BudgetMoveRequest(Make({"2022-23"}, options))), HasSubstr("more than"));
}

}  // namespace
}  // namespace wp::wpctl
