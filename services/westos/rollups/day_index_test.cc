#include "services/westos/rollups/day_index.h"

#include <random>
#include <set>

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

ActivityRow Row(uint32_t user, uint8_t authority, uint8_t role, uint32_t content, uint8_t action = 1,
                int64_t seconds = 60, uint8_t rating = 0) {
  ActivityRow row;
  row.user = user;
  row.dims.authority = authority;
  row.dims.sector = 2;
  row.dims.role = role;
  row.dims.simd = 3;
  row.dims.content = content;
  row.action = action;
  row.seconds = seconds;
  row.rating = rating;
  return row;
}

// Brute force over the rows: the people with a matching event, and the sums.
std::set<uint32_t> PeopleByScan(const std::vector<ActivityRow>& rows, const CodedFilter& filter) {
  std::set<uint32_t> people;
  for (const ActivityRow& row : rows) {
    if (filter.Matches(row.dims)) people.insert(row.user);
  }
  return people;
}

Counts CountsByScan(const std::vector<ActivityRow>& rows, const CodedFilter& filter) {
  Counts sum;
  for (const ActivityRow& row : rows) {
    if (filter.Matches(row.dims)) sum.Add(row);
  }
  return sum;
}

TEST(DayIndexTest, CountsPeopleOncePerFilter) {
  const std::vector<ActivityRow> rows = {Row(1, 3, 1, 10), Row(1, 3, 1, 11), Row(2, 3, 2, 10), Row(3, 5, 1, 12)};
  const DayIndex index = DayIndex::Build(rows);
  EXPECT_EQ(index.People(CodedFilter{}).cardinality(), 3u);
  CodedFilter glasgow;
  glasgow.authorities = {3};
  EXPECT_EQ(index.People(glasgow).cardinality(), 2u);
  CodedFilter glasgow_learners_content_10 = glasgow;
  glasgow_learners_content_10.roles = {1};
  glasgow_learners_content_10.contents = {10};
  EXPECT_EQ(index.People(glasgow_learners_content_10).cardinality(), 1u);
  CodedFilter nothing;
  nothing.no_content = true;
  EXPECT_EQ(index.People(nothing).cardinality(), 0u);
  EXPECT_EQ(index.events(), 4);
}

TEST(DayIndexTest, AMixedPersonIsNotCountedForAPairingNoEventHad) {
  // User 7 used content 10 as a learner in authority 3 and content 11 in
  // authority 5 on the same day: authority 3 with content 11 never happened.
  const std::vector<ActivityRow> rows = {Row(7, 3, 1, 10), Row(7, 5, 1, 11), Row(8, 3, 1, 11)};
  const DayIndex index = DayIndex::Build(rows);
  CodedFilter filter;
  filter.authorities = {3};
  filter.contents = {11};
  const Roaring people = index.People(filter);
  EXPECT_EQ(people.cardinality(), 1u);
  EXPECT_TRUE(people.contains(8));
  filter.contents = {10};
  EXPECT_TRUE(index.People(filter).contains(7));
}

TEST(DayIndexTest, FiguresAddUpPerAction) {
  const std::vector<ActivityRow> rows = {Row(1, 3, 1, 10, /*view*/ 1, 30), Row(1, 3, 1, 10, /*play*/ 2, 90),
                                         Row(2, 3, 1, 10, /*complete*/ 3, 0), Row(2, 3, 1, 10, /*rate*/ 4, 0, 5),
                                         Row(3, 3, 1, 10, /*rate*/ 4, 0, 2)};
  Counts sum;
  DayIndex::Build(rows).AddCounts(CodedFilter{}, sum);
  EXPECT_EQ(sum.views, 1);
  EXPECT_EQ(sum.plays, 1);
  EXPECT_EQ(sum.completions, 1);
  EXPECT_EQ(sum.ratings, 2);
  EXPECT_EQ(sum.positive_ratings, 1);
  EXPECT_EQ(sum.seconds, 120);
}

// Random days with many mixed people against a scan of the rows, for random
// filters over one to five dimensions.
TEST(DayIndexTest, AgreesWithAScanForRandomFilters) {
  std::mt19937 rng(20261202);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  for (int day = 0; day < 20; ++day) {
    std::vector<ActivityRow> rows;
    for (int i = 0; i < 2000; ++i) {
      const uint32_t user = pick(300);
      ActivityRow row = Row(user, 1 + user % 8, 1 + user % 3, pick(40), 1 + pick(4), pick(600), pick(6));
      row.dims.simd = user % 6;
      row.dims.sector = user % 5;
      if (pick(10) == 0) row.dims.authority = 1 + pick(8);  // some people mixed
      if (pick(20) == 0) row.dims.role = 1 + pick(3);
      rows.push_back(row);
    }
    const DayIndex index = DayIndex::Build(rows);
    for (int q = 0; q < 50; ++q) {
      CodedFilter filter;
      if (pick(2)) filter.authorities = {static_cast<uint8_t>(1 + pick(8)), static_cast<uint8_t>(1 + pick(8))};
      if (pick(2)) filter.roles = {static_cast<uint8_t>(1 + pick(3))};
      if (pick(3) == 0) filter.simds = {static_cast<uint8_t>(pick(6))};
      if (pick(3) == 0) filter.sectors = {static_cast<uint8_t>(pick(5))};
      if (pick(2)) {
        for (int c = 0; c < 1 + pick(5); ++c) filter.contents.insert(pick(40));
      }
      const std::set<uint32_t> expected = PeopleByScan(rows, filter);
      const Roaring people = index.People(filter);
      ASSERT_EQ(people.cardinality(), expected.size()) << "day " << day << " query " << q;
      for (uint32_t user : expected) ASSERT_TRUE(people.contains(user));
      Counts sum;
      index.AddCounts(filter, sum);
      ASSERT_EQ(sum, CountsByScan(rows, filter));
    }
  }
}

}  // namespace
}  // namespace wp::westos
