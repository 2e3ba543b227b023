#include "services/learning/evaluations/survey_summary.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "libs/table/table_text.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/evaluations/evaluations.h"
#include "services/learning/privacy/practitioner_privacy.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

// A programme of two past sessions and a third, ahead, that is cancelled
// after one pre response. Session 1: P-1..P-4 attend; before P-1 (knowledge
// 2), P-2 (3), P-3 (4); after P-1 (4, rated 5, impact 4), P-2 (3, rated 4,
// impact 3), P-4 (5, rated 5, impact 5): pairs P-1 (up) and P-2 (same).
// Session 2: P-1 and P-2 attend; after P-1 (5, rated 5, impact 5).
class SurveySummaryTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeProgramme("prog");
    MakeEvent("s1", -absl::Hours(48), 10, "prog");
    MakeEvent("s2", -absl::Hours(3), 10, "prog");
    MakeEvent("s3", absl::Hours(72), 10, "prog");
    for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
    RegisterAndAttend("s1", {"P-1", "P-2", "P-3", "P-4"}, {"P-1", "P-2", "P-3", "P-4"}, now_ - absl::Hours(100));
    RegisterAndAttend("s2", {"P-1", "P-2"}, {"P-1", "P-2"}, now_ - absl::Hours(100));
    RegisterAndAttend("s3", {"P-3"}, {}, now_);
    Answer("s1", "P-1", v1::PRE, 2, 0, 0, "Hoping for ideas on questioning");
    Answer("s1", "P-2", v1::PRE, 3, 0, 0, "  ");
    Answer("s1", "P-3", v1::PRE, 4, 0, 0, "");
    Answer("s1", "P-1", v1::POST, 4, 5, 4, "Practical, and well paced");
    Answer("s1", "P-2", v1::POST, 3, 4, 3, "");
    Answer("s1", "P-4", v1::POST, 5, 5, 5, "");
    Answer("s2", "P-1", v1::POST, 5, 5, 5, "Second session even better");
    Answer("s3", "P-3", v1::PRE, 1, 0, 0, "Looking forward to it");
    v1::CancelEventRequest cancel;
    cancel.set_name("events/s3");
    cancel.set_reason("Facilitator unwell");
    ASSERT_TRUE(LearningEvents(*db_).Cancel(caller_, cancel, now_).ok());
  }

  void Answer(const std::string& event, const std::string& practitioner, v1::Stage stage, int knowledge, int rating,
              int impact, const std::string& comment) {
    v1::SubmitEvaluationRequest request;
    v1::Evaluation* e = request.mutable_evaluation();
    e->set_event("events/" + event);
    e->set_practitioner("practitioners/" + practitioner);
    e->set_stage(stage);
    e->set_knowledge(knowledge);
    e->set_understanding(3);
    e->set_confidence(3);
    e->set_overall_rating(rating);
    e->set_expected_impact(impact);
    e->set_comment(comment);
    absl::StatusOr<v1::Evaluation> made = Evaluations(*db_).Submit(caller_, request, now_);
    ASSERT_TRUE(made.ok()) << made.status();
  }

  SurveySummary Read(const std::string& event, const std::string& programme) {
    v1::ExportSurveySummaryRequest request;
    request.set_event(event);
    request.set_programme(programme);
    absl::StatusOr<SurveySummary> summary = ReadSurveySummary(*db_, request);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : SurveySummary();
  }
};

TEST_P(SurveySummaryTest, OneEventsAnswersPairsAndComments) {
  SurveySummary s = Read("events/s1", "");
  EXPECT_EQ(s.scope, "events/s1");
  EXPECT_EQ(s.title, "Learning set: leading change");
  EXPECT_EQ(s.events, 1);
  EXPECT_EQ(s.attended, 4);
  EXPECT_EQ(s.pre_responses, 3);
  EXPECT_EQ(s.post_responses, 3);
  EXPECT_EQ(s.pairs, 2);
  EXPECT_EQ(s.knowledge.before, (ScaleCounts{0, 1, 1, 1, 0}));
  EXPECT_EQ(s.knowledge.after, (ScaleCounts{0, 0, 1, 1, 1}));
  EXPECT_EQ(s.knowledge.increased, 1);
  EXPECT_EQ(s.knowledge.same, 1);
  EXPECT_EQ(s.knowledge.decreased, 0);
  EXPECT_EQ(s.knowledge.change_sum, 2);
  EXPECT_EQ(s.understanding.same, 2);
  EXPECT_EQ(s.rating, (ScaleCounts{0, 0, 0, 1, 2}));
  EXPECT_EQ(s.impact, (ScaleCounts{0, 0, 1, 1, 1}));
  // Blank comments are left out; the rest carry only event and stage.
  ASSERT_EQ(s.comments.size(), 2u);
  EXPECT_EQ(s.comments[0].stage, v1::PRE);
  EXPECT_EQ(s.comments[0].text, "Hoping for ideas on questioning");
  EXPECT_EQ(s.comments[1].stage, v1::POST);
  EXPECT_EQ(s.comments[1].event, "events/s1");
}

