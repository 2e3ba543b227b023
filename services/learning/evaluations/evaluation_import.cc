// Evaluations::Import: a file of responses read into checked evaluations
// (evaluation_csv.h), each valid one stored exactly as Submit stores one.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/text/bounded_text.h"
#include "services/learning/core/csv_import.h"
#include "services/learning/core/names.h"
#include "services/learning/evaluations/evaluation_csv.h"
#include "services/learning/evaluations/evaluations.h"

namespace wp::learning {
namespace {

using Result = v1::ImportedEvaluationResult;

void Reject(Result& result, const std::string& field, absl::string_view reason) {
  result.set_outcome(Result::REJECTED);
  result.set_field(field);
  result.set_reason(text::Bounded(reason, kMaxImportReasonBytes));
}

}  // namespace

absl::StatusOr<v1::ImportEvaluationsResponse> Evaluations::Import(const server::Caller& caller,
                                                                  const v1::ImportEvaluationsRequest& request,
                                                                  absl::Time now) {
  FieldViolations v;
  absl::StatusOr<std::string> event_id = EventIdOf(request.event(), "event");
  AddViolationsOf(event_id.status(), &v);
  if (request.stage() == v1::STAGE_UNSPECIFIED) v.Add("stage", "is required: PRE or POST");
  WP_RETURN_IF_ERROR(v.ToStatus());
  WP_ASSIGN_OR_RETURN(std::vector<EvaluationCsvRow> rows,
                      ReadEvaluationCsv(request.content(), EventName(*event_id), request.stage()));
  return store::WriteValue<v1::ImportEvaluationsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ImportEvaluationsResponse> {
        WP_RETURN_IF_ERROR(CheckEventAnswerable(tx, *event_id));
        v1::ImportEvaluationsResponse response;
        for (const EvaluationCsvRow& row : rows) {
          Result& result = *response.add_results();
          result.set_line(row.line);
          result.set_practitioner(row.evaluation.practitioner());
          result.set_outcome(Result::SUBMITTED);
          if (!row.ok()) {
            Reject(result, row.field, row.reason);
          } else {
            EvaluationKey key;
            key.event_id = *event_id;
            // The row passed CheckEvaluation, so its name is well formed.
            WP_ASSIGN_OR_RETURN(key.practitioner_id, PractitionerIdOf(row.evaluation.practitioner(), "practitioner"));
            key.stage = request.stage();
            absl::StatusOr<v1::Evaluation> stored = Store(tx, caller, key, row.evaluation, now);
            // Unknown practitioners and those who may not answer are the
            // row's problem; anything else (the store) fails the call.
            if (absl::IsNotFound(stored.status()) || absl::IsFailedPrecondition(stored.status())) {
              Reject(result, "practitioner", stored.status().message());
            } else if (!stored.ok()) {
              return stored.status();
            }
          }
          if (result.outcome() == Result::SUBMITTED) {
            response.set_submitted(response.submitted() + 1);
          } else {
            response.set_rejected(response.rejected() + 1);
          }
        }
        return response;
      });
}

}  // namespace wp::learning
