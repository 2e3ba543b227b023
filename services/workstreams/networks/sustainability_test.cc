// Every threshold of the sustainability rule and the reason it gives.
#include "services/workstreams/networks/sustainability.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"

namespace wp::workstreams {
namespace {

const absl::CivilDay kAsOf(2026, 6, 15);

wp::common::v1::Date D(absl::CivilDay day) { return calendar::FromCivilDay(day); }

// A network judged on kAsOf: `covered` authorities with an open-ended
// coordinator, a plan set a month ago, established years ago, cadence 3.
v1::Network Network(int covered) {
  v1::Network n;
  n.set_name("networks/asn-officers");
  n.set_title("ASN officers forum");
  n.set_expected_meetings_per_year(3);
  *n.mutable_established_date() = D(absl::CivilDay(2019, 8, 1));
  for (int i = 0; i < covered; ++i) {
    v1::Coordinator* c = n.add_coordinators();
    c->set_authority(std::string(region::kAuthorities[i].code));
    c->set_person("Person " + std::to_string(i));
  }
  n.add_priorities("Transitions for learners with complex needs");
  n.add_priorities("Shared training for pupil support assistants");
  *n.mutable_action_plan_set_date() = D(kAsOf - 30);
  return n;
}

const std::vector<absl::CivilDay> kThreeMeetings = {kAsOf - 300, kAsOf - 150, kAsOf - 10};

v1::NetworkSustainability Judge(const v1::Network& n, const std::vector<absl::CivilDay>& meetings = kThreeMeetings,
                                int warning_days = 90) {
  return SustainabilityRule{warning_days}.Evaluate(n, meetings, kAsOf);
}

std::vector<std::string> Reasons(const v1::NetworkSustainability& s) { return {s.reasons().begin(), s.reasons().end()}; }

TEST(NetworkSustainabilityRule, FullCoverageMeetingsAndCurrentPlanIsHealthy) {
  const auto s = Judge(Network(8));
  EXPECT_EQ(s.status(), v1::NETWORK_HEALTHY);
  EXPECT_TRUE(s.reasons().empty());
  EXPECT_EQ(s.authorities_covered(), 8);
  EXPECT_EQ(s.authorities_total(), 8);
  EXPECT_EQ(s.meetings_last_12_months(), 3);
  EXPECT_EQ(s.expected_meetings(), 3);
  EXPECT_TRUE(s.action_plan_current());
  EXPECT_EQ(s.network(), "networks/asn-officers");
  EXPECT_EQ(calendar::ToIsoText(s.as_of()), "2026-06-15");
}

TEST(NetworkSustainabilityRule, SixCoveredIsHealthyAndFiveIsAtRisk) {
  EXPECT_EQ(Judge(Network(6)).status(), v1::NETWORK_HEALTHY);
  const auto s = Judge(Network(5));
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"5 of 8 authorities have a current coordinator (fewer than 6)"});
  EXPECT_EQ(s.authorities_without_coordinator_size(), 3);
  EXPECT_EQ(s.authorities_without_coordinator(0), "REN");
}

TEST(NetworkSustainabilityRule, FourCoveredIsAtRiskAndThreeIsLapsing) {
  EXPECT_EQ(Judge(Network(4)).status(), v1::NETWORK_AT_RISK);
  const auto s = Judge(Network(3));
  EXPECT_EQ(s.status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"3 of 8 authorities have a current coordinator (fewer than 4)"});
}

TEST(NetworkSustainabilityRule, EndedOrNotYetStartedTermsDoNotCover) {
  v1::Network n = Network(8);
  *n.mutable_coordinators(0)->mutable_term_end_date() = D(kAsOf - 1);  // ended yesterday
  *n.mutable_coordinators(1)->mutable_start_date() = D(kAsOf + 1);     // starts tomorrow
  *n.mutable_coordinators(2)->mutable_term_end_date() = D(kAsOf);      // ends today: still current
  *n.mutable_coordinators(3)->mutable_start_date() = D(kAsOf);         // starts today: current
  const auto s = Judge(n, kThreeMeetings, /*warning_days=*/0);
  EXPECT_EQ(s.authorities_covered(), 6);
  EXPECT_EQ(s.authorities_without_coordinator(0), "EDC");
  EXPECT_EQ(s.authorities_without_coordinator(1), "ERC");
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);  // the term ending today leaves 5
  EXPECT_FALSE(IsCurrentCoordinator(n.coordinators(0), kAsOf));
  EXPECT_TRUE(IsCurrentCoordinator(n.coordinators(2), kAsOf));
}

TEST(NetworkSustainabilityRule, TermsEndingWithinTheWindowAreListed) {
  v1::Network n = Network(8);
  *n.mutable_coordinators(2)->mutable_term_end_date() = D(kAsOf + 90);  // the window's last day
  *n.mutable_coordinators(4)->mutable_term_end_date() = D(kAsOf + 91);  // just outside
  const auto s = Judge(n);
  ASSERT_EQ(s.ending_terms_size(), 1);
  EXPECT_EQ(s.ending_terms(0).authority(), "GCC");
  EXPECT_EQ(s.ending_terms(0).person(), "Person 2");
  EXPECT_EQ(calendar::ToIsoText(s.ending_terms(0).term_end_date()), "2026-09-13");
  EXPECT_EQ(s.term_warning_days(), 90);
  EXPECT_EQ(s.status(), v1::NETWORK_HEALTHY);  // 7 of 8 stay covered
  EXPECT_EQ(Judge(n, kThreeMeetings, 91).ending_terms_size(), 2);
}

