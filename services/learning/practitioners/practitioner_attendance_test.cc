#include "services/learning/practitioners/practitioner_attendance.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/timestamps.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/practitioners/practitioners.h"
#include "services/learning/privacy/practitioner_privacy.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::Day;
using test_support::FieldsOf;

// P-1's year: a walk-in at b1 (prog2, ten days ago); both sessions of prog
// (completion: 2) three and two days ago, attended, so prog is complete; a
// conference (no programme) yesterday, held, not attended; waiting for f1
// (prog, one place, P-2's) and a place at f2 cancelled.
class PractitionerAttendanceTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeProgramme("prog", /*min_events=*/2);
    MakeProgramme("prog2");
    MakeEvent("b1", -absl::Hours(240), 10, "prog2");
    MakeEvent("a1", -absl::Hours(72), 10, "prog");
    MakeEvent("a2", -absl::Hours(48), 10, "prog");
    MakeEvent("conf", -absl::Hours(24), 10);
    MakeEvent("f1", absl::Hours(48), 1, "prog");
    MakeEvent("f2", absl::Hours(72), 10, "prog");
    MakePractitioner("P-1");
    MakePractitioner("P-2");
    RegisterAndAttend("b1", {}, {"P-1"}, now_);
    RegisterAndAttend("a1", {"P-1"}, {"P-1"}, now_ - absl::Hours(100));
    RegisterAndAttend("a2", {"P-1"}, {"P-1"}, now_ - absl::Hours(100));
    RegisterAndAttend("conf", {"P-1"}, {}, now_ - absl::Hours(100));
    v1::MarkEventHeldRequest held;
    held.set_name("events/conf");
    ASSERT_TRUE(LearningEvents(*db_).MarkHeld(caller_, held, now_).ok());
    RegisterAndAttend("f1", {"P-2", "P-1"}, {}, now_);
    RegisterAndAttend("f2", {"P-1"}, {}, now_);
    v1::CancelRegistrationRequest cancel;
    cancel.set_name("events/f2/registrations/P-1");
    ASSERT_TRUE(Registrations(*db_).Cancel(caller_, cancel, now_).ok());
  }

  absl::StatusOr<v1::PractitionerAttendance> Get(const std::string& practitioner,
                                                 const wp::common::v1::Date& from = {},
                                                 const wp::common::v1::Date& to = {}) {
    v1::GetPractitionerAttendanceRequest request;
    request.set_practitioner(practitioner);
    *request.mutable_from() = from;
    *request.mutable_to() = to;
    return Practitioners(*db_).Attendance(request);
  }
};

TEST_P(PractitionerAttendanceTest, EveryRegistrationInStartOrderWithTotals) {
  absl::StatusOr<v1::PractitionerAttendance> a = Get("practitioners/P-1");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->practitioner(), "practitioners/P-1");
  std::vector<std::string> events;
  for (const auto& e : a->entries()) events.push_back(e.event());
  EXPECT_EQ(events, (std::vector<std::string>{"events/b1", "events/a1", "events/a2", "events/conf", "events/f1",
                                              "events/f2"}));
  const v1::PractitionerAttendanceEntry& walk_in = a->entries(0);
  EXPECT_EQ(walk_in.programme(), "programmes/prog2");
  EXPECT_EQ(walk_in.event_title(), "Learning set: leading change");
  EXPECT_EQ(walk_in.start_time().seconds(), calendar::TimestampOf(now_ - absl::Hours(240)).seconds());
  EXPECT_TRUE(walk_in.walk_in());
  EXPECT_EQ(walk_in.attendance(), v1::ATTENDED);
  EXPECT_EQ(a->entries(3).programme(), "") << "the conference is in no programme";
  EXPECT_EQ(a->entries(3).event_status(), v1::HELD);
  EXPECT_EQ(a->entries(4).state(), v1::WAITING);
  EXPECT_EQ(a->entries(5).state(), v1::REGISTRATION_CANCELLED);
  EXPECT_FALSE(a->entries(5).late_cancellation());

  const v1::PractitionerAttendanceTotals& t = a->totals();
  EXPECT_EQ(t.registrations(), 6);
  EXPECT_EQ(t.registered(), 4);
  EXPECT_EQ(t.attended(), 3);
  EXPECT_EQ(t.no_shows(), 1);
  EXPECT_EQ(t.walk_ins(), 1);
  EXPECT_EQ(t.waiting(), 1);
  EXPECT_EQ(t.cancelled(), 1);
  EXPECT_EQ(t.late_cancellations(), 0);
  EXPECT_EQ(t.programmes_completed(), 1);

  ASSERT_EQ(a->programmes_size(), 2);
  const v1::ProgrammeAttendance& prog = a->programmes(0);
  EXPECT_EQ(prog.programme(), "programmes/prog");
  EXPECT_EQ(prog.title(), "Leadership Learning Sets");
  EXPECT_EQ(prog.events_registered(), 2) << "the wait and the cancelled place are no places";
  EXPECT_EQ(prog.events_attended(), 2);
  EXPECT_EQ(prog.completion_min_events(), 2);
  EXPECT_TRUE(prog.completed());
  EXPECT_EQ(prog.complete_time().seconds(), calendar::TimestampOf(now_).seconds());
  EXPECT_EQ(a->programmes(1).programme(), "programmes/prog2");
  EXPECT_EQ(a->programmes(1).events_attended(), 1);
  EXPECT_FALSE(a->programmes(1).completed());
}

