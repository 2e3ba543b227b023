// The demo's networks judged by the sustainability rule on several days the
// demo could be loaded: maths-leads healthy, the ASN officers forum at risk
// for each of the reasons the demo means to show.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/workstreams/networks/sustainability.h"
#include "tools/demo/demo_data.h"

namespace wp::demo {
namespace {

namespace v1 = workstreams::v1;

// The network as the service stores it when created `today`.
v1::Network Stored(const v1::CreateNetworkRequest& request, absl::CivilDay today) {
  v1::Network n = request.network();
  n.set_name("networks/" + request.network_id());
  if (n.priorities_size() > 0) *n.mutable_action_plan_set_date() = calendar::FromCivilDay(today);
  return n;
}

std::vector<absl::CivilDay> Days(const std::vector<v1::NetworkMeeting>& meetings) {
  std::vector<absl::CivilDay> days;
  for (const auto& m : meetings) days.push_back(calendar::LastDayCovered(m.meeting_date()));
  return days;
}

class NetworkDemoTest : public ::testing::TestWithParam<absl::CivilDay> {};

TEST_P(NetworkDemoTest, MathsLeadsIsHealthy) {
  const absl::CivilDay today = GetParam();
  std::vector<absl::CivilDay> days = Days(DemoMathsMeetings(today));
  days.push_back(calendar::LastDayCovered(DemoMeeting().meeting_date()));
  const auto s = workstreams::SustainabilityRule{}.Evaluate(Stored(DemoNetwork(), today), days, today);
  EXPECT_EQ(s.status(), v1::NETWORK_HEALTHY) << s.DebugString();
}

TEST_P(NetworkDemoTest, AsnForumIsAtRiskForEachReason) {
  const absl::CivilDay today = GetParam();
  const auto s = workstreams::SustainabilityRule{}.Evaluate(Stored(DemoAsnForum(today), today),
                                                            Days(DemoAsnForumMeetings(today)), today);
  EXPECT_EQ(s.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(std::vector<std::string>(s.reasons().begin(), s.reasons().end()),
            (std::vector<std::string>{"5 of 8 authorities have a current coordinator (fewer than 6)",
                                      "1 meeting in the last 12 months against 3 expected", "no action plan set",
                                      "1 coordinator term ends within 90 days, leaving 4 of 8 authorities covered"}));
  ASSERT_EQ(s.ending_terms_size(), 1);
  EXPECT_EQ(s.ending_terms(0).authority(), "INV");
}

TEST_P(NetworkDemoTest, DemoDatesAreRealAndNotInTheFuture) {
  const absl::CivilDay today = GetParam();
  for (const auto& m : DemoAsnForumMeetings(today)) {
    EXPECT_TRUE(calendar::Validate(m.meeting_date(), "meeting_date", false).ok());
    EXPECT_LE(calendar::LastDayCovered(m.meeting_date()), today);
  }
  for (const auto& m : DemoMathsMeetings(today)) EXPECT_LE(calendar::LastDayCovered(m.meeting_date()), today);
  const v1::CreateNetworkRequest forum = DemoAsnForum(today);
  for (const auto& c : forum.network().coordinators()) {
    if (c.has_start_date()) {
      EXPECT_TRUE(calendar::Validate(c.start_date(), "start_date", false).ok());
    }
    if (c.has_term_end_date()) {
      EXPECT_TRUE(calendar::Validate(c.term_end_date(), "term_end_date", false).ok());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(LoadDays, NetworkDemoTest,
                         ::testing::Values(absl::CivilDay(2026, 12, 3), absl::CivilDay(2028, 2, 29),
                                           absl::CivilDay(2027, 1, 1), absl::CivilDay(2030, 7, 15)));

}  // namespace
}  // namespace wp::demo
