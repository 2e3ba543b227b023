#include "tools/wpctl/learning_views.h"

#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

TEST(LearningViewsTest, ParsesTheSplit) {
  EXPECT_EQ(*ParseStatisticsSplit("Authority"), learning::BY_AUTHORITY);
  EXPECT_EQ(*ParseStatisticsSplit(" role "), learning::BY_ROLE);
  EXPECT_FALSE(ParseStatisticsSplit("school").ok());
}

TEST(LearningViewsTest, StatisticsShowTotalsAndSuppressedSplits) {
  learning::Statistics s;
  learning::Figures* f = s.mutable_totals();
  f->set_events(4);
  f->set_held_events(4);
  f->set_registered(29);
  f->set_attended(26);
  f->set_attendance_percent(89.7);
  f->set_paired_responses(5);
  f->set_increased_knowledge_percent(80);
  f->set_mean_knowledge_change(1.2);
  f->set_practitioners_reached(9);
  f->set_practitioner_population(19000);
  f->set_reached_percent(0.0);
  s.set_population_session("2026-27");
  learning::SplitFigures* gcc = s.add_splits();
  gcc->set_key("GCC");
  gcc->mutable_figures()->set_registered(12);
  learning::SplitFigures* inv = s.add_splits();
  inv->set_key("INV");
  inv->set_suppressed(true);
  const std::string text = StatisticsText(s);
  EXPECT_NE(text.find("26 (89.7% of places at held events)"), std::string::npos) << text;
  EXPECT_NE(text.find("80.0% of 5 pairs (mean change +1.20)"), std::string::npos) << text;
  EXPECT_NE(text.find("9 of 19,000 (0.0%, 2026-27)"), std::string::npos) << text;
  const size_t inv_row = text.find("\nINV ");
  ASSERT_NE(inv_row, std::string::npos) << text;
  EXPECT_NE(text.substr(inv_row, text.find('\n', inv_row + 1) - inv_row).find("<5"), std::string::npos) << text;
}

TEST(LearningViewsTest, EventsListPlacesAndWaiting) {
  learning::LearningEvent e;
  e.set_name("events/ioc-session-1");
  e.set_title("Improving Our Classrooms: session 1");
  e.set_status(learning::HELD);
  e.set_registered(8);
  e.set_capacity(8);
  e.set_waiting(2);
  e.mutable_start_time()->set_seconds(1767888000);
  const std::string text = LearningEventsText({e});
  EXPECT_NE(text.find("events/ioc-session-1"), std::string::npos) << text;
  EXPECT_NE(text.find("held"), std::string::npos) << text;
  EXPECT_NE(text.find("8/8"), std::string::npos) << text;
}

TEST(LearningViewsTest, AttendanceListsEachRegistrationThenProgrammesAndTotals) {
  learning::PractitionerAttendance a;
  learning::PractitionerAttendanceEntry* walk_in = a.add_entries();
  walk_in->set_event("events/ioc-session-2");
  walk_in->set_programme("programmes/improving-our-classrooms");
  walk_in->set_state(learning::PLACED);
  walk_in->set_attendance(learning::ATTENDED);
  walk_in->set_walk_in(true);
  learning::PractitionerAttendanceEntry* missed = a.add_entries();
  missed->set_event("events/conference");
  missed->set_state(learning::PLACED);
  missed->set_event_status(learning::HELD);
  learning::PractitionerAttendanceEntry* late = a.add_entries();
  late->set_event("events/ioc-session-3");
  late->set_state(learning::REGISTRATION_CANCELLED);
  late->set_late_cancellation(true);
  learning::ProgrammeAttendance* p = a.add_programmes();
  p->set_programme("programmes/improving-our-classrooms");
  p->set_events_registered(1);
  p->set_events_attended(1);
  p->set_completion_min_events(3);
  a.mutable_totals()->set_registrations(3);
  a.mutable_totals()->set_late_cancellations(1);
  const std::string text = PractitionerAttendanceText(a);
  EXPECT_NE(text.find("attended (walk-in)"), std::string::npos) << text;
  EXPECT_NE(text.find("no-show"), std::string::npos) << text;
  EXPECT_NE(text.find("cancelled late"), std::string::npos) << text;
  EXPECT_NE(text.find("no (needs 3)"), std::string::npos) << text;
  EXPECT_NE(text.find("0 (1 late)"), std::string::npos) << text;
}

}  // namespace
}  // namespace wp::wpctl
