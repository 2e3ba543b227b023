#include "services/learning/evaluations/survey_summary.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/csv_export.h"
#include "services/learning/core/names.h"
#include "services/learning/evaluations/survey_summary_csv.h"

namespace wp::learning {
namespace {

// The request made SQL: a condition over learning_events e and its parameter.
struct SurveyScope {
  std::string name;
  std::string event_where;
  std::vector<store::Value> params;
  bool programme = false;
  std::string id;
};

absl::StatusOr<SurveyScope> ScopeOf(const v1::ExportSurveySummaryRequest& request) {
  FieldViolations v;
  const bool has_event = !request.event().empty();
  const bool has_programme = !request.programme().empty();
  if (has_event && has_programme) v.Add("event", "only one of event and programme may be set");
  if (!has_event && !has_programme) v.Add("event", "one of event and programme is required");
  SurveyScope scope;
  if (has_event) {
    absl::StatusOr<std::string> id = EventIdOf(request.event(), "event");
    AddViolationsOf(id.status(), &v, "event");
    if (id.ok()) scope.id = *id;
  } else if (has_programme) {
    absl::StatusOr<std::string> id = ProgrammeIdOf(request.programme(), "programme");
    AddViolationsOf(id.status(), &v, "programme");
    if (id.ok()) scope.id = *id;
    scope.programme = true;
  }
  AddViolationsOf(CheckTableFormat(request.format(), "format"), &v, "format");
  WP_RETURN_IF_ERROR(v.ToStatus());
  scope.name = scope.programme ? ProgrammeName(scope.id) : EventName(scope.id);
  scope.event_where = scope.programme ? "e.programme_id = ? AND e.status <> 2" : "e.id = ? AND e.status <> 2";
  scope.params = {scope.id};
  return scope;
}

// Counts `score` when it is on the scale (PRE responses have no rating).
void Tally(ScaleCounts& counts, int64_t score) {
  if (score >= 1 && score <= 5) ++counts[score - 1];
}

void AddPair(QuestionSummary& question, int64_t before, int64_t after) {
  if (after > before) ++question.increased;
  if (after == before) ++question.same;
  if (after < before) ++question.decreased;
  question.change_sum += after - before;
}

// Columns of the responses query.
enum Column { kEventId, kPractitionerId, kStage, kKnowledge, kUnderstanding, kConfidence, kRating, kImpact,
              kComment, kSubmitUs, kStartUs };

absl::StatusOr<SurveySummary> Read(store::Transaction& tx, const SurveyScope& scope) {
  SurveySummary summary;
  summary.scope = scope.name;
  WP_ASSIGN_OR_RETURN(auto found, tx.Query(scope.programme ? "SELECT title FROM programmes WHERE id = ?"
                                                            : "SELECT title FROM learning_events WHERE id = ?",
                                           {scope.id}));
  if (found.empty()) return absl::NotFoundError(absl::StrCat(scope.name, " does not exist"));
  summary.title = found.front().Text(0);

  WP_ASSIGN_OR_RETURN(store::Row events,
                      tx.QueryOne(absl::StrCat("SELECT COUNT(*) FROM learning_events e WHERE ", scope.event_where),
                                  scope.params));
  summary.events = events.Int(0);
  WP_ASSIGN_OR_RETURN(store::Row attended,
                      tx.QueryOne(absl::StrCat("SELECT COUNT(*) FROM registrations r JOIN learning_events e ON "
                                               "e.id = r.event_id WHERE ",
                                               scope.event_where, " AND r.state = 1 AND r.attendance = 1"),
                                  scope.params));
  summary.attended = attended.Int(0);

  // Each person's PRE just before their POST, so pairs are neighbours.
  WP_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query(absl::StrCat("SELECT v.event_id, v.practitioner_id, v.stage, v.knowledge, v.understanding, "
                            "v.confidence, v.overall_rating, v.expected_impact, v.comment, v.submit_us, e.start_us "
                            "FROM evaluations v JOIN learning_events e ON e.id = v.event_id WHERE ",
                            scope.event_where, " ORDER BY v.event_id, v.practitioner_id, v.stage"),
               scope.params));
  struct Dated {
    int64_t start_us;
    std::string event_id;
    int64_t stage;
    int64_t submit_us;
    std::string text;
  };
  std::vector<Dated> comments;
  for (size_t i = 0; i < rows.size(); ++i) {
    const store::Row& row = rows[i];
    const bool pre = row.Int(kStage) == v1::PRE;
    QuestionSummary* questions[] = {&summary.knowledge, &summary.understanding, &summary.confidence};
    const int columns[] = {kKnowledge, kUnderstanding, kConfidence};
    for (int q = 0; q < 3; ++q) Tally(pre ? questions[q]->before : questions[q]->after, row.Int(columns[q]));
    if (pre) {
      ++summary.pre_responses;
      if (i + 1 < rows.size()) {
        const store::Row& next = rows[i + 1];
        if (next.Int(kStage) == v1::POST && next.Text(kEventId) == row.Text(kEventId) &&
            next.Text(kPractitionerId) == row.Text(kPractitionerId)) {
          ++summary.pairs;
          for (int q = 0; q < 3; ++q) AddPair(*questions[q], row.Int(columns[q]), next.Int(columns[q]));
        }
      }
    } else {
      ++summary.post_responses;
      Tally(summary.rating, row.Int(kRating));
      Tally(summary.impact, row.Int(kImpact));
    }
    std::string text = row.Text(kComment);
    if (!absl::StripAsciiWhitespace(text).empty()) {
      comments.push_back({row.Int(kStartUs), row.Text(kEventId), row.Int(kStage), row.Int(kSubmitUs), std::move(text)});
    }
  }
  std::sort(comments.begin(), comments.end(), [](const Dated& a, const Dated& b) {
    return std::tie(a.start_us, a.event_id, a.stage, a.submit_us, a.text) <
           std::tie(b.start_us, b.event_id, b.stage, b.submit_us, b.text);
  });
  for (Dated& c : comments) {
    summary.comments.push_back({EventName(c.event_id), static_cast<v1::Stage>(c.stage), std::move(c.text)});
  }
  return summary;
}

}  // namespace

absl::StatusOr<SurveySummary> ReadSurveySummary(store::Database& db, const v1::ExportSurveySummaryRequest& request) {
  WP_ASSIGN_OR_RETURN(SurveyScope scope, ScopeOf(request));
  return store::ReadValue<SurveySummary>(db, [&](store::Transaction& tx) { return Read(tx, scope); });
}

absl::StatusOr<v1::ExportSurveySummaryResponse> ExportSurveySummary(store::Database& db,
                                                                    const v1::ExportSurveySummaryRequest& request) {
  WP_ASSIGN_OR_RETURN(SurveySummary summary, ReadSurveySummary(db, request));
  ExportFile file = WriteExportFile(SurveySummaryRows(summary), request.format());
  v1::ExportSurveySummaryResponse response;
  response.set_content(std::move(file.content));
  response.set_content_type(std::move(file.content_type));
  return response;
}

}  // namespace wp::learning
