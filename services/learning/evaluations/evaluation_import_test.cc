#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/evaluations/evaluations.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;
using R = v1::ImportedEvaluationResult;

class EvaluationImportTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeEvent("ioc-1", -absl::Hours(3), 10);
    for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
    // P-1, P-2, P-3 registered; P-1 and P-2 attended; P-4 never registered.
    RegisterAndAttend("ioc-1", {"P-1", "P-2", "P-3"}, {"P-1", "P-2"}, now_ - absl::Hours(100));
  }

  absl::StatusOr<v1::ImportEvaluationsResponse> Import(v1::Stage stage, const std::string& content,
                                                       const std::string& event = "events/ioc-1") {
    v1::ImportEvaluationsRequest request;
    request.set_event(event);
    request.set_stage(stage);
    request.set_content(content);
    return Evaluations(*db_).Import(caller_, request, now_);
  }

  absl::StatusOr<v1::Evaluation> Get(const std::string& practitioner_id, const std::string& stage) {
    v1::GetEvaluationRequest request;
    request.set_name("events/ioc-1/registrations/" + practitioner_id + "/evaluations/" + stage);
    return Evaluations(*db_).Get(request);
  }
};

TEST_P(EvaluationImportTest, ValidRowsAreStoredWithTheirEventsAndBadOnesRejected) {
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::ImportEvaluationsResponse> response =
      Import(v1::POST,
             "practitioner,knowledge,understanding,confidence,overall_rating,expected_impact,comment\r\n"
             "P-1,4,4,5,5,4,\"Useful, and practical\"\r\n"  // line 2: stored
             "P-2,4,9,5,5,4,\r\n"                           // line 3: out of range
             "P-3,3,3,3,3,3,\r\n"                           // line 4: did not attend
             "P-404,3,3,3,3,3,\r\n"                         // line 5: unknown
             "P-1,1,1,1,1,1,\r\n");                         // line 6: repeats line 2
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->submitted(), 1);
  EXPECT_EQ(response->rejected(), 4);
  ASSERT_EQ(response->results_size(), 5);
  std::vector<int> lines;
  for (const R& r : response->results()) lines.push_back(r.line());
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 5, 6}));
  EXPECT_EQ(response->results(0).outcome(), R::SUBMITTED);
  EXPECT_EQ(response->results(0).practitioner(), "practitioners/P-1");
  EXPECT_EQ(response->results(1).field(), "understanding");
  EXPECT_EQ(response->results(1).reason(), "must be 1 to 5, not 9");
  EXPECT_EQ(response->results(2).field(), "practitioner");
  EXPECT_NE(response->results(2).reason().find("did not attend"), std::string::npos);
  EXPECT_EQ(response->results(3).reason(), "practitioners/P-404 does not exist");
  EXPECT_EQ(response->results(4).reason(), "repeats line 2");

  absl::StatusOr<v1::Evaluation> stored = Get("P-1", "post");
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->confidence(), 5);
  EXPECT_EQ(stored->comment(), "Useful, and practical");
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.evaluation.submitted");
  v1::EvaluationSubmitted payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.evaluation().practitioner(), "practitioners/P-1");
  EXPECT_TRUE(payload.evaluation().comment().empty());

  // Importing again replaces, as submitting again does.
  absl::StatusOr<v1::ImportEvaluationsResponse> again = Import(
      v1::POST, "practitioner,knowledge,understanding,confidence,overall_rating,expected_impact\nP-1,2,2,2,2,2\n");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->submitted(), 1);
  EXPECT_EQ(Get("P-1", "post")->replaced(), 1);
  EXPECT_EQ(Get("P-1", "post")->knowledge(), 2);
}

TEST_P(EvaluationImportTest, PreResponsesComeFromPlaceHolders) {
  absl::StatusOr<v1::ImportEvaluationsResponse> response =
      Import(v1::PRE, "Confidence,Understanding,Knowledge,Practitioner\n2,2,2,P-3\n2,2,2,P-4\n");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->submitted(), 1);
  EXPECT_EQ(response->results(1).outcome(), R::REJECTED);
  EXPECT_NE(response->results(1).reason().find("holds no place"), std::string::npos);
  EXPECT_TRUE(Get("P-3", "pre").ok());
}

TEST_P(EvaluationImportTest, TheRequestAndTheFileAreCheckedAsAWhole) {
  const std::string file = "practitioner,knowledge,understanding,confidence\nP-1,3,3,3\n";
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(FieldsOf(Import(v1::STAGE_UNSPECIFIED, file, "ioc-1").status()),
            (std::vector<std::string>{"event", "stage"}));
  EXPECT_EQ(FieldsOf(Import(v1::POST, file).status()), std::vector<std::string>{"content"});
  EXPECT_EQ(FieldsOf(Import(v1::PRE, "P-1,3,3,3\n").status()), std::vector<std::string>{"content"});
  EXPECT_EQ(Import(v1::PRE, file, "events/missing").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
  EXPECT_FALSE(Get("P-1", "pre").ok());
  MakeEvent("gone", absl::Hours(30), 5);
  v1::CancelEventRequest cancel;
  cancel.set_name("events/gone");
  cancel.set_reason("Venue unavailable");
  ASSERT_TRUE(LearningEvents(*db_).Cancel(caller_, cancel, now_).ok());
  EXPECT_EQ(Import(v1::PRE, file, "events/gone").status().code(), absl::StatusCode::kFailedPrecondition);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(EvaluationImportTest);

}  // namespace
}  // namespace wp::learning
