#include "services/learning/evaluations/survey_summary_csv.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/match.h"
#include "services/learning/core/csv_export.h"

namespace wp::learning {
namespace {

using Row = std::vector<std::string>;

enum Cell { kSection, kMeasure, kScale1, kAnswers = kScale1 + 5, kMean, kValue, kComment, kCells };

// part / whole as a percentage with one decimal; empty when whole is 0.
std::string PercentText(int64_t part, int64_t whole) {
  if (whole == 0) return "";
  return absl::StrFormat("%.1f", std::round(1000.0 * part / whole) / 10.0 + 0.0);
}

// sum / n with two decimals; empty when n is 0.
std::string MeanText(int64_t sum, int64_t n) {
  if (n == 0) return "";
  return absl::StrFormat("%.2f", std::round(100.0 * sum / n) / 100.0 + 0.0);
}

Row Line(const std::string& section, const std::string& measure) {
  Row row(kCells);
  row[kSection] = section;
  row[kMeasure] = measure;
  return row;
}

Row ValueLine(const std::string& section, const std::string& measure, std::string value) {
  Row row = Line(section, measure);
  row[kValue] = std::move(value);
  return row;
}

Row ScaleLine(const std::string& section, const std::string& measure, const ScaleCounts& counts) {
  Row row = Line(section, measure);
  int64_t answers = 0;
  int64_t sum = 0;
  for (int score = 1; score <= 5; ++score) {
    const int64_t n = counts[score - 1];
    row[kScale1 + score - 1] = absl::StrCat(n);
    answers += n;
    sum += n * score;
  }
  row[kAnswers] = absl::StrCat(answers);
  row[kMean] = MeanText(sum, answers);
  return row;
}

void AddQuestion(const std::string& section, const QuestionSummary& q, int64_t pairs, std::vector<Row>& rows) {
  rows.push_back(ScaleLine(section, "Before", q.before));
  rows.push_back(ScaleLine(section, "After", q.after));
  rows.push_back(ValueLine(section, "Increased", absl::StrCat(q.increased)));
  rows.push_back(ValueLine(section, "Increased %", PercentText(q.increased, pairs)));
  rows.push_back(ValueLine(section, "Same", absl::StrCat(q.same)));
  rows.push_back(ValueLine(section, "Decreased", absl::StrCat(q.decreased)));
  rows.push_back(ValueLine(section, "Mean change", MeanText(q.change_sum, pairs)));
}

}  // namespace

std::vector<std::vector<std::string>> SurveySummaryRows(const SurveySummary& s) {
  std::vector<Row> rows;
  rows.push_back({"Section", "Measure", "1", "2", "3", "4", "5", "Answers", "Mean", "Value", "Comment"});
  const bool programme = absl::StartsWith(s.scope, "programmes/");
  rows.push_back(ValueLine("Survey", programme ? "Programme" : "Event", s.scope));
  rows.push_back(ValueLine("Survey", "Title", SpreadsheetText(s.title)));
  rows.push_back(ValueLine("Survey", "Events", absl::StrCat(s.events)));

  rows.push_back(ValueLine("Responses", "Attended", absl::StrCat(s.attended)));
  rows.push_back(ValueLine("Responses", "Responses before", absl::StrCat(s.pre_responses)));
  rows.push_back(ValueLine("Responses", "Responses after", absl::StrCat(s.post_responses)));
  rows.push_back(
      ValueLine("Responses", "Response rate % (after / attended)", PercentText(s.post_responses, s.attended)));
  rows.push_back(ValueLine("Responses", "Answered before and after", absl::StrCat(s.pairs)));

  AddQuestion("Knowledge", s.knowledge, s.pairs, rows);
  AddQuestion("Understanding", s.understanding, s.pairs, rows);
  AddQuestion("Confidence", s.confidence, s.pairs, rows);

  rows.push_back(ScaleLine("Rating", "Overall rating (1 poor to 5 excellent)", s.rating));
  int64_t rated = 0;
  for (int64_t n : s.rating) rated += n;
  rows.push_back(ValueLine("Rating", "Excellent %", PercentText(s.rating[4], rated)));
  rows.push_back(ScaleLine("Expected impact", "Expected impact on practice (1 none to 5 a great deal)", s.impact));

  for (const SurveyComment& c : s.comments) {
    Row row = ValueLine("Comments", c.stage == v1::PRE ? "Before" : "After", c.event);
    row[kComment] = SpreadsheetText(c.text);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace wp::learning
