// The survey summary of an event, or of a programme's events: what
// organisers report from their pre and post evaluations (the answers 1 to 5
// to each question before and after, change per person, the rating, the
// expected impact, the response rate, the comments), read in one
// transaction. Cancelled events count for nothing, as in the statistics.
// No practitioner id leaves this file: pairs are matched inside, and
// comments carry only their event and stage. Written as a spreadsheet by
// survey_summary_csv.h.
//
// Thread-safety: thread-safe (reads only); SurveySummary is a value.
#ifndef WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_H_
#define WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

// Answers on the 1 to 5 scale: [0] is how many answered 1.
using ScaleCounts = std::array<int64_t, 5>;

struct QuestionSummary {
  ScaleCounts before{};  // PRE responses
  ScaleCounts after{};   // POST responses
  // Over the pairs (the same person's pre and post to the same event).
  int64_t increased = 0;
  int64_t same = 0;
  int64_t decreased = 0;
  int64_t change_sum = 0;  // post minus pre, summed
};

struct SurveyComment {
  std::string event;  // events/{id}
  v1::Stage stage = v1::STAGE_UNSPECIFIED;
  std::string text;
};

struct SurveySummary {
  // events/{id} or programmes/{id}, and its title.
  std::string scope;
  std::string title;
  int64_t events = 0;  // events in scope, not cancelled
  int64_t attended = 0;
  int64_t pre_responses = 0;
  int64_t post_responses = 0;
  int64_t pairs = 0;
  QuestionSummary knowledge;
  QuestionSummary understanding;
  QuestionSummary confidence;
  ScaleCounts rating{};  // POST only
  ScaleCounts impact{};  // POST only
  // Non-blank comments, by event start, then before/after, then submit time.
  std::vector<SurveyComment> comments;
};

// INVALID_ARGUMENT naming the field (a malformed name; both or neither of
// event and programme; an unknown format); NOT_FOUND for an unknown event
// or programme.
absl::StatusOr<SurveySummary> ReadSurveySummary(store::Database& db, const v1::ExportSurveySummaryRequest& request);

// ReadSurveySummary written as the request's format asks.
absl::StatusOr<v1::ExportSurveySummaryResponse> ExportSurveySummary(store::Database& db,
                                                                    const v1::ExportSurveySummaryRequest& request);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_SURVEY_SUMMARY_H_
