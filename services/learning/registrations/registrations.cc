#include "services/learning/registrations/registrations.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/sql_conditions.h"
#include "services/learning/catalogue/catalogue_store.h"
#include "services/learning/catalogue/event_rules.h"
#include "services/learning/core/event_figures.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"
#include "services/learning/practitioners/practitioner_store.h"
#include "services/learning/registrations/attendance_entries.h"

namespace wp::learning {
namespace {

bool IsLive(const v1::Registration& r) { return r.state() == v1::PLACED || r.state() == v1::WAITING; }

absl::Status EmitRegistration(store::Transaction& tx, const server::Caller& caller, const char* verb,
                              const v1::Registration& registration) {
  v1::RegistrationChanged payload;
  *payload.mutable_registration() = registration;
  return EmitEvent(tx, caller, "registration", verb, registration.name(), payload).status();
}

// Writes the registration as new (a first one, or one after a cancellation):
// a place when one is left, else the end of the waiting list.
absl::Status PlaceOrQueue(store::Transaction& tx, const v1::LearningEvent& event, const std::string& event_id,
                          const std::string& practitioner_id, absl::Time now) {
  const bool placed = event.registered() < event.capacity();
  int64_t wait_seq = 0;
  if (!placed) {
    WP_ASSIGN_OR_RETURN(store::Row next, tx.QueryOne("SELECT next_wait_seq FROM learning_events WHERE id = ?", {event_id}));
    wait_seq = next.Int(0);
  }
  WP_RETURN_IF_ERROR(
      tx.Execute("INSERT INTO registrations (event_id, practitioner_id, state, wait_seq, register_us) "
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, practitioner_id) DO UPDATE SET "
                 "state = excluded.state, wait_seq = excluded.wait_seq, attendance = 0, walk_in = 0, "
                 "late_cancellation = 0, promoted = 0, register_us = excluded.register_us, cancel_us = 0, "
                 "promote_us = 0",
                 {event_id, practitioner_id, static_cast<int64_t>(placed ? v1::PLACED : v1::WAITING), wait_seq,
                  calendar::Micros(now)})
          .status());
  return tx
      .Execute(placed ? "UPDATE learning_events SET placed = placed + 1 WHERE id = ?"
                      : "UPDATE learning_events SET waiting = waiting + 1, next_wait_seq = next_wait_seq + 1 "
                        "WHERE id = ?",
               {event_id})
      .status();
}

// Records a programme completion for each practitioner who, with this
// attendance, has attended the programme's required number of events.
absl::Status RecordCompletions(store::Transaction& tx, const server::Caller& caller, const std::string& programme_id,
                               const std::vector<std::string>& attended, absl::Time now) {
  if (programme_id.empty() || attended.empty()) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(v1::Programme programme, LoadProgramme(tx, programme_id));
  if (programme.completion_min_events() <= 0) return absl::OkStatus();
  for (const std::string& practitioner_id : attended) {
    WP_ASSIGN_OR_RETURN(auto done, tx.Query("SELECT 1 FROM programme_completions WHERE programme_id = ? "
                                            "AND practitioner_id = ?",
                                            {programme_id, practitioner_id}));
    if (!done.empty()) continue;
    WP_ASSIGN_OR_RETURN(store::Row count,
                        tx.QueryOne("SELECT COUNT(*) FROM registrations r JOIN learning_events e ON e.id = r.event_id "
                                    "WHERE r.practitioner_id = ? AND r.attendance = 1 AND r.state = 1 "
                                    "AND e.programme_id = ? AND e.status <> 2",
                                    {practitioner_id, programme_id}));
    if (count.Int(0) < programme.completion_min_events()) continue;
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO programme_completions (programme_id, practitioner_id, events_attended, "
                                  "complete_us) VALUES (?, ?, ?, ?)",
                                  {programme_id, practitioner_id, count.Int(0), calendar::Micros(now)})
                           .status());
    v1::ProgrammeCompleted payload;
    payload.set_programme(programme.name());
    payload.set_practitioner(PractitionerName(practitioner_id));
    payload.set_events_attended(static_cast<int32_t>(count.Int(0)));
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "programme", "completed", programme.name(), payload).status());
  }
  return absl::OkStatus();
}

std::string ProgrammeIdOfEvent(const v1::LearningEvent& event) {
  if (event.programme().empty()) return "";
  return event.programme().substr(sizeof("programmes/") - 1);
}

}  // namespace

