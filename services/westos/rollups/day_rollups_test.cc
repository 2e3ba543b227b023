#include "services/westos/rollups/day_rollups.h"

#include <vector>

#include "gtest/gtest.h"
#include "services/westos/rollups/day_index.h"

namespace wp::westos {
namespace {

ActivityRow Row(uint32_t user, uint8_t authority, uint32_t content, uint8_t action, int64_t seconds,
                uint8_t rating = 0) {
  return ActivityRow{user, Dimensions{authority, 2, 1, 3, content}, action, seconds, rating};
}

TEST(DayRollupsTest, FoldingAndExpandingKeepsEveryFigureAndPerson) {
  const std::vector<ActivityRow> day = {
      Row(1, 1, 10, 1, 60),     Row(1, 1, 10, 2, 120),    Row(1, 1, 11, 3, 0),
      Row(1, 2, 10, 1, 30),  // person 1 in two authorities: "mixed"
      Row(2, 1, 10, 4, 0, 5),   Row(2, 1, 10, 4, 0, 2),   Row(2, 1, 10, 4, 15, 4),
      Row(3, 3, 12, 1, 86400),
  };
  const std::vector<DayRollup> rollups = FoldActivity(day);
  EXPECT_EQ(rollups.size(), 5u);  // (1,GCC,10) (1,GCC,11) (1,REN,10) (2,GCC,10) (3,EDC,12)
  std::vector<ActivityRow> expanded;
  for (const DayRollup& r : rollups) ExpandRollup(r, &expanded);
  EXPECT_EQ(expanded.size(), day.size());

  const DayIndex original = DayIndex::Build(day);
  const DayIndex rebuilt = DayIndex::Build(expanded);
  std::vector<CodedFilter> filters(5);
  filters[1].authorities = {1};
  filters[2].authorities = {1};
  filters[2].contents = {10};
  filters[3].authorities = {2};
  filters[3].sectors = {2};
  filters[4].contents = {12, 11};
  for (const CodedFilter& filter : filters) {
    Counts a, b;
    original.AddCounts(filter, a);
    rebuilt.AddCounts(filter, b);
    EXPECT_TRUE(a == b);
    EXPECT_EQ(original.People(filter), rebuilt.People(filter));
  }
  Counts all;
  rebuilt.AddCounts(CodedFilter{}, all);
  EXPECT_EQ(all.views, 3);
  EXPECT_EQ(all.ratings, 3);
  EXPECT_EQ(all.positive_ratings, 2);
  EXPECT_EQ(all.seconds, 60 + 120 + 30 + 15 + 86400);
}

}  // namespace
}  // namespace wp::westos
