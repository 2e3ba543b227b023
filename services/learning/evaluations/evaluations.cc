#include "services/learning/evaluations/evaluations.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/evaluation_rows.h"
#include "services/learning/core/event_figures.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"
#include "services/learning/evaluations/evaluation_rules.h"
#include "services/learning/evaluations/survey_summary.h"

namespace wp::learning {
namespace {

absl::StatusOr<v1::Evaluation> LoadEvaluation(store::Transaction& tx, const EvaluationKey& key) {
  WP_ASSIGN_OR_RETURN(std::vector<v1::Evaluation> found,
                      SelectEvaluations(tx, "event_id = ? AND practitioner_id = ? AND stage = ?",
                                        {key.event_id, key.practitioner_id, static_cast<int64_t>(key.stage)}, ""));
  if (found.empty()) {
    return absl::NotFoundError(
        absl::StrCat(EvaluationName(key.event_id, key.practitioner_id, key.stage), " does not exist"));
  }
  return std::move(found.front());
}

// Who should answer a stage, as SQL over registrations r: PRE, those
// holding a place (attended or not); POST, those who attended.
const char* ExpectedCondition(v1::Stage stage) {
  return stage == v1::PRE ? "r.state = 1" : "r.state = 1 AND r.attendance = 1";
}

absl::Status CheckMayAnswer(store::Transaction& tx, const EvaluationKey& key) {
  WP_RETURN_IF_ERROR(Evaluations::CheckEventAnswerable(tx, key.event_id));
  WP_ASSIGN_OR_RETURN(auto known, tx.Query("SELECT 1 FROM practitioners WHERE id = ?", {key.practitioner_id}));
  if (known.empty()) return absl::NotFoundError(absl::StrCat(PractitionerName(key.practitioner_id), " does not exist"));
  WP_ASSIGN_OR_RETURN(std::optional<v1::Registration> registration,
                      FindRegistration(tx, key.event_id, key.practitioner_id));
  const bool placed = registration.has_value() && registration->state() == v1::PLACED;
  if (key.stage == v1::PRE && !placed) {
    return absl::FailedPreconditionError(absl::StrCat(PractitionerName(key.practitioner_id),
                                                      " holds no place on ", EventName(key.event_id),
                                                      "; a PRE response comes from those registered"));
  }
  if (key.stage == v1::POST && !(placed && registration->attendance() == v1::ATTENDED)) {
    return absl::FailedPreconditionError(absl::StrCat(PractitionerName(key.practitioner_id), " did not attend ",
                                                      EventName(key.event_id),
                                                      " (as recorded); only attendees give a POST response"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Evaluations::CheckEventAnswerable(store::Transaction& tx, const std::string& event_id) {
  WP_ASSIGN_OR_RETURN(auto event, tx.Query("SELECT status FROM learning_events WHERE id = ?", {event_id}));
  if (event.empty()) return absl::NotFoundError(absl::StrCat(EventName(event_id), " does not exist"));
  if (event.front().Int(0) == 2) {
    return absl::FailedPreconditionError(absl::StrCat(EventName(event_id), " was cancelled"));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Evaluation> Evaluations::Store(store::Transaction& tx, const server::Caller& caller,
                                                  const EvaluationKey& key, const v1::Evaluation& in, absl::Time now) {
  WP_RETURN_IF_ERROR(CheckMayAnswer(tx, key));
  WP_RETURN_IF_ERROR(
      tx.Execute(absl::StrCat("INSERT INTO evaluations (", kEvaluationColumns, ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
                              "ON CONFLICT (event_id, practitioner_id, stage) DO UPDATE SET "
                              "knowledge = excluded.knowledge, understanding = excluded.understanding, "
                              "confidence = excluded.confidence, overall_rating = excluded.overall_rating, "
                              "expected_impact = excluded.expected_impact, comment = excluded.comment, "
                              "submit_us = excluded.submit_us, replaced = evaluations.replaced + 1"),
                 {key.event_id, key.practitioner_id, static_cast<int64_t>(key.stage),
                  static_cast<int64_t>(in.knowledge()), static_cast<int64_t>(in.understanding()),
                  static_cast<int64_t>(in.confidence()), static_cast<int64_t>(in.overall_rating()),
                  static_cast<int64_t>(in.expected_impact()), in.comment(), calendar::Micros(now)})
          .status());
  WP_RETURN_IF_ERROR(RefreshEventFigures(tx, key.event_id));
  WP_ASSIGN_OR_RETURN(v1::Evaluation stored, LoadEvaluation(tx, key));
  // The scores travel; the free text (which may name people) does not.
  v1::EvaluationSubmitted payload;
  *payload.mutable_evaluation() = stored;
  payload.mutable_evaluation()->clear_comment();
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "evaluation", "submitted", stored.name(), payload).status());
  return stored;
}

absl::StatusOr<v1::Evaluation> Evaluations::Submit(const server::Caller& caller,
                                                   const v1::SubmitEvaluationRequest& request, absl::Time now) {
  const v1::Evaluation& in = request.evaluation();
  WP_RETURN_IF_ERROR(CheckEvaluation(in, "evaluation."));
  EvaluationKey key;
  WP_ASSIGN_OR_RETURN(key.event_id, EventIdOf(in.event(), "evaluation.event"));
  WP_ASSIGN_OR_RETURN(key.practitioner_id, PractitionerIdOf(in.practitioner(), "evaluation.practitioner"));
  key.stage = in.stage();
  return store::WriteValue<v1::Evaluation>(
      db_, [&](store::Transaction& tx) { return Store(tx, caller, key, in, now); });
}

absl::StatusOr<v1::Evaluation> Evaluations::Get(const v1::GetEvaluationRequest& request) {
  WP_ASSIGN_OR_RETURN(EvaluationKey key, EvaluationKeyOf(request.name(), "name"));
  return store::ReadValue<v1::Evaluation>(db_, [&](store::Transaction& tx) { return LoadEvaluation(tx, key); });
}

absl::StatusOr<v1::ListEvaluationsResponse> Evaluations::List(const v1::ListEvaluationsRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string event_id, EventIdOf(request.event(), "event"));
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 2));
  int64_t after_stage = 0;
  if (!after.first_page()) {
    WP_ASSIGN_OR_RETURN(after_stage, after.Int(1));
  }
  std::string where = "event_id = ? AND (practitioner_id > ? OR (practitioner_id = ? AND stage > ?))";
  std::vector<store::Value> params = {event_id, after.Text(0), after.Text(0), after_stage};
  if (request.stage() != v1::STAGE_UNSPECIFIED) {
    where += " AND stage = ?";
    params.push_back(static_cast<int64_t>(request.stage()));
  }
  params.push_back(static_cast<int64_t>(page_size + 1));
  return store::ReadValue<v1::ListEvaluationsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListEvaluationsResponse> {
        WP_ASSIGN_OR_RETURN(auto event, tx.Query("SELECT 1 FROM learning_events WHERE id = ?", {event_id}));
        if (event.empty()) return absl::NotFoundError(absl::StrCat(EventName(event_id), " does not exist"));
        WP_ASSIGN_OR_RETURN(std::vector<v1::Evaluation> evaluations,
                            SelectEvaluations(tx, where, params, "ORDER BY practitioner_id, stage LIMIT ?"));
        v1::ListEvaluationsResponse response;
        response.set_next_page_token(
            paging::FillPage(evaluations, page_size, response.mutable_evaluations(), [](const v1::Evaluation& e) {
              return paging::KeyOf(e.practitioner().substr(sizeof("practitioners/") - 1),
                                   static_cast<int>(e.stage()));
            }));
        return response;
      });
}

absl::StatusOr<v1::ListNonRespondersResponse> Evaluations::ListNonResponders(
    const v1::ListNonRespondersRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string event_id, EventIdOf(request.event(), "event"));
  if (request.stage() == v1::STAGE_UNSPECIFIED) return InvalidField("stage", "is required: PRE or POST");
  return store::ReadValue<v1::ListNonRespondersResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListNonRespondersResponse> {
        WP_ASSIGN_OR_RETURN(auto event, tx.Query("SELECT 1 FROM learning_events WHERE id = ?", {event_id}));
        if (event.empty()) return absl::NotFoundError(absl::StrCat(EventName(event_id), " does not exist"));
        WP_ASSIGN_OR_RETURN(
            auto rows,
            tx.Query(absl::StrCat("SELECT r.practitioner_id, CASE WHEN v.practitioner_id IS NULL THEN 0 ELSE 1 END "
                                  "FROM registrations r LEFT JOIN evaluations v ON v.event_id = r.event_id AND "
                                  "v.practitioner_id = r.practitioner_id AND v.stage = ? "
                                  "WHERE r.event_id = ? AND ",
                                  ExpectedCondition(request.stage()), " ORDER BY r.practitioner_id"),
                     {static_cast<int64_t>(request.stage()), event_id}));
        v1::ListNonRespondersResponse response;
        response.set_expected(static_cast<int32_t>(rows.size()));
        for (const store::Row& row : rows) {
          if (row.Int(1) == 1) {
            response.set_responded(response.responded() + 1);
          } else {
            response.add_practitioners(PractitionerName(row.Text(0)));
          }
        }
        return response;
      });
}

absl::StatusOr<v1::ExportSurveySummaryResponse> Evaluations::ExportSurveySummary(
    const v1::ExportSurveySummaryRequest& request) {
  return learning::ExportSurveySummary(db_, request);
}

}  // namespace wp::learning