absl::StatusOr<v1::Registration> Registrations::Register(const server::Caller& caller,
                                                         const v1::RegisterRequest& request, absl::Time now) {
  FieldViolations v;
  absl::StatusOr<std::string> event_id = EventIdOf(request.event(), "event");
  absl::StatusOr<std::string> practitioner_id = PractitionerIdOf(request.practitioner(), "practitioner");
  AddViolationsOf(event_id.status(), &v);
  AddViolationsOf(practitioner_id.status(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return store::WriteValue<v1::Registration>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Registration> {
    WP_ASSIGN_OR_RETURN(v1::LearningEvent event, LoadEvent(tx, *event_id));
    WP_RETURN_IF_ERROR(LoadPractitioner(tx, *practitioner_id).status());
    WP_ASSIGN_OR_RETURN(std::optional<v1::Registration> existing, FindRegistration(tx, *event_id, *practitioner_id));
    if (existing.has_value() && IsLive(*existing)) return *existing;
    if (event.status() != v1::SCHEDULED) {
      return absl::FailedPreconditionError(
          absl::StrCat(event.name(), " is ", v1::EventStatus_Name(event.status()), "; registration is closed"));
    }
    if (now > TimeOf(event.registration_cutoff()) && !request.after_cutoff()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "registration for ", event.name(), " closed at ",
          absl::FormatTime(absl::RFC3339_sec, TimeOf(event.registration_cutoff()), absl::UTCTimeZone()),
          "; an organiser may still add someone with after_cutoff"));
    }
    WP_RETURN_IF_ERROR(PlaceOrQueue(tx, event, *event_id, *practitioner_id, now));
    WP_RETURN_IF_ERROR(RefreshEventFigures(tx, *event_id));
    WP_ASSIGN_OR_RETURN(v1::Registration stored, LoadRegistration(tx, *event_id, *practitioner_id));
    WP_RETURN_IF_ERROR(EmitRegistration(tx, caller, "created", stored));
    return stored;
  });
}

absl::StatusOr<v1::Registration> Registrations::Cancel(const server::Caller& caller,
                                                       const v1::CancelRegistrationRequest& request, absl::Time now) {
  WP_ASSIGN_OR_RETURN(RegistrationKey key, RegistrationKeyOf(request.name(), "name"));
  return store::WriteValue<v1::Registration>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Registration> {
    WP_ASSIGN_OR_RETURN(v1::Registration registration, LoadRegistration(tx, key.event_id, key.practitioner_id));
    if (!IsLive(registration)) return registration;
    WP_ASSIGN_OR_RETURN(v1::LearningEvent event, LoadEvent(tx, key.event_id));
    if (event.status() != v1::SCHEDULED) {
      return absl::FailedPreconditionError(absl::StrCat(event.name(), " is ", v1::EventStatus_Name(event.status()),
                                                        "; its registrations no longer change"));
    }
    const bool placed = registration.state() == v1::PLACED;
    const bool late = placed && now > TimeOf(event.registration_cutoff());
    WP_RETURN_IF_ERROR(tx.Execute("UPDATE registrations SET state = 3, wait_seq = 0, cancel_us = ?, "
                                  "late_cancellation = ? WHERE event_id = ? AND practitioner_id = ?",
                                  {calendar::Micros(now), static_cast<int64_t>(late ? 1 : 0), key.event_id,
                                   key.practitioner_id})
                           .status());
    if (!placed) {
      WP_RETURN_IF_ERROR(
          tx.Execute("UPDATE learning_events SET waiting = waiting - 1 WHERE id = ?", {key.event_id}).status());
    } else if (!registration.walk_in()) {
      WP_RETURN_IF_ERROR(
          tx.Execute("UPDATE learning_events SET placed = placed - 1 WHERE id = ?", {key.event_id}).status());
    }
    WP_ASSIGN_OR_RETURN(v1::Registration stored, LoadRegistration(tx, key.event_id, key.practitioner_id));
    WP_RETURN_IF_ERROR(EmitRegistration(tx, caller, "cancelled", stored));
    WP_RETURN_IF_ERROR(PromoteWaiting(tx, caller, key.event_id, now).status());
    WP_RETURN_IF_ERROR(RefreshEventFigures(tx, key.event_id));
    return stored;
  });
}

absl::StatusOr<v1::Registration> Registrations::Get(const v1::GetRegistrationRequest& request) {
  WP_ASSIGN_OR_RETURN(RegistrationKey key, RegistrationKeyOf(request.name(), "name"));
  return store::ReadValue<v1::Registration>(
      db_, [&](store::Transaction& tx) { return LoadRegistration(tx, key.event_id, key.practitioner_id); });
}

