#include "services/learning/evaluations/survey_summary_csv.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace wp::learning {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The row of `section` whose Measure is `measure`.
std::vector<std::string> RowOf(const Rows& rows, const std::string& section, const std::string& measure) {
  for (const auto& row : rows) {
    if (row[0] == section && row[1] == measure) return row;
  }
  ADD_FAILURE() << "no row " << section << " / " << measure;
  return std::vector<std::string>(11);
}

// An event: 4 attended; 3 answered before, 4 after, 3 both.
SurveySummary AnEvent() {
  SurveySummary s;
  s.scope = "events/ioc-1";
  s.title = "Improving Our Classrooms: session 1";
  s.events = 1;
  s.attended = 4;
  s.pre_responses = 3;
  s.post_responses = 4;
  s.pairs = 3;
  s.knowledge.before = {0, 2, 1, 0, 0};
  s.knowledge.after = {0, 0, 1, 2, 1};
  s.knowledge.increased = 2;
  s.knowledge.same = 1;
  s.knowledge.change_sum = 3;
  s.confidence.decreased = 1;
  s.confidence.same = 2;
  s.confidence.change_sum = -1;
  s.rating = {0, 0, 1, 1, 2};
  s.impact = {0, 1, 0, 3, 0};
  s.comments = {{"events/ioc-1", v1::PRE, "Hoping to learn about questioning"},
                {"events/ioc-1", v1::POST, "=1+1 and \"practical\", thank you"}};
  return s;
}

TEST(SurveySummaryCsvTest, OneHeaderAndSectionsEveryRowTheSameWidth) {
  Rows rows = SurveySummaryRows(AnEvent());
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Section", "Measure", "1", "2", "3", "4", "5", "Answers", "Mean",
                                               "Value", "Comment"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(RowOf(rows, "Survey", "Event")[9], "events/ioc-1");
  EXPECT_EQ(RowOf(rows, "Survey", "Title")[9], "Improving Our Classrooms: session 1");
  EXPECT_EQ(RowOf(rows, "Responses", "Response rate % (after / attended)")[9], "100.0");
  EXPECT_EQ(RowOf(rows, "Responses", "Answered before and after")[9], "3");
}

TEST(SurveySummaryCsvTest, EachQuestionBeforeAfterAndChange) {
  Rows rows = SurveySummaryRows(AnEvent());
  EXPECT_EQ(RowOf(rows, "Knowledge", "Before"),
            (std::vector<std::string>{"Knowledge", "Before", "0", "2", "1", "0", "0", "3", "2.33", "", ""}));
  EXPECT_EQ(RowOf(rows, "Knowledge", "After"),
            (std::vector<std::string>{"Knowledge", "After", "0", "0", "1", "2", "1", "4", "4.00", "", ""}));
  EXPECT_EQ(RowOf(rows, "Knowledge", "Increased")[9], "2");
  EXPECT_EQ(RowOf(rows, "Knowledge", "Increased %")[9], "66.7");
  EXPECT_EQ(RowOf(rows, "Knowledge", "Same")[9], "1");
  EXPECT_EQ(RowOf(rows, "Knowledge", "Decreased")[9], "0");
  EXPECT_EQ(RowOf(rows, "Knowledge", "Mean change")[9], "1.00");
  EXPECT_EQ(RowOf(rows, "Confidence", "Mean change")[9], "-0.33");
  EXPECT_EQ(RowOf(rows, "Understanding", "Before")[8], "") << "no answers: no mean";
}

TEST(SurveySummaryCsvTest, RatingImpactAndComments) {
  Rows rows = SurveySummaryRows(AnEvent());
  const auto rating = RowOf(rows, "Rating", "Overall rating (1 poor to 5 excellent)");
  EXPECT_EQ(std::vector<std::string>(rating.begin() + 2, rating.begin() + 9),
            (std::vector<std::string>{"0", "0", "1", "1", "2", "4", "4.25"}));
  EXPECT_EQ(RowOf(rows, "Rating", "Excellent %")[9], "50.0");
  EXPECT_EQ(RowOf(rows, "Expected impact", "Expected impact on practice (1 none to 5 a great deal)")[6], "0");
  EXPECT_EQ(RowOf(rows, "Expected impact", "Expected impact on practice (1 none to 5 a great deal)")[5], "3");
  ASSERT_EQ(rows[rows.size() - 2][0], "Comments");
  EXPECT_EQ(rows[rows.size() - 2][1], "Before");
  EXPECT_EQ(rows[rows.size() - 2][9], "events/ioc-1");
  EXPECT_EQ(rows[rows.size() - 2][10], "Hoping to learn about questioning");
  EXPECT_EQ(rows.back()[1], "After");
  EXPECT_EQ(rows.back()[10], "'=1+1 and \"practical\", thank you") << "never run as a formula";
}

TEST(SurveySummaryCsvTest, NothingAnsweredLeavesRatesEmpty) {
  SurveySummary s;
  s.scope = "programmes/leadership-sets";
  Rows rows = SurveySummaryRows(s);
  EXPECT_EQ(RowOf(rows, "Survey", "Programme")[9], "programmes/leadership-sets");
  EXPECT_EQ(RowOf(rows, "Responses", "Response rate % (after / attended)")[9], "");
  EXPECT_EQ(RowOf(rows, "Knowledge", "Increased %")[9], "");
  EXPECT_EQ(RowOf(rows, "Rating", "Excellent %")[9], "");
  EXPECT_EQ(rows.back()[0], "Expected impact") << "no comments, no comment rows";
}

}  // namespace
}  // namespace wp::learning
