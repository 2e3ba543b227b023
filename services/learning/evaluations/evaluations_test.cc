#include "services/learning/evaluations/evaluations.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::LastSeq;

class EvaluationsTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeEvent("ioc-1", -absl::Hours(3), 10);
    for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
    // P-1, P-2, P-3 registered; P-1 and P-2 attended; P-4 never registered.
    RegisterAndAttend("ioc-1", {"P-1", "P-2", "P-3"}, {"P-1", "P-2"}, now_ - absl::Hours(100));
  }

  absl::StatusOr<v1::Evaluation> Submit(const std::string& practitioner_id, v1::Stage stage, int knowledge,
                                        const std::string& comment = "") {
    v1::SubmitEvaluationRequest request;
    v1::Evaluation* e = request.mutable_evaluation();
    e->set_event("events/ioc-1");
    e->set_practitioner("practitioners/" + practitioner_id);
    e->set_stage(stage);
    e->set_knowledge(knowledge);
    e->set_understanding(3);
    e->set_confidence(3);
    if (stage == v1::POST) {
      e->set_overall_rating(5);
      e->set_expected_impact(4);
    }
    e->set_comment(comment);
    return Evaluations(*db_).Submit(caller_, request, now_);
  }

  v1::ListNonRespondersResponse NonResponders(v1::Stage stage) {
    v1::ListNonRespondersRequest request;
    request.set_event("events/ioc-1");
    request.set_stage(stage);
    absl::StatusOr<v1::ListNonRespondersResponse> response = Evaluations(*db_).ListNonResponders(request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : v1::ListNonRespondersResponse();
  }
};

TEST_P(EvaluationsTest, PreFromThoseWithAPlacePostOnlyFromAttendees) {
  EXPECT_TRUE(Submit("P-3", v1::PRE, 2).ok());
  EXPECT_EQ(Submit("P-3", v1::POST, 4).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Submit("P-4", v1::PRE, 2).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Submit("P-404", v1::PRE, 2).status().code(), absl::StatusCode::kNotFound);
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::Evaluation> post = Submit("P-1", v1::POST, 4, "Colleague Jane Smith found it useful too");
  ASSERT_TRUE(post.ok()) << post.status();
  EXPECT_EQ(post->name(), "events/ioc-1/registrations/P-1/evaluations/post");
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.evaluation.submitted");
  v1::EvaluationSubmitted payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.evaluation().knowledge(), 4);
  EXPECT_TRUE(payload.evaluation().comment().empty()) << "free text must not travel on the bus";
}

TEST_P(EvaluationsTest, ResubmittingReplaces) {
  ASSERT_TRUE(Submit("P-1", v1::PRE, 2).ok());
  absl::StatusOr<v1::Evaluation> again = Submit("P-1", v1::PRE, 3);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->knowledge(), 3);
  EXPECT_EQ(again->replaced(), 1);
  v1::ListEvaluationsRequest list;
  list.set_event("events/ioc-1");
  absl::StatusOr<v1::ListEvaluationsResponse> all = Evaluations(*db_).List(list);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->evaluations_size(), 1);
  EXPECT_EQ(all->evaluations(0).knowledge(), 3);
}

TEST_P(EvaluationsTest, ListsWhoHasNotAnswered) {
  ASSERT_TRUE(Submit("P-1", v1::PRE, 2).ok());
  ASSERT_TRUE(Submit("P-2", v1::POST, 4).ok());
  v1::ListNonRespondersResponse pre = NonResponders(v1::PRE);
  EXPECT_EQ(pre.expected(), 3);
  EXPECT_EQ(pre.responded(), 1);
  EXPECT_EQ(std::vector<std::string>(pre.practitioners().begin(), pre.practitioners().end()),
            (std::vector<std::string>{"practitioners/P-2", "practitioners/P-3"}));
  v1::ListNonRespondersResponse post = NonResponders(v1::POST);
  EXPECT_EQ(post.expected(), 2);
  EXPECT_EQ(std::vector<std::string>(post.practitioners().begin(), post.practitioners().end()),
            std::vector<std::string>{"practitioners/P-1"});

  v1::ListNonRespondersRequest no_stage;
  no_stage.set_event("events/ioc-1");
  EXPECT_EQ(Evaluations(*db_).ListNonResponders(no_stage).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(EvaluationsTest, ListsPageByPractitionerAndStage) {
  ASSERT_TRUE(Submit("P-1", v1::PRE, 2).ok());
  ASSERT_TRUE(Submit("P-1", v1::POST, 4).ok());
  ASSERT_TRUE(Submit("P-2", v1::PRE, 1).ok());
  v1::ListEvaluationsRequest list;
  list.set_event("events/ioc-1");
  list.set_page_size(2);
  int pages = 0;
  std::vector<std::string> names = test_support::AllPages<std::string>(
      list, [&](const v1::ListEvaluationsRequest& r) { return Evaluations(*db_).List(r); },
      [](const v1::ListEvaluationsResponse& page, std::vector<std::string>* out) {
        for (const v1::Evaluation& e : page.evaluations()) out->push_back(e.name());
      },
      &pages);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(names, (std::vector<std::string>{"events/ioc-1/registrations/P-1/evaluations/pre",
                                             "events/ioc-1/registrations/P-1/evaluations/post",
                                             "events/ioc-1/registrations/P-2/evaluations/pre"}));
  v1::GetEvaluationRequest get;
  get.set_name("events/ioc-1/registrations/P-3/evaluations/pre");
  EXPECT_EQ(Evaluations(*db_).Get(get).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(EvaluationsTest);

}  // namespace
}  // namespace wp::learning