absl::StatusOr<v1::ListRegistrationsResponse> Registrations::List(const v1::ListRegistrationsRequest& request) {
  if (request.event().empty() == request.practitioner().empty()) {
    return InvalidField(request.event().empty() ? "event" : "practitioner",
                        "exactly one of event and practitioner must be set");
  }
  store::SqlConditions where;
  std::string key_column;
  if (!request.event().empty()) {
    WP_ASSIGN_OR_RETURN(std::string event_id, EventIdOf(request.event(), "event"));
    where.Add("r.event_id = ?", {event_id});
    // The waiting list pages in waiting order, everything else by practitioner.
    key_column = request.state() == v1::WAITING ? "r.wait_seq" : "r.practitioner_id";
  } else {
    WP_ASSIGN_OR_RETURN(std::string practitioner_id, PractitionerIdOf(request.practitioner(), "practitioner"));
    where.Add("r.practitioner_id = ?", {practitioner_id});
    key_column = "r.event_id";
  }
  if (request.state() != v1::REGISTRATION_STATE_UNSPECIFIED) {
    where.Add("r.state = ?", {static_cast<int64_t>(request.state())});
  }
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 1));
  const bool by_wait = key_column == "r.wait_seq";
  if (by_wait) {
    int64_t after_seq = 0;
    if (!after.first_page()) {
      WP_ASSIGN_OR_RETURN(after_seq, after.Int(0));
    }
    where.Add(absl::StrCat(key_column, " > ?"), {after_seq});
  } else {
    where.Add(absl::StrCat(key_column, " > ?"), {after.Text(0)});
  }
  const std::vector<store::Value> params = where.ParamsThen({static_cast<int64_t>(page_size + 1)});
  return store::ReadValue<v1::ListRegistrationsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListRegistrationsResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::Registration> rows,
                            SelectRegistrations(tx, where.Sql(), params,
                                                absl::StrCat("ORDER BY ", key_column, " LIMIT ?")));
        // The waiting list's key is the entry's place in the queue as
        // stored; read it for the last row shown.
        std::map<std::string, int64_t> wait_seq_of;
        if (by_wait && static_cast<int>(rows.size()) > page_size) {
          const v1::Registration& last = rows[page_size - 1];
          WP_ASSIGN_OR_RETURN(RegistrationKey k, RegistrationKeyOf(last.name(), "name"));
          WP_ASSIGN_OR_RETURN(store::Row seq, tx.QueryOne("SELECT wait_seq FROM registrations WHERE event_id = ? "
                                                          "AND practitioner_id = ?",
                                                          {k.event_id, k.practitioner_id}));
          wait_seq_of[last.name()] = seq.Int(0);
        }
        v1::ListRegistrationsResponse response;
        response.set_next_page_token(paging::FillPage(
            rows, page_size, response.mutable_registrations(), [&](const v1::Registration& r) {
              if (by_wait) return paging::KeyOf(wait_seq_of[r.name()]);
              if (!request.event().empty()) return paging::KeyOf(r.practitioner().substr(sizeof("practitioners/") - 1));
              return paging::KeyOf(r.event().substr(sizeof("events/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::RecordAttendanceResponse> Registrations::RecordAttendance(
    const server::Caller& caller, const v1::RecordAttendanceRequest& request, absl::Time now) {
  WP_ASSIGN_OR_RETURN(std::string event_id, EventIdOf(request.event(), "event"));
  return ApplyAttendance(caller, event_id, CheckAttendanceEntries(request), now);
}

absl::StatusOr<v1::RecordAttendanceResponse> Registrations::ApplyAttendance(const server::Caller& caller,
                                                                           const std::string& event_id,
                                                                           const std::vector<AttendanceItem>& checked,
                                                                           absl::Time now) {
  return store::WriteValue<v1::RecordAttendanceResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::RecordAttendanceResponse> {
        WP_ASSIGN_OR_RETURN(v1::LearningEvent event, LoadEvent(tx, event_id));
        if (event.status() == v1::CANCELLED) {
          return absl::FailedPreconditionError(absl::StrCat(event.name(), " was cancelled; nobody attended it"));
        }
        if (TimeOf(event.start_time()) > now) {
          return absl::FailedPreconditionError(absl::StrCat(event.name(), " has not started yet"));
        }
        // A copy per attempt: the store may run this again after a conflict.
        std::vector<AttendanceItem> items = checked;
        v1::RecordAttendanceResponse response;
        v1::AttendanceRecorded recorded;
        recorded.set_event(event.name());
        std::vector<std::string> attended;
        for (AttendanceItem& item : items) {
          if (item.result.outcome() != v1::AttendanceResult::REJECTED) {
            WP_RETURN_IF_ERROR(ApplyAttendanceItem(tx, event_id, item, now));
          }
          if (item.result.outcome() == v1::AttendanceResult::RECORDED) {
            v1::AttendanceEntry* entry = recorded.add_entries();
            entry->set_practitioner(PractitionerName(item.practitioner_id));
            entry->set_attended(item.attended);
            if (item.attended) attended.push_back(item.practitioner_id);
          }
          CountAttendanceResult(item.result, response);
          *response.add_results() = std::move(item.result);
        }
        WP_RETURN_IF_ERROR(RefreshEventFigures(tx, event_id));
        if (recorded.entries_size() > 0) {
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "attendance", "recorded", event.name(), recorded).status());
        }
        WP_RETURN_IF_ERROR(RecordCompletions(tx, caller, ProgrammeIdOfEvent(event), attended, now));
        return response;
      });
}

}  // namespace wp::learning
