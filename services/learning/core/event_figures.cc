#include "services/learning/core/event_figures.h"

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"

namespace wp::learning {
namespace {

// Sets every count of the rows it is applied to from their event's
// registrations and evaluations; a WHERE clause narrows it to one event.
// Registration states: 1 placed, 2 waiting, 3 cancelled; attendance 1 is
// attended; evaluation stages: 1 pre, 2 post.
constexpr char kCountFigures[] = R"sql(
UPDATE event_figures SET
  (placed, attended, waiting, late_cancellations) = (
    SELECT COALESCE(SUM(CASE WHEN r.state = 1 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN r.state = 1 AND r.attendance = 1 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN r.state = 2 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN r.state = 3 AND r.late_cancellation = 1 THEN 1 ELSE 0 END), 0)
    FROM registrations r WHERE r.event_id = event_figures.event_id),
  (pre_responses, post_responses, rated_excellent) = (
    SELECT COALESCE(SUM(CASE WHEN v.stage = 1 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN v.stage = 2 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN v.stage = 2 AND v.overall_rating = 5 THEN 1 ELSE 0 END), 0)
    FROM evaluations v WHERE v.event_id = event_figures.event_id),
  (pairs, increased_knowledge, increased_confidence, knowledge_change, understanding_change,
   confidence_change) = (
    SELECT COUNT(*),
           COALESCE(SUM(CASE WHEN b.knowledge > a.knowledge THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN b.confidence > a.confidence THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(b.knowledge - a.knowledge), 0),
           COALESCE(SUM(b.understanding - a.understanding), 0),
           COALESCE(SUM(b.confidence - a.confidence), 0)
    FROM evaluations a JOIN evaluations b ON b.event_id = a.event_id
      AND b.practitioner_id = a.practitioner_id AND b.stage = 2
    WHERE a.event_id = event_figures.event_id AND a.stage = 1)
)sql";

}  // namespace

const std::string& EventFiguresMigration() {
  static const auto* sql = new std::string(absl::StrCat(R"sql(
CREATE TABLE event_figures (
  event_id TEXT PRIMARY KEY,
  placed INTEGER NOT NULL DEFAULT 0,
  attended INTEGER NOT NULL DEFAULT 0,
  waiting INTEGER NOT NULL DEFAULT 0,
  late_cancellations INTEGER NOT NULL DEFAULT 0,
  pre_responses INTEGER NOT NULL DEFAULT 0,
  post_responses INTEGER NOT NULL DEFAULT 0,
  rated_excellent INTEGER NOT NULL DEFAULT 0,
  pairs INTEGER NOT NULL DEFAULT 0,
  increased_knowledge INTEGER NOT NULL DEFAULT 0,
  increased_confidence INTEGER NOT NULL DEFAULT 0,
  knowledge_change INTEGER NOT NULL DEFAULT 0,
  understanding_change INTEGER NOT NULL DEFAULT 0,
  confidence_change INTEGER NOT NULL DEFAULT 0
);
INSERT INTO event_figures (event_id) SELECT id FROM learning_events;
)sql",
                                                         kCountFigures, R"sql(;
CREATE INDEX registrations_attended ON registrations (event_id, practitioner_id)
  WHERE state = 1 AND attendance = 1;
)sql"));
  return *sql;
}

absl::Status RefreshEventFigures(store::Transaction& tx, const std::string& event_id) {
  WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO event_figures (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING",
                                {event_id})
                         .status());
  return tx.Execute(absl::StrCat(kCountFigures, " WHERE event_id = ?"), {event_id}).status();
}

}  // namespace wp::learning
