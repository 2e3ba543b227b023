#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/testing/learning_fixture.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::LastSeq;

class AttendanceTest : public testing::LearningFixture {
 protected:
  void Register(const std::string& event_id, const std::string& practitioner_id, absl::Time at) {
    v1::RegisterRequest request;
    request.set_event("events/" + event_id);
    request.set_practitioner("practitioners/" + practitioner_id);
    request.set_after_cutoff(true);
    absl::StatusOr<v1::Registration> r = Registrations(*db_).Register(caller_, request, at);
    ASSERT_TRUE(r.ok()) << r.status();
  }

  absl::StatusOr<v1::RecordAttendanceResponse> Record(const std::string& event_id,
                                                      const std::vector<std::pair<std::string, bool>>& entries) {
    v1::RecordAttendanceRequest request;
    request.set_event("events/" + event_id);
    for (const auto& [name, attended] : entries) {
      v1::AttendanceEntry* entry = request.add_entries();
      entry->set_practitioner(name);
      entry->set_attended(attended);
    }
    return Registrations(*db_).RecordAttendance(caller_, request, now_);
  }

  v1::Registration Get(const std::string& event_id, const std::string& practitioner_id) {
    v1::GetRegistrationRequest request;
    request.set_name("events/" + event_id + "/registrations/" + practitioner_id);
    absl::StatusOr<v1::Registration> r = Registrations(*db_).Get(request);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : v1::Registration();
  }
};

TEST_P(AttendanceTest, ACheckInListRecordsEachEntryOnItsOwn) {
  MakeEvent("ioc-1", -absl::Hours(3), 2);
  for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
  Register("ioc-1", "P-1", now_ - absl::Hours(100));
  Register("ioc-1", "P-2", now_ - absl::Hours(100));
  Register("ioc-1", "P-3", now_ - absl::Hours(100));  // waiting
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::RecordAttendanceResponse> response =
      Record("ioc-1", {{"practitioners/P-1", true},
                       {"practitioners/P-2", false},
                       {"practitioners/P-3", true},   // waiting, came anyway: a walk-in
                       {"practitioners/P-4", false},  // no place: cannot be absent
                       {"practitioners/P-404", true},
                       {"not-a-name", true},
                       {"practitioners/P-1", true}});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->recorded(), 3);
  EXPECT_EQ(response->rejected(), 4);
  using R = v1::AttendanceResult;
  std::vector<R::Outcome> outcomes;
  for (const R& r : response->results()) outcomes.push_back(r.outcome());
  EXPECT_EQ(outcomes, (std::vector<R::Outcome>{R::RECORDED, R::RECORDED, R::RECORDED, R::REJECTED, R::REJECTED,
                                                R::REJECTED, R::REJECTED}));
  EXPECT_EQ(response->results(3).field(), "entries[3].attended");
  EXPECT_EQ(response->results(5).field(), "entries[5].practitioner");
  EXPECT_EQ(response->results(6).reason(), "repeats entries[0]");

  EXPECT_EQ(Get("ioc-1", "P-1").attendance(), v1::ATTENDED);
  EXPECT_EQ(Get("ioc-1", "P-2").attendance(), v1::ABSENT);
  v1::Registration walk_in = Get("ioc-1", "P-3");
  EXPECT_TRUE(walk_in.walk_in());
  EXPECT_EQ(walk_in.state(), v1::PLACED);

  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.attendance.recorded");
  v1::AttendanceRecorded recorded;
  ASSERT_TRUE(events[0].payload().UnpackTo(&recorded));
  EXPECT_EQ(recorded.entries_size(), 3);

  // The same list again changes nothing and publishes nothing.
  const int64_t after = LastSeq(*db_);
  absl::StatusOr<v1::RecordAttendanceResponse> again = Record("ioc-1", {{"practitioners/P-1", true}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged(), 1);
  EXPECT_TRUE(EventsAfter(*db_, after).empty());

  // The walk-in took no capacity: the event still shows two places taken.
  v1::GetEventRequest get;
  get.set_name("events/ioc-1");
  absl::StatusOr<v1::LearningEvent> event = LearningEvents(*db_).Get(get);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->registered(), 2);
  EXPECT_EQ(event->waiting(), 0);
}

TEST_P(AttendanceTest, HeldEventsCountNoShows) {
  MakeEvent("ioc-1", -absl::Hours(3), 5);
  for (const char* id : {"P-1", "P-2", "P-3"}) {
    MakePractitioner(id);
    Register("ioc-1", id, now_ - absl::Hours(100));
  }
  ASSERT_TRUE(Record("ioc-1", {{"practitioners/P-1", true}}).ok());
  const int64_t before = LastSeq(*db_);
  v1::MarkEventHeldRequest held;
  held.set_name("events/ioc-1");
  absl::StatusOr<v1::LearningEvent> event = LearningEvents(*db_).MarkHeld(caller_, held, now_);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->status(), v1::HELD);
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  v1::EventHeld payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.attended(), 1);
  EXPECT_EQ(payload.no_shows(), 2);
  // Attendance may still be corrected on a held event.
  EXPECT_EQ(Record("ioc-1", {{"practitioners/P-2", true}})->recorded(), 1);
}

TEST_P(AttendanceTest, RefusesFutureAndCancelledEvents) {
  MakeEvent("later", absl::Hours(3), 5);
  MakePractitioner("P-1");
  EXPECT_EQ(Record("later", {{"practitioners/P-1", true}}).status().code(), absl::StatusCode::kFailedPrecondition);
  v1::MarkEventHeldRequest held;
  held.set_name("events/later");
  EXPECT_EQ(LearningEvents(*db_).MarkHeld(caller_, held, now_).status().code(),
            absl::StatusCode::kFailedPrecondition);
  v1::CancelEventRequest cancel;
  cancel.set_name("events/later");
  cancel.set_reason("Facilitator unwell");
  ASSERT_TRUE(LearningEvents(*db_).Cancel(caller_, cancel, now_).ok());
  EXPECT_EQ(Record("later", {{"practitioners/P-1", true}}).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Record("missing", {{"practitioners/P-1", true}}).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(AttendanceTest, MeetingTheRuleCompletesTheProgrammeOnce) {
  MakeProgramme("leadership-sets", /*min_events=*/2);
  MakeEvent("set-1", -absl::Hours(72), 10, "leadership-sets");
  MakeEvent("set-2", -absl::Hours(48), 10, "leadership-sets");
  MakeEvent("set-3", -absl::Hours(24), 10, "leadership-sets");
  MakePractitioner("P-1");
  MakePractitioner("P-2");
  ASSERT_TRUE(Record("set-1", {{"practitioners/P-1", true}, {"practitioners/P-2", true}}).ok());
  const int64_t before = LastSeq(*db_);
  ASSERT_TRUE(Record("set-2", {{"practitioners/P-1", true}}).ok());
  ASSERT_TRUE(Record("set-3", {{"practitioners/P-1", true}}).ok());
  std::vector<std::string> completed;
  for (const auto& e : EventsAfter(*db_, before)) {
    if (e.type() != "wp.learning.programme.completed") continue;
    v1::ProgrammeCompleted payload;
    ASSERT_TRUE(e.payload().UnpackTo(&payload));
    EXPECT_EQ(payload.programme(), "programmes/leadership-sets");
    EXPECT_EQ(payload.events_attended(), 2);
    completed.push_back(payload.practitioner());
  }
  EXPECT_EQ(completed, std::vector<std::string>{"practitioners/P-1"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(AttendanceTest);

}  // namespace
}  // namespace wp::learning
