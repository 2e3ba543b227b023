#include "services/learning/catalogue/learning_events.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/fields/field_checks.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/etag_update.h"
#include "services/learning/catalogue/catalogue_store.h"
#include "services/learning/catalogue/event_rules.h"
#include "services/learning/catalogue/programme_rules.h"
#include "services/learning/core/event_figures.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"

namespace wp::learning {
namespace {

const std::vector<std::string>& UpdatablePaths() {
  static const auto* paths = new std::vector<std::string>{
      "title",    "format",       "delivery",     "sectors",             "roles",   "start_time",
      "end_time", "capacity",     "facilitators", "registration_cutoff", "location"};
  return *paths;
}

// Fields the store keeps or derives; whatever the caller sent is dropped.
void ClearOutputOnly(v1::LearningEvent& event) {
  event.clear_name();
  event.clear_status();
  event.clear_registered();
  event.clear_waiting();
  event.clear_cancel_reason();
  event.clear_create_time();
  event.clear_update_time();
  event.clear_etag();
}

absl::Status NotScheduled(const v1::LearningEvent& event, absl::string_view doing) {
  return absl::FailedPreconditionError(
      absl::StrCat(event.name(), " is ", v1::EventStatus_Name(event.status()), "; only a SCHEDULED event can be ", doing));
}

// `before`: the event before an update (the audit record shows what changed), or null.
absl::Status EmitEventChange(store::Transaction& tx, const server::Caller& caller, const char* verb,
                             const v1::LearningEvent& event, const v1::LearningEvent* before = nullptr) {
  v1::EventChanged payload;
  *payload.mutable_event() = event;
  return EmitEvent(tx, caller, "event", verb, event.name(), payload, {before}).status();
}

}  // namespace

absl::StatusOr<v1::LearningEvent> LearningEvents::Schedule(const server::Caller& caller,
                                                           const v1::ScheduleEventRequest& request, absl::Time now) {
  v1::LearningEvent event = request.event();
  ClearOutputOnly(event);
  FieldViolations v;
  fields::CheckId(request.event_id(), "event_id", &v);
  AddViolationsOf(CompleteEvent(event, "event."), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  const std::string& id = request.event_id();
  return store::WriteValue<v1::LearningEvent>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::LearningEvent> {
    WP_ASSIGN_OR_RETURN(auto existing, tx.Query("SELECT 1 FROM learning_events WHERE id = ?", {id}));
    if (!existing.empty()) return absl::AlreadyExistsError(absl::StrCat(EventName(id), " already exists"));
    if (!event.programme().empty()) {
      WP_ASSIGN_OR_RETURN(std::string programme_id, ProgrammeIdOf(event.programme(), "event.programme"));
      WP_RETURN_IF_ERROR(LoadProgramme(tx, programme_id).status());
    }
    WP_RETURN_IF_ERROR(InsertEvent(tx, id, event, now));
    WP_ASSIGN_OR_RETURN(v1::LearningEvent stored, LoadEvent(tx, id));
    WP_RETURN_IF_ERROR(EmitEventChange(tx, caller, "scheduled", stored));
    return stored;
  });
}

absl::StatusOr<v1::LearningEvent> LearningEvents::Get(const v1::GetEventRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, EventIdOf(request.name(), "name"));
  return store::ReadValue<v1::LearningEvent>(db_, [&](store::Transaction& tx) { return LoadEvent(tx, id); });
}

