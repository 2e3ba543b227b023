#include "services/learning/privacy/practitioner_privacy.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/evaluations/evaluations.h"
#include "services/learning/practitioners/practitioners.h"
#include "services/learning/privacy/retention_policy.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/statistics/learning_statistics.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

class PractitionerPrivacyTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeProgramme("prog", /*min_events=*/1);
    MakeEvent("e1", -absl::Hours(24 * 40), 10, "prog");
    MakeEvent("e2", absl::Hours(24 * 2), 10, "prog");
    MakePractitioner("P-1");
    MakePractitioner("P-2");
    // P-1 attended e1 (40 days ago) and answered; P-2 has a place at e2,
    // two days ahead.
    Attend("e1", "P-1");
    Answer("e1", "P-1", v1::PRE, "I hope to learn about questioning");
    Answer("e1", "P-1", v1::POST, "Ms Smith's example was the best part");
    v1::RegisterRequest place;
    place.set_event("events/e2");
    place.set_practitioner("practitioners/P-2");
    ASSERT_TRUE(Registrations(*db_).Register(caller_, place, now_).ok());
  }

  void Attend(const std::string& event, const std::string& practitioner) {
    v1::RecordAttendanceRequest request;
    request.set_event("events/" + event);
    v1::AttendanceEntry* entry = request.add_entries();
    entry->set_practitioner("practitioners/" + practitioner);
    entry->set_attended(true);
    ASSERT_TRUE(Registrations(*db_).RecordAttendance(caller_, request, now_).ok());
  }

  void Answer(const std::string& event, const std::string& practitioner, v1::Stage stage, const std::string& comment) {
    v1::SubmitEvaluationRequest request;
    v1::Evaluation* e = request.mutable_evaluation();
    e->set_event("events/" + event);
    e->set_practitioner("practitioners/" + practitioner);
    e->set_stage(stage);
    e->set_knowledge(stage == v1::PRE ? 2 : 4);
    e->set_understanding(3);
    e->set_confidence(3);
    if (stage == v1::POST) {
      e->set_overall_rating(5);
      e->set_expected_impact(4);
    }
    e->set_comment(comment);
    ASSERT_TRUE(Evaluations(*db_).Submit(caller_, request, now_).ok());
  }

  v1::Figures Totals() {
    absl::StatusOr<v1::Statistics> s =
        LearningStatistics(*db_).Get(v1::GetStatisticsRequest(), absl::ToCivilDay(now_, absl::UTCTimeZone()));
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? s->totals() : v1::Figures();
  }
};

TEST_P(PractitionerPrivacyTest, ExportHoldsEverythingKeptAboutOnePerson) {
  v1::ExportPractitionerRequest request;
  request.set_name("practitioners/P-1");
  absl::StatusOr<v1::PractitionerExport> out = PractitionerPrivacy(*db_).Export(request);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->practitioner().name(), "practitioners/P-1");
  ASSERT_EQ(out->registrations_size(), 1);
  EXPECT_EQ(out->registrations(0).event(), "events/e1");
  ASSERT_EQ(out->evaluations_size(), 2);
  EXPECT_EQ(out->evaluations(1).comment(), "Ms Smith's example was the best part");
  EXPECT_EQ(std::vector<std::string>(out->completed_programmes().begin(), out->completed_programmes().end()),
            std::vector<std::string>{"programmes/prog"});
  request.set_name("practitioners/P-404");
  EXPECT_EQ(PractitionerPrivacy(*db_).Export(request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(PractitionerPrivacyTest, ErasureRemovesThePersonAndKeepsTheTotals) {
  const v1::Figures before = Totals();
  const int64_t seq = LastSeq(*db_);
  v1::ErasePractitionerRequest request;
  request.set_name("practitioners/P-1");
  request.set_reason("Request 2026/17 by email");
  absl::StatusOr<v1::ErasePractitionerResponse> erased = PractitionerPrivacy(*db_).Erase(caller_, request);
  ASSERT_TRUE(erased.ok()) << erased.status();
  EXPECT_EQ(erased->registrations(), 1);
  EXPECT_EQ(erased->evaluations(), 2);
  EXPECT_EQ(erased->completions(), 1);
  EXPECT_EQ(Totals().SerializeAsString(), before.SerializeAsString()) << "every total stays the same";

  // Nothing answers to the id any more, and it is in no event.
  v1::ExportPractitionerRequest export_request;
  export_request.set_name("practitioners/P-1");
  EXPECT_EQ(PractitionerPrivacy(*db_).Export(export_request).status().code(), absl::StatusCode::kNotFound);
  v1::ListPractitionersRequest list;
  absl::StatusOr<v1::ListPractitionersResponse> listed = Practitioners(*db_).List(list);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->practitioners_size(), 1);
  EXPECT_EQ(listed->practitioners(0).name(), "practitioners/P-2");
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, seq);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.practitioner.erased");
  EXPECT_EQ(events[0].subject(), "practitioners");
  EXPECT_EQ(events[0].payload().value().find("P-1"), std::string::npos);
  // The free text is gone with the link.
  auto comments = db_->Read([](store::Transaction& tx) -> absl::Status {
    auto rows = tx.Query("SELECT COUNT(*) FROM evaluations WHERE comment <> ''");
    if (!rows.ok()) return rows.status();
    return (*rows)[0].Int(0) == 0 ? absl::OkStatus() : absl::InternalError("a comment survived");
  });
  EXPECT_TRUE(comments.ok()) << comments;

  // Erasing again is NOT_FOUND; the id may be used afresh.
  EXPECT_EQ(PractitionerPrivacy(*db_).Erase(caller_, request).status().code(), absl::StatusCode::kNotFound);
  MakePractitioner("P-1");
}

