#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/testing/learning_fixture.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;
using R = v1::AttendanceResult;

class AttendanceImportTest : public testing::LearningFixture {
 protected:
  void Register(const std::string& event_id, const std::string& practitioner_id) {
    v1::RegisterRequest request;
    request.set_event("events/" + event_id);
    request.set_practitioner("practitioners/" + practitioner_id);
    request.set_after_cutoff(true);
    ASSERT_TRUE(Registrations(*db_).Register(caller_, request, now_ - absl::Hours(100)).ok());
  }

  absl::StatusOr<v1::ImportAttendanceResponse> Import(const std::string& event_id, const std::string& content) {
    v1::ImportAttendanceRequest request;
    request.set_event("events/" + event_id);
    request.set_content(content);
    return Registrations(*db_).ImportAttendance(caller_, request, now_);
  }

  v1::Registration Get(const std::string& event_id, const std::string& practitioner_id) {
    v1::GetRegistrationRequest request;
    request.set_name("events/" + event_id + "/registrations/" + practitioner_id);
    absl::StatusOr<v1::Registration> r = Registrations(*db_).Get(request);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : v1::Registration();
  }
};

TEST_P(AttendanceImportTest, EachRowIsRecordedAsAnEntryWithOneEvent) {
  MakeEvent("ioc-1", -absl::Hours(3), 2);
  for (const char* id : {"GCC-T1", "GCC-T2", "GCC-T3", "GCC-T4"}) MakePractitioner(id);
  Register("ioc-1", "GCC-T1");
  Register("ioc-1", "GCC-T2");
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::ImportAttendanceResponse> response = Import(
      "ioc-1",
      "Signed,Practitioner,Attended\r\n"
      "\"Smith, J\",GCC-T1,yes\r\n"        // line 2: recorded
      ",practitioners/GCC-T2,no\r\n"       // line 3: recorded absent
      ",GCC-T3,\r\n"                       // line 4: a walk-in
      ",GCC-T4,n\r\n"                      // line 5: no place, cannot be absent
      ",GCC-T404,y\r\n"                    // line 6: unknown
      ",GCC-T1,maybe\r\n"                  // line 7: bad yes/no
      ",GCC-T1,1\r\n"                      // line 8: repeats line 2
      ",bad/name,1\r\n");                  // line 9: malformed id
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->recorded(), 3);
  EXPECT_EQ(response->unchanged(), 0);
  EXPECT_EQ(response->rejected(), 5);
  ASSERT_EQ(response->results_size(), 8);
  std::vector<R::Outcome> outcomes;
  std::vector<int> lines;
  for (const R& r : response->results()) {
    outcomes.push_back(r.outcome());
    lines.push_back(r.line());
  }
  EXPECT_EQ(outcomes, (std::vector<R::Outcome>{R::RECORDED, R::RECORDED, R::RECORDED, R::REJECTED, R::REJECTED,
                                                R::REJECTED, R::REJECTED, R::REJECTED}));
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(response->results(0).practitioner(), "practitioners/GCC-T1");
  EXPECT_EQ(response->results(3).field(), "attended");
  EXPECT_EQ(response->results(4).field(), "practitioner");
  EXPECT_EQ(response->results(4).reason(), "practitioners/GCC-T404 does not exist");
  EXPECT_EQ(response->results(5).field(), "attended");
  EXPECT_EQ(response->results(6).field(), "practitioner");
  EXPECT_EQ(response->results(6).reason(), "repeats line 2");
  EXPECT_EQ(response->results(7).field(), "practitioner");

  EXPECT_EQ(Get("ioc-1", "GCC-T1").attendance(), v1::ATTENDED);
  EXPECT_EQ(Get("ioc-1", "GCC-T2").attendance(), v1::ABSENT);
  EXPECT_TRUE(Get("ioc-1", "GCC-T3").walk_in());
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.attendance.recorded");
  v1::AttendanceRecorded recorded;
  ASSERT_TRUE(events[0].payload().UnpackTo(&recorded));
  EXPECT_EQ(recorded.entries_size(), 3);

  // The same file again changes nothing and publishes nothing.
  const int64_t after = LastSeq(*db_);
  absl::StatusOr<v1::ImportAttendanceResponse> again = Import("ioc-1", "practitioner\nGCC-T1\nGCC-T3\n");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged(), 2);
  EXPECT_TRUE(EventsAfter(*db_, after).empty());
}

TEST_P(AttendanceImportTest, TheEventAndTheFileAreCheckedAsAWhole) {
  MakeEvent("later", absl::Hours(3), 5);
  MakeEvent("ioc-1", -absl::Hours(3), 5);
  MakePractitioner("P-1");
  EXPECT_EQ(Import("later", "practitioner\nP-1\n").status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Import("missing", "practitioner\nP-1\n").status().code(), absl::StatusCode::kNotFound);
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(FieldsOf(Import("ioc-1", "attended\nyes\n").status()), std::vector<std::string>{"content"});
  EXPECT_EQ(FieldsOf(Import("ioc-1", "practitioner\nP-\xFF\n").status()), std::vector<std::string>{"content"});
  EXPECT_EQ(FieldsOf(Import("ioc-1", "").status()), std::vector<std::string>{"content"});
  v1::ImportAttendanceRequest bad_event;
  bad_event.set_event("ioc-1");
  bad_event.set_content("practitioner\nP-1\n");
  EXPECT_EQ(FieldsOf(Registrations(*db_).ImportAttendance(caller_, bad_event, now_).status()),
            std::vector<std::string>{"event"});
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
  v1::GetRegistrationRequest get;  // nothing was recorded
  get.set_name("events/ioc-1/registrations/P-1");
  EXPECT_EQ(Registrations(*db_).Get(get).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(AttendanceImportTest);

}  // namespace
}  // namespace wp::learning
