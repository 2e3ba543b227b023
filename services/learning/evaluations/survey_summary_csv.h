// A survey summary (survey_summary.h) as the rows of one spreadsheet in
// sections, under one header row:
//   Section, Measure, 1, 2, 3, 4, 5, Answers, Mean, Value, Comment
// "Survey" (what it covers), "Responses" (counts and the response rate),
// "Knowledge", "Understanding" and "Confidence" (the answers 1 to 5 before
// and after with their means, then over those who answered both: increased,
// same, decreased and the mean change), "Rating", "Expected impact", then
// "Comments" (Measure Before or After, Value the event, the text). A
// percentage or mean with nothing to divide by is left empty. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_CSV_H_
#define WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_CSV_H_

#include <string>
#include <vector>

#include "services/learning/evaluations/survey_summary.h"

namespace wp::learning {

std::vector<std::vector<std::string>> SurveySummaryRows(const SurveySummary& summary);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_CSV_H_