TEST_P(SurveySummaryTest, AProgrammeCountsItsEventsButNotCancelledOnes) {
  SurveySummary s = Read("", "programmes/prog");
  EXPECT_EQ(s.scope, "programmes/prog");
  EXPECT_EQ(s.title, "Leadership Learning Sets");
  EXPECT_EQ(s.events, 2);
  EXPECT_EQ(s.attended, 6);
  EXPECT_EQ(s.pre_responses, 3) << "s3's answer went with the event";
  EXPECT_EQ(s.post_responses, 4);
  EXPECT_EQ(s.pairs, 2);
  EXPECT_EQ(s.rating, (ScaleCounts{0, 0, 0, 1, 3}));
  ASSERT_EQ(s.comments.size(), 3u);
  EXPECT_EQ(s.comments[2].event, "events/s2") << "in event order";
  EXPECT_EQ(s.comments[2].text, "Second session even better");
}

TEST_P(SurveySummaryTest, TheFileHoldsNoPractitionerAndErasedCommentsAreGone) {
  v1::ExportSurveySummaryRequest request;
  request.set_programme("programmes/prog");
  absl::StatusOr<v1::ExportSurveySummaryResponse> file = ExportSurveySummary(*db_, request);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->content_type(), "text/csv; charset=utf-8");
  EXPECT_TRUE(absl::StartsWith(file->content(), table::kUtf8Bom));
  EXPECT_EQ(file->content().find("P-"), std::string::npos) << file->content();
  EXPECT_NE(file->content().find("\"Practical, and well paced\""), std::string::npos) << file->content();
  auto rows = table::ParseTable(file->content(), table::Format::kCsv);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ((*rows)[0].cells[0], "Section");

  v1::ErasePractitionerRequest erase;
  erase.set_name("practitioners/P-1");
  erase.set_reason("Request 2026/3");
  ASSERT_TRUE(PractitionerPrivacy(*db_).Erase(caller_, erase).ok());
  request.set_format(v1::TSV);
  file = ExportSurveySummary(*db_, request);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->content_type(), "text/tab-separated-values; charset=utf-8");
  EXPECT_EQ(file->content().find("Practical"), std::string::npos);
  EXPECT_EQ(file->content().find("Second session"), std::string::npos);
  // The counts stay: P-1's answers are kept under the anonymous key.
  SurveySummary s = Read("", "programmes/prog");
  EXPECT_EQ(s.post_responses, 4);
  EXPECT_EQ(s.pairs, 2);
  EXPECT_EQ(s.comments.size(), 0u);
}

TEST_P(SurveySummaryTest, UnknownEventOrProgrammeIsNotFound) {
  v1::ExportSurveySummaryRequest request;
  request.set_event("events/none-such");
  EXPECT_EQ(ExportSurveySummary(*db_, request).status().code(), absl::StatusCode::kNotFound);
  request.clear_event();
  request.set_programme("programmes/none-such");
  EXPECT_EQ(ExportSurveySummary(*db_, request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(SurveySummaryTest, BadInputNamesTheField) {
  v1::ExportSurveySummaryRequest request;
  EXPECT_EQ(FieldsOf(ExportSurveySummary(*db_, request).status()), std::vector<std::string>{"event"});
  request.set_event("events/s1");
  request.set_programme("programmes/prog");
  EXPECT_EQ(FieldsOf(ExportSurveySummary(*db_, request).status()), std::vector<std::string>{"event"});
  request.clear_programme();
  request.set_event("event/s1");
  EXPECT_EQ(FieldsOf(ExportSurveySummary(*db_, request).status()), std::vector<std::string>{"event"});
  request.clear_event();
  request.set_programme("programmes/Not An Id");
  EXPECT_EQ(FieldsOf(ExportSurveySummary(*db_, request).status()), std::vector<std::string>{"programme"});
  request.set_programme("programmes/prog");
  request.set_format(static_cast<v1::TableFormat>(5));
  EXPECT_EQ(FieldsOf(ExportSurveySummary(*db_, request).status()), std::vector<std::string>{"format"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(SurveySummaryTest);

}  // namespace
}  // namespace wp::learning
