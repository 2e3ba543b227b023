#include "services/learning/evaluations/evaluation_rules.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

v1::Evaluation Post() {
  v1::Evaluation e;
  e.set_event("events/ioc-1");
  e.set_practitioner("practitioners/P-1");
  e.set_stage(v1::POST);
  e.set_knowledge(4);
  e.set_understanding(4);
  e.set_confidence(3);
  e.set_overall_rating(5);
  e.set_expected_impact(4);
  e.set_comment("Useful.\nWill try the questioning techniques.");
  return e;
}

TEST(EvaluationRulesTest, AcceptsCompleteResponses) {
  EXPECT_TRUE(CheckEvaluation(Post(), "evaluation.").ok());
  v1::Evaluation pre = Post();
  pre.set_stage(v1::PRE);
  pre.clear_overall_rating();
  pre.clear_expected_impact();
  EXPECT_TRUE(CheckEvaluation(pre, "evaluation.").ok());
}

TEST(EvaluationRulesTest, ScoresAreOneToFiveAndPostOnlyFieldsStayOffPre) {
  v1::Evaluation bad = Post();
  bad.set_knowledge(0);
  bad.set_understanding(6);
  bad.set_overall_rating(0);
  bad.set_comment(std::string("\x1b[31m"));
  EXPECT_EQ(FieldsOf(CheckEvaluation(bad, "evaluation.")),
            (std::vector<std::string>{"evaluation.knowledge", "evaluation.understanding", "evaluation.overall_rating",
                                      "evaluation.comment"}));
  v1::Evaluation pre = Post();
  pre.set_stage(v1::PRE);
  EXPECT_EQ(FieldsOf(CheckEvaluation(pre, "")), (std::vector<std::string>{"overall_rating", "expected_impact"}));
  v1::Evaluation nothing;
  EXPECT_EQ(FieldsOf(CheckEvaluation(nothing, "")),
            (std::vector<std::string>{"event", "practitioner", "stage", "knowledge", "understanding", "confidence"}));
}

}  // namespace
}  // namespace wp::learning
