#include "services/governance/core/names.h"

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

TEST(IdsTest, AcceptsLowerCaseLettersDigitsAndInnerHyphens) {
  EXPECT_TRUE(IsValidId("board"));
  EXPECT_TRUE(IsValidId("2022-23-coaching"));
  EXPECT_FALSE(IsValidId("b"));
  EXPECT_FALSE(IsValidId("-board"));
  EXPECT_FALSE(IsValidId("board-"));
  EXPECT_FALSE(IsValidId("Board"));
  EXPECT_FALSE(IsValidId("bo ard"));
  EXPECT_FALSE(IsValidId(std::string(64, 'a')));
}

TEST(IdsTest, MakesAnIdFromADisplayName) {
  EXPECT_EQ(IdFromDisplayName("Jane O'Neil"), "jane-o-neil");
  EXPECT_EQ(IdFromDisplayName("  Dr. Ann  Smith "), "dr-ann-smith");
  EXPECT_EQ(IdFromDisplayName("!!"), "");
}

TEST(SessionsTest, SessionIsTwoConsecutiveYears) {
  EXPECT_TRUE(IsValidSession("2022-23"));
  EXPECT_TRUE(IsValidSession("2099-00"));
  EXPECT_FALSE(IsValidSession("2022-24"));
  EXPECT_FALSE(IsValidSession("2022-2023"));
  EXPECT_FALSE(IsValidSession("22-23"));
}

TEST(SessionsTest, SpanCoversOneToNineSessions) {
  EXPECT_TRUE(IsValidSessionSpan("2018-21"));
  EXPECT_TRUE(IsValidSessionSpan("2022-23"));
  EXPECT_FALSE(IsValidSessionSpan("2022-22"));
  EXPECT_EQ(FirstSessionOf("2018-21"), "2018-19");
  EXPECT_EQ(LastSessionOf("2018-21"), "2020-21");
  EXPECT_EQ(LastSessionOf("2022-23"), "2022-23");
  EXPECT_EQ(LastSessionOf("2098-01"), "2100-01");
}

TEST(ParseNameTest, ReturnsTheVariableParts) {
  auto parts = ParseName("bodies/board/meetings/12/decisions/2", kDecisionPattern, "name");
  ASSERT_TRUE(parts.ok()) << parts.status();
  EXPECT_EQ(*parts, (std::vector<std::string>{"board", "12", "2"}));
  auto population = ParseName("authorities/GCC/populations/2022-23", kPopulationPattern, "name");
  ASSERT_TRUE(population.ok()) << population.status();
  EXPECT_EQ(*population, (std::vector<std::string>{"GCC", "2022-23"}));
}

TEST(ParseNameTest, RejectsMalformedNamesNamingTheField) {
  for (const char* bad : {"", "bodies/board/meetings/0", "bodies/board/meetings/01", "bodies/Board/meetings/1",
                          "bodies/board/meetings/1/", "bodies/board/meeting/1", "bodies/-/meetings/1"}) {
    auto parts = ParseName(bad, kMeetingPattern, "meeting.name");
    ASSERT_FALSE(parts.ok()) << bad;
    EXPECT_EQ(parts.status().code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(FieldViolationsOf(parts.status()).size(), 1u);
    EXPECT_EQ(FieldViolationsOf(parts.status())[0].field, "meeting.name");
    EXPECT_NE(parts.status().message().find("bodies/board/meetings/12"), std::string::npos);
  }
  EXPECT_FALSE(ParseName("authorities/XYZ", kAuthorityPattern, "name").ok());
}

TEST(ParseNameTest, WildcardsOnlyWhereAllowed) {
  auto parts = ParseName("bodies/-/meetings/-", kMeetingPattern, "parent", /*allow_wildcards=*/true);
  ASSERT_TRUE(parts.ok()) << parts.status();
  EXPECT_EQ(NumberPart((*parts)[1]), 0);
  EXPECT_TRUE(ParseName("authorities/-", kAuthorityPattern, "parent", true).ok());
  EXPECT_FALSE(ParseName("authorities/-", kAuthorityPattern, "parent").ok());
}

TEST(NamesTest, FormatsEveryResource) {
  EXPECT_EQ(PopulationName("GCC", "2022-23"), "authorities/GCC/populations/2022-23");
  EXPECT_EQ(DecisionName("board", 12, 2), "bodies/board/meetings/12/decisions/2");
  EXPECT_EQ(MovementName("2022-23", "coaching", 3), "plans/2022-23/budgetLines/coaching/movements/3");
  EXPECT_EQ(WorkstreamName("2022-23", 2), "planPeriods/2022-23/workstreams/2");
}

}  // namespace
}  // namespace wp::governance
