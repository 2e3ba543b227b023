#include "tools/wpctl/governance_names.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;

// The error of a failed expansion, checked to be a usage error.
std::string UsageMessage(const absl::StatusOr<std::string>& result) {
  EXPECT_FALSE(result.ok()) << *result;
  EXPECT_TRUE(IsUsageError(result.status())) << result.status();
  return std::string(result.status().message());
}

TEST(AuthorityCodeTest, CodesAndNamesInAnySpelling) {
  EXPECT_EQ(*AuthorityCode("GCC"), "GCC");
  EXPECT_EQ(*AuthorityCode("gcc"), "GCC");
  EXPECT_EQ(*AuthorityCode(" Glasgow City "), "GCC");
  EXPECT_EQ(*AuthorityCode("glasgow-city"), "GCC");
  EXPECT_EQ(*AuthorityCode("EAST RENFREWSHIRE"), "ERC");
  EXPECT_EQ(*AuthorityCode("authorities/INV"), "INV");
}

TEST(AuthorityCodeTest, AShortNameThatNamesOneAuthority) {
  EXPECT_EQ(*AuthorityCode("Glasgow"), "GCC");
  EXPECT_EQ(*AuthorityCode("east dunbartonshire"), "EDC");
  EXPECT_EQ(*AuthorityCode("inver"), "INV");
  EXPECT_EQ(*AuthorityCode("West"), "WDC");
  // "East" starts two names; three letters are too few to guess from.
  EXPECT_THAT(UsageMessage(AuthorityCode("East")), HasSubstr("not one authority"));
  UsageMessage(AuthorityCode("gla"));
  UsageMessage(AuthorityCode("Glasgow Cityx"));
}

TEST(AuthorityCodeTest, UnknownAuthoritiesListTheCodes) {
  EXPECT_THAT(UsageMessage(AuthorityCode("Edinburgh")),
              HasSubstr("EDC (East Dunbartonshire), ERC (East Renfrewshire), GCC (Glasgow City)"));
  EXPECT_THAT(UsageMessage(AuthorityCode("Edinburgh")), HasSubstr("WDC (West Dunbartonshire)"));
  UsageMessage(AuthorityCode(""));
  UsageMessage(AuthorityCode("XYZ"));
  UsageMessage(AuthorityCode("authorities/XYZ"));
}

TEST(GovernanceNamesTest, FullNamesPassThrough) {
  EXPECT_EQ(*PersonName("people/jane-smith"), "people/jane-smith");
  EXPECT_EQ(*BodyName("bodies/board"), "bodies/board");
  EXPECT_EQ(*MeetingName("bodies/board/meetings/12"), "bodies/board/meetings/12");
  EXPECT_EQ(*DecisionName("bodies/board/meetings/12/decisions/2", ""),
            "bodies/board/meetings/12/decisions/2");
  EXPECT_EQ(*PlanName("plans/2022-23"), "plans/2022-23");
  EXPECT_EQ(*BudgetLineName("plans/2022-23/budgetLines/x", "plans/other"),
            "plans/2022-23/budgetLines/x");
}

TEST(GovernanceNamesTest, ShortNamesExpand) {
  EXPECT_EQ(*PersonName("Jane-Smith"), "people/jane-smith");
  EXPECT_EQ(*BodyName("board"), "bodies/board");
  EXPECT_EQ(*BodyName("working-group-7"), "bodies/working-group-7");
  EXPECT_EQ(*MeetingName("board/12"), "bodies/board/meetings/12");
  EXPECT_EQ(*MeetingName("board/012"), "bodies/board/meetings/12");
  EXPECT_EQ(*DecisionName("board/12/2", ""), "bodies/board/meetings/12/decisions/2");
  EXPECT_EQ(*DecisionName("2", "bodies/board/meetings/12"), "bodies/board/meetings/12/decisions/2");
  EXPECT_EQ(*PlanName("2022-23"), "plans/2022-23");
  EXPECT_EQ(*BudgetLineName("2022-23/2022-23-coaching", ""),
            "plans/2022-23/budgetLines/2022-23-coaching");
  EXPECT_EQ(*BudgetLineName("2022-23-coaching", "plans/2022-23"),
            "plans/2022-23/budgetLines/2022-23-coaching");
}

