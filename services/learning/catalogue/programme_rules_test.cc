#include "services/learning/catalogue/programme_rules.h"

#include "gtest/gtest.h"

namespace wp::learning {
namespace {

TEST(ProgrammeRulesTest, WorkstreamNamesNeedANumber) {
  EXPECT_TRUE(IsWorkstreamName("planPeriods/2022-23/workstreams/3"));
  EXPECT_TRUE(IsWorkstreamName("planPeriods/2022-23/workstreams/99"));
  // The fuzzer's find: no number at all once read past the end.
  for (const char* bad : {"planPeriods/2022-23/workstreams/", "planPeriods/2022-23/workstreams/0",
                          "planPeriods/2022-23/workstreams/03", "planPeriods/2022-23/workstreams/100",
                          "planPeriods//workstreams/1", "workstreams/1", "planPeriods/2022-23/networks/1"}) {
    EXPECT_FALSE(IsWorkstreamName(bad)) << bad;
  }
}

TEST(ProgrammeRulesTest, NetworkNamesAreIds) {
  EXPECT_TRUE(IsNetworkName("networks/maths-leads"));
  EXPECT_FALSE(IsNetworkName("networks/"));
  EXPECT_FALSE(IsNetworkName("networks/Maths Leads"));
}

}  // namespace
}  // namespace wp::learning
