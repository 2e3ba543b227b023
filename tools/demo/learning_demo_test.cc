#include "tools/demo/learning_demo.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace wp::demo {
namespace {

TEST(LearningDemoTest, TellsAConsistentStory) {
  const absl::CivilDay today(2026, 11, 30);
  const LearningDemo demo = BuildLearningDemo(today);
  EXPECT_EQ(demo.programme.programme().completion_min_events(), 3);
  // Linked to the plan of the load day's session, not a closed one.
  EXPECT_EQ(demo.programme.programme().workstream(), "planPeriods/2026-27/workstreams/3");
  EXPECT_EQ(BuildLearningDemo(absl::CivilDay(2027, 8, 2)).programme.programme().workstream(),
            "planPeriods/2027-28/workstreams/3");
  std::set<std::string> known;
  for (const auto& p : demo.practitioners) known.insert("practitioners/" + p.practitioner_id());
  EXPECT_EQ(known.size(), 10u);
  ASSERT_EQ(demo.sessions.size(), 5u);
  int attended = 0;
  int evaluations = 0;
  for (const DemoSession& s : demo.sessions) {
    std::set<std::string> registered;
    for (const std::string& id : s.registered) {
      EXPECT_TRUE(known.count("practitioners/" + id)) << id;
      EXPECT_TRUE(registered.insert(id).second) << id << " registers twice on " << s.schedule.event_id();
    }
    for (const std::string& id : s.cancelled) EXPECT_TRUE(registered.count(id)) << id;
    for (const auto& entry : s.attendance.entries()) EXPECT_TRUE(known.count(entry.practitioner()));
    attended += s.attendance.entries_size();
    evaluations += static_cast<int>(s.evaluations.size());
    // Held sessions are in the past, the conference ahead.
    const absl::Time start = absl::FromUnixSeconds(s.schedule.event().start_time().seconds());
    const absl::Time midnight = absl::FromCivil(today, absl::UTCTimeZone());
    EXPECT_EQ(s.held, start < midnight) << s.schedule.event_id();
  }
  // The totals docs/learning.md starts from.
  EXPECT_EQ(attended, 7 + 8 + 6 + 5);
  EXPECT_EQ(evaluations, 12);
}

}  // namespace
}  // namespace wp::demo