TEST_P(PractitionerAttendanceTest, ARangeOfDays) {
  // a1 starts on 27 February, a2 on 28 February (09:00 UTC).
  absl::StatusOr<v1::PractitionerAttendance> a = Get("practitioners/P-1", Day(2026, 2, 27), Day(2026, 2, 28));
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_EQ(a->entries_size(), 2);
  EXPECT_EQ(a->entries(0).event(), "events/a1");
  EXPECT_EQ(a->entries(1).event(), "events/a2");
  EXPECT_EQ(a->totals().attended(), 2);
  ASSERT_EQ(a->programmes_size(), 1);
  EXPECT_EQ(a->programmes(0).programme(), "programmes/prog");
  // From only: the conference on 1 March and after.
  a = Get("practitioners/P-1", Day(2026, 3, 1));
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->entries_size(), 3);
  EXPECT_EQ(a->entries(0).event(), "events/conf");
  // P-2 has just the one place.
  a = Get("practitioners/P-2");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->totals().registrations(), 1);
  EXPECT_EQ(a->totals().programmes_completed(), 0);
}

TEST_P(PractitionerAttendanceTest, UnknownAndErasedPractitionersAreNotFound) {
  EXPECT_EQ(Get("practitioners/P-404").status().code(), absl::StatusCode::kNotFound);
  v1::ErasePractitionerRequest erase;
  erase.set_name("practitioners/P-1");
  erase.set_reason("Request 2026/4");
  ASSERT_TRUE(PractitionerPrivacy(*db_).Erase(caller_, erase).ok());
  EXPECT_EQ(Get("practitioners/P-1").status().code(), absl::StatusCode::kNotFound);
  // The anonymous key can never be asked for.
  EXPECT_EQ(FieldsOf(Get("practitioners/~0123456789abcdef0123456789abcdef").status()),
            std::vector<std::string>{"practitioner"});
}

TEST_P(PractitionerAttendanceTest, BadInputNamesTheField) {
  EXPECT_EQ(FieldsOf(Get("").status()), std::vector<std::string>{"practitioner"});
  EXPECT_EQ(FieldsOf(Get("people/P-1").status()), std::vector<std::string>{"practitioner"});
  EXPECT_EQ(FieldsOf(Get("practitioners/P-1", Day(2026, 2, 30)).status()), std::vector<std::string>{"from.day"});
  EXPECT_EQ(FieldsOf(Get("practitioners/P-1", {}, Day(2026, 13, 1)).status()), std::vector<std::string>{"to.month"});
  EXPECT_EQ(FieldsOf(Get("practitioners/P-1", test_support::Month(2026, 2)).status()),
            std::vector<std::string>{"from.day"});
  EXPECT_EQ(FieldsOf(Get("practitioners/P-1", Day(2026, 3, 2), Day(2026, 3, 1)).status()),
            std::vector<std::string>{"from"});
  EXPECT_EQ(FieldsOf(Get("bad", Day(2026, 2, 30), Day(2026, 0, 1)).status()),
            (std::vector<std::string>{"practitioner", "from.day", "to.month"}));
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PractitionerAttendanceTest);

}  // namespace
}  // namespace wp::learning