TEST(GovernanceNamesTest, StandingBodiesHaveAliases) {
  EXPECT_EQ(*BodyName("committee"), "bodies/regional-education-committee");
  EXPECT_EQ(*BodyName("REC"), "bodies/regional-education-committee");
  EXPECT_EQ(*BodyName("ig"), "bodies/implementation-group");
  EXPECT_EQ(*BodyName("implementation"), "bodies/implementation-group");
  EXPECT_EQ(*BodyName("finance"), "bodies/finance-sub-group");
  EXPECT_EQ(*BodyName("fsg"), "bodies/finance-sub-group");
  EXPECT_EQ(*MeetingName("committee/3"), "bodies/regional-education-committee/meetings/3");
  EXPECT_EQ(*DecisionName("fsg/2/1", ""), "bodies/finance-sub-group/meetings/2/decisions/1");
}

TEST(GovernanceNamesTest, RejectsMalformedShortNames) {
  for (const char* bad : {"", "a/b", "..", "."}) {
    UsageMessage(PersonName(bad));
    UsageMessage(BodyName(bad));
    UsageMessage(PlanName(bad));
  }
  for (const char* bad :
       {"", "board", "board/", "board/0", "board/x", "board/-1", "/12", "board/12/3"}) {
    EXPECT_THAT(UsageMessage(MeetingName(bad)), HasSubstr("board/12")) << bad;
  }
  for (const char* bad : {"", "x", "board/12", "board/12/x", "board/x/2", "0"}) {
    UsageMessage(DecisionName(bad, "bodies/board/meetings/12"));
  }
  EXPECT_THAT(UsageMessage(DecisionName("2", "")), HasSubstr("needs its meeting"));
  EXPECT_THAT(UsageMessage(BudgetLineName("2022-23-coaching", "")), HasSubstr("needs its plan"));
  UsageMessage(BudgetLineName("a/b/c", "plans/2022-23"));
  UsageMessage(BudgetLineName("a/", "plans/2022-23"));
  UsageMessage(BudgetLineName("", "plans/2022-23"));
}

TEST(DecisionsParentTest, MeetingBodyOrEverything) {
  EXPECT_EQ(*DecisionsParent(""), "bodies/-/meetings/-");
  EXPECT_EQ(*DecisionsParent("board"), "bodies/board/meetings/-");
  EXPECT_EQ(*DecisionsParent("fsg"), "bodies/finance-sub-group/meetings/-");
  EXPECT_EQ(*DecisionsParent("bodies/board"), "bodies/board/meetings/-");
  EXPECT_EQ(*DecisionsParent("board/12"), "bodies/board/meetings/12");
  EXPECT_EQ(*DecisionsParent("bodies/board/meetings/12"), "bodies/board/meetings/12");
  EXPECT_THAT(UsageMessage(DecisionsParent("board/x")), HasSubstr("meeting or body"));
  UsageMessage(DecisionsParent(".."));
}

TEST(SessionArgTest, TwoConsecutiveYears) {
  EXPECT_EQ(*SessionArg("2022-23", "--year"), "2022-23");
  EXPECT_EQ(*SessionArg("2099-00", "--year"), "2099-00");
  for (const char* bad : {"", "2022", "2022-24", "2018-21", "22-23", "2022-2023", "2022/23",
                          "abcd-ef", "+202-23", "2022-2x"}) {
    EXPECT_THAT(UsageMessage(SessionArg(bad, "--year")), HasSubstr("--year")) << bad;
  }
}

TEST(ShortNameTest, ShortFormsWhereThereAreSome) {
  EXPECT_EQ(ShortName("bodies/board/meetings/12"), "board/12");
  EXPECT_EQ(ShortName("bodies/board/meetings/12/decisions/2"), "board/12/2");
  EXPECT_EQ(ShortName("bodies/board/actions/4"), "board/actions/4");
  EXPECT_EQ(ShortName("bodies/board"), "board");
  EXPECT_EQ(ShortName("plans/2022-23"), "2022-23");
  EXPECT_EQ(ShortName("people/jane-smith"), "jane-smith");
  EXPECT_EQ(ShortName("authorities/GCC"), "GCC");
  EXPECT_EQ(ShortName("plans/2022-23/budgetLines/2022-23-coaching"), "2022-23-coaching");
  EXPECT_EQ(ShortName("plans/2022-23/sponsorships/2"), "plans/2022-23/sponsorships/2");
  EXPECT_EQ(ShortName(""), "");
  // Every short form reads back as the full name.
  EXPECT_EQ(*MeetingName(ShortName("bodies/board/meetings/12")), "bodies/board/meetings/12");
  EXPECT_EQ(*DecisionName(ShortName("bodies/board/meetings/12/decisions/2"), ""),
            "bodies/board/meetings/12/decisions/2");
}

}  // namespace
}  // namespace wp::wpctl
