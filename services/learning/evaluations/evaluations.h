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

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
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

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_EVALUATIONS_H_
