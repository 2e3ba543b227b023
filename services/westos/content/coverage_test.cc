// Coverage states at their boundaries: the deadline day, the day after, the
// edge of the at-risk window, and a report as of a past day.
#include "services/westos/content/coverage.h"

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"

namespace wp::westos {
namespace {

const absl::CivilDay kDeadline(2021, 3, 31);

v1::CoverageTarget Target(int min_published = 1) {
  v1::CoverageTarget t;
  t.set_target_id("maths");
  t.set_subject("Mathematics");
  t.set_min_published(min_published);
  *t.mutable_deadline() = calendar::FromCivilDay(kDeadline);
  return t;
}

CoverageItem Published(const std::string& day, const std::string& level = "Higher") {
  return {"Mathematics", level, 3, "2021-01-04", day, day};
}
CoverageItem Uploaded(const std::string& day) { return {"Mathematics", "National 5", 3, "2021-01-04", day, ""}; }
CoverageItem Commissioned() { return {"Mathematics", "National 5", 3, "2021-01-04", "", ""}; }

v1::CoverageState StateOn(const std::vector<CoverageItem>& items, absl::CivilDay as_of, int min_published = 1) {
  return AssessTarget(Target(min_published), items, as_of, kDefaultAtRiskDays).state();
}

TEST(CoverageTest, PublishedOnTheDeadlineDayIsMet) {
  const v1::TargetCoverage c = AssessTarget(Target(), {Published("2021-03-31")}, absl::CivilDay(2021, 4, 5), 28);
  EXPECT_EQ(c.state(), v1::MET);
  EXPECT_EQ(calendar::ToIsoText(c.met_date()), "2021-03-31");
  EXPECT_EQ(c.days_left(), -5);
  EXPECT_EQ(c.counts().published(), 1);
}

TEST(CoverageTest, PublishedTheDayAfterIsLateWithItsDate) {
  const v1::TargetCoverage c = AssessTarget(Target(), {Published("2021-04-01")}, absl::CivilDay(2021, 4, 5), 28);
  EXPECT_EQ(c.state(), v1::LATE);
  EXPECT_EQ(calendar::ToIsoText(c.met_date()), "2021-04-01");
  EXPECT_NE(c.reason().find("after the deadline"), std::string::npos);
}

TEST(CoverageTest, NotMetIsLateOnlyOnceTheDeadlineDayHasPassed) {
  EXPECT_EQ(StateOn({Uploaded("2021-03-01")}, kDeadline), v1::ON_TRACK);
  EXPECT_EQ(StateOn({Uploaded("2021-03-01")}, kDeadline + 1), v1::LATE);
  EXPECT_EQ(StateOn({}, kDeadline), v1::AT_RISK);
  EXPECT_EQ(StateOn({}, kDeadline + 1), v1::LATE);
}

TEST(CoverageTest, AtRiskWithinTheWindowWhenNothingIsUploaded) {
  EXPECT_EQ(StateOn({Commissioned()}, kDeadline - 28), v1::AT_RISK);
  EXPECT_EQ(StateOn({Commissioned()}, kDeadline - 29), v1::ON_TRACK);
  // Something uploaded is on its way: not at risk.
  EXPECT_EQ(StateOn({Commissioned(), Uploaded("2021-03-20")}, kDeadline - 3), v1::ON_TRACK);
  // An upload after the report's day does not count yet.
  EXPECT_EQ(StateOn({Uploaded("2021-03-20")}, absl::CivilDay(2021, 3, 19)), v1::AT_RISK);
}

TEST(CoverageTest, ATargetOfSeveralNeedsThatManyInHand) {
  const std::vector<CoverageItem> items = {Published("2021-02-01"), Uploaded("2021-03-01"), Commissioned()};
  EXPECT_EQ(StateOn(items, kDeadline - 10, 3), v1::AT_RISK);  // 2 in hand of 3
  EXPECT_EQ(StateOn(items, kDeadline - 10, 2), v1::ON_TRACK);
  EXPECT_EQ(StateOn(items, kDeadline - 10, 1), v1::MET);
}

TEST(CoverageTest, MetDateIsTheDayTheNeededItemWasPublished) {
  const std::vector<CoverageItem> items = {Published("2021-03-30"), Published("2021-02-01"), Published("2021-04-02")};
  const v1::TargetCoverage two = AssessTarget(Target(2), items, absl::CivilDay(2021, 4, 10), 28);
  EXPECT_EQ(two.state(), v1::MET);
  EXPECT_EQ(calendar::ToIsoText(two.met_date()), "2021-03-30");
  const v1::TargetCoverage three = AssessTarget(Target(3), items, absl::CivilDay(2021, 4, 10), 28);
  EXPECT_EQ(three.state(), v1::LATE);
  EXPECT_EQ(calendar::ToIsoText(three.met_date()), "2021-04-02");
}

TEST(CoverageTest, APastDayCountsItemsAsTheyStoodThen) {
  const std::vector<CoverageItem> items = {Published("2021-03-10"), {"Mathematics", "Higher", 3, "2021-03-05", "", ""}};
  const v1::TargetCoverage before = AssessTarget(Target(), items, absl::CivilDay(2021, 3, 1), 30);
  EXPECT_EQ(before.state(), v1::AT_RISK);
  EXPECT_EQ(before.counts().commissioned(), 1);  // the later commission is not counted yet
  EXPECT_EQ(before.counts().published(), 0);
  EXPECT_EQ(StateOn(items, absl::CivilDay(2021, 3, 10)), v1::MET);
}

TEST(CoverageTest, LevelAndSectorNarrowTheItemsAndLevelsAreListedInOrder) {
  v1::CoverageTarget target = Target();
  const std::vector<CoverageItem> items = {Published("2021-02-01", "Higher"), Uploaded("2021-02-01"),
                                           {"Physics", "Higher", 3, "2021-01-04", "2021-01-05", "2021-01-05"}};
  const v1::TargetCoverage all = AssessTarget(target, items, kDeadline - 40, 28);
  ASSERT_EQ(all.levels_size(), 2);
  EXPECT_EQ(all.levels(0).level(), "National 5");
  EXPECT_EQ(all.levels(0).counts().uploaded(), 1);
  EXPECT_EQ(all.levels(1).level(), "Higher");
  EXPECT_EQ(all.levels(1).counts().published(), 1);

  target.set_level("National 5");
  EXPECT_EQ(AssessTarget(target, items, kDeadline - 40, 28).state(), v1::ON_TRACK);
  target.clear_level();
  target.set_sector(v1::PRIMARY);
  const v1::TargetCoverage primary = AssessTarget(target, items, kDeadline - 10, 28);
  EXPECT_EQ(primary.state(), v1::AT_RISK);
  EXPECT_EQ(primary.counts().published() + primary.counts().uploaded() + primary.counts().commissioned(), 0);
}

}  // namespace
}  // namespace wp::westos