TEST(NetworkSustainabilityRule, TermsEndingThatWouldLeaveFewerThanSixAreAtRisk) {
  v1::Network n = Network(7);
  *n.mutable_coordinators(0)->mutable_term_end_date() = D(kAsOf + 20);
  EXPECT_EQ(Judge(n).status(), v1::NETWORK_HEALTHY);  // 6 would remain
  *n.mutable_coordinators(1)->mutable_term_end_date() = D(kAsOf + 60);
  const auto s = Judge(n);
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{
                            "2 coordinator terms end within 90 days, leaving 5 of 8 authorities covered"});
}

TEST(NetworkSustainabilityRule, FewerMeetingsThanTheCadenceIsAtRisk) {
  const auto s = Judge(Network(8), {kAsOf - 100});
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"1 meeting in the last 12 months against 3 expected"});
  v1::Network monthly = Network(8);
  monthly.set_expected_meetings_per_year(12);
  EXPECT_EQ(Reasons(Judge(monthly)), std::vector<std::string>{"3 meetings in the last 12 months against 12 expected"});
}

TEST(NetworkSustainabilityRule, TheTwelveMonthsEndOnTheDayJudged) {
  // 2025-06-16 is the first day of the year ending 2026-06-15; a meeting
  // after the day judged does not count.
  const auto s = Judge(Network(8), {absl::CivilDay(2025, 6, 15), absl::CivilDay(2025, 6, 16), kAsOf, kAsOf + 1});
  EXPECT_EQ(s.meetings_last_12_months(), 2);
  EXPECT_EQ(TwelveMonthsStart(kAsOf), absl::CivilDay(2025, 6, 16));
}

TEST(NetworkSustainabilityRule, NoMeetingInTwelveMonthsIsLapsing) {
  const auto s = Judge(Network(8), {kAsOf - 400});
  EXPECT_EQ(s.status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"no meeting in the last 12 months"});
}

TEST(NetworkSustainabilityRule, ANewNetworkIsExpectedItsShareOfTheCadence) {
  v1::Network n = Network(8);
  *n.mutable_established_date() = D(kAsOf - 30);
  auto s = Judge(n, {});
  EXPECT_EQ(s.expected_meetings(), 0);  // 3 * 31 / 365, rounded down
  EXPECT_EQ(s.status(), v1::NETWORK_HEALTHY);
  *n.mutable_established_date() = D(kAsOf - 199);  // 200 days: 3 * 200 / 365 = 1
  s = Judge(n, {});
  EXPECT_EQ(s.expected_meetings(), 1);
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{
                            "0 meetings since it was established on 2025-11-28 against 1 expected"});
}

TEST(NetworkSustainabilityRule, CadenceDefaultsToThree) {
  v1::Network n = Network(8);
  n.set_expected_meetings_per_year(0);
  EXPECT_EQ(Judge(n).expected_meetings_per_year(), 3);
}

TEST(NetworkSustainabilityRule, NoActionPlanIsAtRisk) {
  v1::Network n = Network(8);
  n.clear_priorities();
  n.clear_action_plan_set_date();
  const auto s = Judge(n);
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_FALSE(s.action_plan_current());
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"no action plan set"});
}

TEST(NetworkSustainabilityRule, APlanSetOverAYearAgoIsNotCurrent) {
  v1::Network n = Network(8);
  *n.mutable_action_plan_set_date() = D(absl::CivilDay(2025, 6, 16));  // the year's first day: current
  EXPECT_TRUE(Judge(n).action_plan_current());
  *n.mutable_action_plan_set_date() = D(absl::CivilDay(2025, 6, 15));
  const auto s = Judge(n);
  EXPECT_FALSE(s.action_plan_current());
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"action plan last set 2025-06-15, over a year ago"});
}

TEST(NetworkSustainabilityRule, APlanWithNoDateItWasSetIsNotCurrent) {
  v1::Network n = Network(8);
  n.clear_action_plan_set_date();
  const auto s = Judge(n);
  EXPECT_FALSE(s.action_plan_current());
  EXPECT_EQ(Reasons(s), std::vector<std::string>{"the action plan has no date it was set"});
}

TEST(NetworkSustainabilityRule, LapsingReasonsComeBeforeAtRiskOnes) {
  v1::Network n = Network(3);
  n.clear_priorities();
  const auto s = Judge(n, {kAsOf - 20});
  EXPECT_EQ(s.status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(Reasons(s), (std::vector<std::string>{"3 of 8 authorities have a current coordinator (fewer than 4)",
                                                   "1 meeting in the last 12 months against 3 expected",
                                                   "no action plan set"}));
}

}  // namespace
}  // namespace wp::workstreams