TEST_P(PractitionerPrivacyTest, ErasureRefusesBadRequests) {
  v1::ErasePractitionerRequest request;
  request.set_name("people/P-1");
  EXPECT_EQ(FieldsOf(PractitionerPrivacy(*db_).Erase(caller_, request).status()),
            (std::vector<std::string>{"name", "reason"}));
  request.set_name("practitioners/P-1");
  request.set_reason("asked to forget P-1");
  EXPECT_EQ(FieldsOf(PractitionerPrivacy(*db_).Erase(caller_, request).status()), std::vector<std::string>{"reason"});
}

TEST_P(PractitionerPrivacyTest, RetentionErasesTheInactiveWithADryRunFirst) {
  const v1::Figures before = Totals();
  v1::ApplyRetentionRequest request;
  // Inactive since before 3 March (the day after the fixture's clock, when
  // both were created): P-1's only event was 40 days earlier; P-2's ends on
  // 4 March.
  *request.mutable_inactive_before() = test_support::Day(2026, 3, 3);
  request.set_dry_run(true);
  PractitionerPrivacy privacy(*db_);
  absl::CivilDay today(2026, 3, 3);
  absl::StatusOr<v1::ApplyRetentionResponse> dry = privacy.ApplyRetention(caller_, request, today);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_EQ(dry->practitioners(), 1);
  EXPECT_EQ(dry->registrations(), 1);
  EXPECT_EQ(dry->evaluations(), 2);
  EXPECT_TRUE(dry->dry_run());
  v1::GetPractitionerRequest get;
  get.set_name("practitioners/P-1");
  EXPECT_TRUE(Practitioners(*db_).Get(get).ok()) << "a dry run erases nothing";

  request.set_dry_run(false);
  absl::StatusOr<v1::ApplyRetentionResponse> applied = privacy.ApplyRetention(caller_, request, today);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->practitioners(), 1);
  EXPECT_EQ(Practitioners(*db_).Get(get).status().code(), absl::StatusCode::kNotFound);
  get.set_name("practitioners/P-2");
  EXPECT_TRUE(Practitioners(*db_).Get(get).ok());
  EXPECT_EQ(Totals().SerializeAsString(), before.SerializeAsString());

  // A day after today is refused.
  *request.mutable_inactive_before() = test_support::Day(2026, 3, 4);
  EXPECT_EQ(FieldsOf(privacy.ApplyRetention(caller_, request, today).status()),
            std::vector<std::string>{"inactive_before"});
}

TEST_P(PractitionerPrivacyTest, ThePolicyNeedsAPositiveNumberOfDays) {
  PractitionerPrivacy privacy(*db_);
  EXPECT_EQ(ApplyRetentionPolicy(privacy, 0, now_).status().code(), absl::StatusCode::kInvalidArgument);
  // Everyone was created at now_ (the fixture's clock), so a day's policy
  // run at now_ erases nobody.
  absl::StatusOr<int> none = ApplyRetentionPolicy(privacy, 1, now_);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(*none, 0);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PractitionerPrivacyTest);

}  // namespace
}  // namespace wp::learning
