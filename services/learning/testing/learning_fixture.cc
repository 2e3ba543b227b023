#include "services/learning/testing/learning_fixture.h"

#include "libs/calendar/timestamps.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/catalogue/programmes.h"
#include "services/learning/core/known_links.h"
#include "services/learning/core/migrations.h"
#include "services/learning/practitioners/practitioners.h"
#include "services/learning/registrations/registrations.h"

namespace wp::learning::testing {

void LearningFixture::SetUp() {
  auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
  ASSERT_TRUE(db.ok()) << db.status();
  db_ = std::move(*db);
  caller_ = test_support::OfficerCaller("officer-ann", "4bf92f3577b34da6a3ce929d0e0e4736");
  now_ = absl::FromCivil(absl::CivilMinute(2026, 3, 2, 9, 0), absl::UTCTimeZone());
  absl::Status links = db_->Write([](store::Transaction& tx) -> absl::Status {
    absl::Status s = RememberWorkstream(tx, kWorkstream, "Leadership, Empowerment and Improvement");
    if (!s.ok()) return s;
    return RememberNetwork(tx, kNetwork, "Headteachers' forum");
  });
  ASSERT_TRUE(links.ok()) << links;
}

v1::Programme LearningFixture::MakeProgramme(const std::string& id, int min_events) {
  v1::CreateProgrammeRequest request;
  request.set_programme_id(id);
  request.mutable_programme()->set_title("Leadership Learning Sets");
  request.mutable_programme()->set_workstream(kWorkstream);
  request.mutable_programme()->set_completion_min_events(min_events);
  absl::StatusOr<v1::Programme> made = Programmes(*db_).Create(caller_, request, now_);
  EXPECT_TRUE(made.ok()) << made.status();
  return made.ok() ? *made : v1::Programme();
}

v1::LearningEvent LearningFixture::EventDraft(absl::Duration starts_in, int capacity) const {
  v1::LearningEvent event;
  event.set_title("Learning set: leading change");
  event.set_format(v1::LEARNING_SET);
  event.set_delivery(v1::VIRTUAL);
  *event.mutable_start_time() = calendar::TimestampOf(now_ + starts_in);
  *event.mutable_end_time() = calendar::TimestampOf(now_ + starts_in + absl::Hours(2));
  event.set_capacity(capacity);
  return event;
}

v1::LearningEvent LearningFixture::MakeEvent(const std::string& id, absl::Duration starts_in, int capacity,
                                             const std::string& programme_id) {
  v1::ScheduleEventRequest request;
  request.set_event_id(id);
  *request.mutable_event() = EventDraft(starts_in, capacity);
  if (!programme_id.empty()) request.mutable_event()->set_programme("programmes/" + programme_id);
  absl::StatusOr<v1::LearningEvent> made = LearningEvents(*db_).Schedule(caller_, request, now_);
  EXPECT_TRUE(made.ok()) << made.status();
  return made.ok() ? *made : v1::LearningEvent();
}

v1::Practitioner LearningFixture::MakePractitioner(const std::string& id, const std::string& authority,
                                                   v1::PractitionerRole role) {
  v1::CreatePractitionerRequest request;
  request.set_practitioner_id(id);
  request.mutable_practitioner()->set_authority(authority);
  request.mutable_practitioner()->set_establishment("Hillview Primary");
  request.mutable_practitioner()->set_sector(v1::PRIMARY);
  request.mutable_practitioner()->set_role(role);
  absl::StatusOr<v1::Practitioner> made = Practitioners(*db_).Create(caller_, request, now_);
  EXPECT_TRUE(made.ok()) << made.status();
  return made.ok() ? *made : v1::Practitioner();
}

void LearningFixture::RegisterAndAttend(const std::string& event_id, const std::vector<std::string>& registered,
                                        const std::vector<std::string>& attended, absl::Time at) {
  for (const std::string& id : registered) {
    v1::RegisterRequest request;
    request.set_event("events/" + event_id);
    request.set_practitioner("practitioners/" + id);
    request.set_after_cutoff(true);
    absl::StatusOr<v1::Registration> made = Registrations(*db_).Register(caller_, request, at);
    ASSERT_TRUE(made.ok()) << made.status();
  }
  if (attended.empty()) return;
  v1::RecordAttendanceRequest attendance;
  attendance.set_event("events/" + event_id);
  for (const std::string& id : attended) {
    v1::AttendanceEntry* entry = attendance.add_entries();
    entry->set_practitioner("practitioners/" + id);
    entry->set_attended(true);
  }
  absl::StatusOr<v1::RecordAttendanceResponse> recorded = Registrations(*db_).RecordAttendance(caller_, attendance, now_);
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  ASSERT_EQ(recorded->rejected(), 0);
}

}  // namespace wp::learning::testing