absl::StatusOr<v1::ListEventsResponse> LearningEvents::List(const v1::ListEventsRequest& request) {
  FieldViolations v;
  EventFilter filter;
  if (!request.programme().empty()) {
    absl::StatusOr<std::string> programme_id = ProgrammeIdOf(request.programme(), "programme");
    AddViolationsOf(programme_id.status(), &v);
    if (programme_id.ok()) filter.programme_id = *programme_id;
  }
  filter.status = request.status();
  if (request.has_start_from()) {
    if (!IsEventTime(request.start_from())) v.Add("start_from", "must be a time in the years 2000 to 2099");
    filter.start_from_us = calendar::Micros(TimeOf(request.start_from()));
  }
  if (request.has_start_before()) {
    if (!IsEventTime(request.start_before())) v.Add("start_before", "must be a time in the years 2000 to 2099");
    filter.start_before_us = calendar::Micros(TimeOf(request.start_before()));
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 500));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 2));
  int64_t after_start_us = INT64_MIN;
  if (!after.first_page()) {
    WP_ASSIGN_OR_RETURN(after_start_us, after.Int(0));
  }
  return store::ReadValue<v1::ListEventsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListEventsResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::LearningEvent> rows,
                            ListEventRows(tx, filter, after_start_us, after.Text(1), page_size + 1));
        v1::ListEventsResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, page_size, response.mutable_events(), [](const v1::LearningEvent& e) {
              return paging::KeyOf(calendar::Micros(TimeOf(e.start_time())), e.name().substr(sizeof("events/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::LearningEvent> LearningEvents::Update(const server::Caller& caller,
                                                         const v1::UpdateEventRequest& request, absl::Time now) {
  const v1::LearningEvent& in = request.event();
  WP_ASSIGN_OR_RETURN(std::string id, EventIdOf(in.name(), "event.name"));
  WP_ASSIGN_OR_RETURN(std::set<std::string> paths, fields::MaskPaths(request.update_mask(), UpdatablePaths()));
  v1::LearningEvent before;
  return store::WriteValue<v1::LearningEvent>(db_, [&](store::Transaction& tx) {
    return store::UpdateWithEtag<v1::LearningEvent>(
        in.etag(), /*load=*/[&] { return LoadEvent(tx, id); },
        /*change=*/
        [&](v1::LearningEvent& next) -> absl::Status {
          before = next;
          if (next.status() != v1::SCHEDULED) return NotScheduled(next, "changed");
          if (paths.count("title")) next.set_title(in.title());
          if (paths.count("format")) next.set_format(in.format());
          if (paths.count("delivery")) next.set_delivery(in.delivery());
          if (paths.count("sectors")) *next.mutable_sectors() = in.sectors();
          if (paths.count("roles")) *next.mutable_roles() = in.roles();
          if (paths.count("start_time")) *next.mutable_start_time() = in.start_time();
          if (paths.count("end_time")) *next.mutable_end_time() = in.end_time();
          if (paths.count("capacity")) next.set_capacity(in.capacity());
          if (paths.count("facilitators")) *next.mutable_facilitators() = in.facilitators();
          if (paths.count("registration_cutoff")) {
            // Unset means "the start time", as on schedule.
            if (in.has_registration_cutoff()) {
              *next.mutable_registration_cutoff() = in.registration_cutoff();
            } else {
              next.clear_registration_cutoff();
            }
          } else if (paths.count("start_time") &&
                     TimeOf(before.registration_cutoff()) == TimeOf(before.start_time())) {
            // A cut-off that was the start moves with it.
            next.clear_registration_cutoff();
          }
          WP_RETURN_IF_ERROR(CompleteEvent(next, "event."));
          // Normalise to what the store keeps (microseconds).
          for (auto* t : {next.mutable_start_time(), next.mutable_end_time(), next.mutable_registration_cutoff()}) {
            *t = calendar::TimestampOf(TimeOf(*t));
          }
          if (next.capacity() < next.registered()) {
            return absl::FailedPreconditionError(absl::StrCat("event.capacity: ", next.registered(),
                                                              " places are taken; cancel registrations first"));
          }
          return absl::OkStatus();
        },
        /*save=*/
        [&](const v1::LearningEvent& next, int64_t version) -> absl::StatusOr<v1::LearningEvent> {
          WP_RETURN_IF_ERROR(SaveEvent(tx, id, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::LearningEvent stored, LoadEvent(tx, id));
          if (MovesInTime(before, stored)) {
            v1::EventRescheduled payload;
            *payload.mutable_event() = stored;
            *payload.mutable_previous_start_time() = before.start_time();
            *payload.mutable_previous_end_time() = before.end_time();
            *payload.mutable_previous_registration_cutoff() = before.registration_cutoff();
            WP_RETURN_IF_ERROR(
                EmitEvent(tx, caller, "event", "rescheduled", stored.name(), payload, {&before}).status());
          } else {
            WP_RETURN_IF_ERROR(EmitEventChange(tx, caller, "updated", stored, &before));
          }
          // Places freed by a raised capacity go to those waiting, in order.
          WP_ASSIGN_OR_RETURN(int promoted, PromoteWaiting(tx, caller, id, now));
          if (promoted == 0) return stored;
          WP_RETURN_IF_ERROR(RefreshEventFigures(tx, id));
          return LoadEvent(tx, id);
        });
  });
}

absl::StatusOr<v1::LearningEvent> LearningEvents::Cancel(const server::Caller& caller,
                                                         const v1::CancelEventRequest& request, absl::Time now) {
  WP_ASSIGN_OR_RETURN(std::string id, EventIdOf(request.name(), "name"));
  FieldViolations v;
  fields::CheckRequiredLine(request.reason(), "reason", kMaxReasonBytes, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return store::WriteValue<v1::LearningEvent>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::LearningEvent> {
    WP_ASSIGN_OR_RETURN(v1::LearningEvent event, LoadEvent(tx, id));
    if (event.status() != v1::SCHEDULED) return NotScheduled(event, "cancelled");
    event.set_status(v1::CANCELLED);
    event.set_cancel_reason(request.reason());
    WP_RETURN_IF_ERROR(SaveEvent(tx, id, event, store::VersionOf(event.etag()), now));
    // Every live registration goes with the event; the organiser cancelled,
    // so none is late.
    WP_ASSIGN_OR_RETURN(int64_t cancelled,
                        tx.Execute("UPDATE registrations SET state = 3, wait_seq = 0, cancel_us = ? "
                                   "WHERE event_id = ? AND state IN (1, 2)",
                                   {calendar::Micros(now), id}));
    WP_RETURN_IF_ERROR(
        tx.Execute("UPDATE learning_events SET placed = 0, waiting = 0 WHERE id = ?", {id}).status());
    WP_RETURN_IF_ERROR(RefreshEventFigures(tx, id));
    WP_ASSIGN_OR_RETURN(v1::LearningEvent stored, LoadEvent(tx, id));
    v1::EventCancelled payload;
    *payload.mutable_event() = stored;
    payload.set_registrations_cancelled(static_cast<int32_t>(cancelled));
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "event", "cancelled", stored.name(), payload).status());
    return stored;
  });
}

absl::StatusOr<v1::LearningEvent> LearningEvents::MarkHeld(const server::Caller& caller,
                                                           const v1::MarkEventHeldRequest& request, absl::Time now) {
  WP_ASSIGN_OR_RETURN(std::string id, EventIdOf(request.name(), "name"));
  return store::WriteValue<v1::LearningEvent>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::LearningEvent> {
    WP_ASSIGN_OR_RETURN(v1::LearningEvent event, LoadEvent(tx, id));
    if (event.status() != v1::SCHEDULED) return NotScheduled(event, "marked held");
    if (TimeOf(event.start_time()) > now) {
      return absl::FailedPreconditionError(absl::StrCat(event.name(), " has not started yet"));
    }
    event.set_status(v1::HELD);
    WP_RETURN_IF_ERROR(SaveEvent(tx, id, event, store::VersionOf(event.etag()), now));
    WP_ASSIGN_OR_RETURN(store::Row counts,
                        tx.QueryOne("SELECT COALESCE(SUM(CASE WHEN attendance = 1 THEN 1 ELSE 0 END), 0), "
                                    "COALESCE(SUM(CASE WHEN attendance <> 1 THEN 1 ELSE 0 END), 0) "
                                    "FROM registrations WHERE event_id = ? AND state = 1",
                                    {id}));
    WP_ASSIGN_OR_RETURN(v1::LearningEvent stored, LoadEvent(tx, id));
    v1::EventHeld payload;
    *payload.mutable_event() = stored;
    payload.set_attended(static_cast<int32_t>(counts.Int(0)));
    payload.set_no_shows(static_cast<int32_t>(counts.Int(1)));
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "event", "held", stored.name(), payload).status());
    return stored;
  });
}

}  // namespace wp::learning
