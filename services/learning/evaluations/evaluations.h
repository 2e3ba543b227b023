// Pre and post evaluations, one per stage per practitioner and event:
// submitted (replacing an earlier one of the stage, with
// evaluation.submitted in the same transaction), read, listed, and the
// list of who should have answered and has not.
//
// Who may answer: PRE, a practitioner holding a place (or who attended);
// POST, one who attended.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_EVALUATIONS_EVALUATIONS_H_
#define WP_SERVICES_LEARNING_EVALUATIONS_EVALUATIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/learning/core/names.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

class Evaluations {
 public:
  explicit Evaluations(store::Database& db) : db_(db) {}

  // NOT_FOUND for an unknown event or practitioner; FAILED_PRECONDITION
  // for a cancelled event or someone who may not answer the stage.
  absl::StatusOr<v1::Evaluation> Submit(const server::Caller& caller, const v1::SubmitEvaluationRequest& request,
                                        absl::Time now);
  absl::StatusOr<v1::Evaluation> Get(const v1::GetEvaluationRequest& request);
  absl::StatusOr<v1::ListEvaluationsResponse> List(const v1::ListEvaluationsRequest& request);
  absl::StatusOr<v1::ListNonRespondersResponse> ListNonResponders(const v1::ListNonRespondersRequest& request);
  // Responses of one stage from a CSV file (evaluation_csv.h): each valid
  // row stored as Submit stores one, all in one transaction; a row that
  // breaks a rule, or whose practitioner may not answer, is REJECTED with
  // the column and reason. INVALID_ARGUMENT on event, stage or content (a
  // malformed file); NOT_FOUND or FAILED_PRECONDITION for the event as Submit.
  absl::StatusOr<v1::ImportEvaluationsResponse> Import(const server::Caller& caller,
                                                       const v1::ImportEvaluationsRequest& request, absl::Time now);

  // The survey summary of an event or a programme as a spreadsheet
  // (survey_summary.h).
  absl::StatusOr<v1::ExportSurveySummaryResponse> ExportSurveySummary(const v1::ExportSurveySummaryRequest& request);

  // NOT_FOUND for an unknown event, FAILED_PRECONDITION for a cancelled one.
  static absl::Status CheckEventAnswerable(store::Transaction& tx, const std::string& event_id);

 private:
  // A checked response stored (replacing an earlier one of its stage) with
  // its evaluation.submitted event, when its practitioner may answer.
  static absl::StatusOr<v1::Evaluation> Store(store::Transaction& tx, const server::Caller& caller,
                                              const EvaluationKey& key, const v1::Evaluation& in, absl::Time now);

  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_EVALUATIONS_H_
