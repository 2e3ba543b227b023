#include "services/learning/practitioners/practitioner_attendance.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "libs/calendar/day_range.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/sql_conditions.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"
#include "services/learning/practitioners/practitioner_store.h"

namespace wp::learning {
namespace {

struct AttendanceQuery {
  std::string practitioner_id;
  // Events starting in [from_us, until_us); 0: no bound.
  int64_t from_us = 0;
  int64_t until_us = 0;
};

absl::StatusOr<AttendanceQuery> QueryOf(const v1::GetPractitionerAttendanceRequest& request) {
  FieldViolations v;
  AttendanceQuery query;
  absl::StatusOr<std::string> id = PractitionerIdOf(request.practitioner(), "practitioner");
  AddViolationsOf(id.status(), &v, "practitioner");
  if (id.ok()) query.practitioner_id = *id;
  const calendar::DayRange days = calendar::CheckDayRange(request.from(), request.to(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  query.from_us = days.from_us;
  query.until_us = days.until_us;
  return query;
}

struct EventFacts {
  std::string title;
  std::string programme_id;
  int64_t start_us = 0;
  v1::EventStatus status = v1::EVENT_STATUS_UNSPECIFIED;
};

absl::StatusOr<v1::PractitionerAttendance> Read(store::Transaction& tx, const AttendanceQuery& query) {
  const std::string& id = query.practitioner_id;
  WP_RETURN_IF_ERROR(LoadPractitioner(tx, id).status());

  store::SqlConditions where;
  where.Add("r.practitioner_id = ?", {id});
  if (query.from_us != 0) {
    where.Add("r.event_id IN (SELECT id FROM learning_events WHERE start_us >= ?)", {query.from_us});
  }
  if (query.until_us != 0) {
    where.Add("r.event_id IN (SELECT id FROM learning_events WHERE start_us < ?)", {query.until_us});
  }
  WP_ASSIGN_OR_RETURN(
      std::vector<v1::Registration> registrations,
      SelectRegistrations(tx, where.Sql(), where.params(),
                          "ORDER BY (SELECT start_us FROM learning_events e WHERE e.id = r.event_id), r.event_id"));

  std::map<std::string, EventFacts> events;
  WP_ASSIGN_OR_RETURN(auto event_rows,
                      tx.Query("SELECT e.id, e.title, e.programme_id, e.start_us, e.status FROM learning_events e "
                               "JOIN registrations r ON r.event_id = e.id WHERE r.practitioner_id = ?",
                               {id}));
  for (const store::Row& row : event_rows) {
    events[row.Text(0)] = {row.Text(1), row.Text(2), row.Int(3), static_cast<v1::EventStatus>(row.Int(4))};
  }
  // Every programme of the practitioner's events, with their completion.
  std::map<std::string, v1::ProgrammeAttendance> programmes;
  WP_ASSIGN_OR_RETURN(
      auto programme_rows,
      tx.Query("SELECT p.id, p.title, p.completion_min_events, c.complete_us FROM programmes p "
               "LEFT JOIN programme_completions c ON c.programme_id = p.id AND c.practitioner_id = ? "
               "WHERE p.id IN (SELECT e.programme_id FROM learning_events e JOIN registrations r "
               "ON r.event_id = e.id WHERE r.practitioner_id = ?)",
               {id, id}));
  std::map<std::string, v1::ProgrammeAttendance> known;
  for (const store::Row& row : programme_rows) {
    v1::ProgrammeAttendance& p = known[row.Text(0)];
    p.set_programme(ProgrammeName(row.Text(0)));
    p.set_title(row.Text(1));
    p.set_completion_min_events(static_cast<int32_t>(row.Int(2)));
    if (!row.IsNull(3)) {
      p.set_completed(true);
      calendar::SetTimestamp(row.Int(3), p.mutable_complete_time());
    }
  }

  v1::PractitionerAttendance out;
  out.set_practitioner(PractitionerName(id));
  v1::PractitionerAttendanceTotals& totals = *out.mutable_totals();
  for (const v1::Registration& r : registrations) {
    const std::string event_id = r.event().substr(sizeof("events/") - 1);
    const EventFacts& event = events[event_id];
    v1::PractitionerAttendanceEntry* entry = out.add_entries();
    entry->set_event(r.event());
    entry->set_event_title(event.title);
    entry->set_event_status(event.status);
    calendar::SetTimestamp(event.start_us, entry->mutable_start_time());
    if (!event.programme_id.empty()) entry->set_programme(ProgrammeName(event.programme_id));
    entry->set_state(r.state());
    entry->set_attendance(r.attendance());
    entry->set_walk_in(r.walk_in());
    entry->set_late_cancellation(r.late_cancellation());

    const bool placed = r.state() == v1::PLACED;
    const bool attended = placed && r.attendance() == v1::ATTENDED;
    totals.set_registrations(totals.registrations() + 1);
    if (placed) totals.set_registered(totals.registered() + 1);
    if (attended) totals.set_attended(totals.attended() + 1);
    if (placed && !attended && event.status == v1::HELD) totals.set_no_shows(totals.no_shows() + 1);
    if (placed && r.walk_in()) totals.set_walk_ins(totals.walk_ins() + 1);
    if (r.state() == v1::WAITING) totals.set_waiting(totals.waiting() + 1);
    if (r.state() == v1::REGISTRATION_CANCELLED) {
      totals.set_cancelled(totals.cancelled() + 1);
      if (r.late_cancellation()) totals.set_late_cancellations(totals.late_cancellations() + 1);
    }
    auto it = known.find(event.programme_id);
    if (it == known.end()) continue;
    v1::ProgrammeAttendance& p = programmes.emplace(it->first, it->second).first->second;
    if (placed) p.set_events_registered(p.events_registered() + 1);
    if (attended) p.set_events_attended(p.events_attended() + 1);
  }
  for (auto& [programme_id, p] : programmes) {
    if (p.completed()) totals.set_programmes_completed(totals.programmes_completed() + 1);
    *out.add_programmes() = std::move(p);
  }
  return out;
}

}  // namespace

absl::StatusOr<v1::PractitionerAttendance> GetPractitionerAttendance(
    store::Database& db, const v1::GetPractitionerAttendanceRequest& request) {
  WP_ASSIGN_OR_RETURN(AttendanceQuery query, QueryOf(request));
  return store::ReadValue<v1::PractitionerAttendance>(db, [&](store::Transaction& tx) { return Read(tx, query); });
}

}  // namespace wp::learning
