// Registrations for events: register (a place while places are left, else
// the end of the waiting list), cancel (late after the cut-off; the place
// goes to the longest waiting), read and list; and attendance recorded in
// bulk from a check-in list, with walk-ins, no-shows and programme
// completions following from it. Every change writes its rows and events
// (registration.created / .cancelled / .promoted, attendance.recorded,
// programme.completed) in one transaction.
//
// Capacity holds under concurrent registrations: each registration reads
// and moves the event's counters inside its write transaction (SQLite has
// one writer; PostgreSQL runs it SERIALIZABLE and the store retries a
// conflict).
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_REGISTRATIONS_REGISTRATIONS_H_
#define WP_SERVICES_LEARNING_REGISTRATIONS_REGISTRATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/learning/registrations/attendance_entries.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {

class Registrations {
 public:
  explicit Registrations(store::Database& db) : db_(db) {}

  // Returns the live registration unchanged when there is one.
  // NOT_FOUND for an unknown event or practitioner; FAILED_PRECONDITION
  // for an event not SCHEDULED, or past its cut-off without after_cutoff.
  absl::StatusOr<v1::Registration> Register(const server::Caller& caller, const v1::RegisterRequest& request,
                                            absl::Time now);
  // A cancelled registration is returned unchanged. FAILED_PRECONDITION
  // for an event no longer SCHEDULED.
  absl::StatusOr<v1::Registration> Cancel(const server::Caller& caller, const v1::CancelRegistrationRequest& request,
                                          absl::Time now);
  absl::StatusOr<v1::Registration> Get(const v1::GetRegistrationRequest& request);
  absl::StatusOr<v1::ListRegistrationsResponse> List(const v1::ListRegistrationsRequest& request);
  // FAILED_PRECONDITION (the whole call) for a cancelled event or one not
  // started by `now`; otherwise each entry has its own result.
  absl::StatusOr<v1::RecordAttendanceResponse> RecordAttendance(const server::Caller& caller,
                                                                const v1::RecordAttendanceRequest& request,
                                                                absl::Time now);
  // A check-in list as a CSV file (attendance_csv.h), each row treated as
  // RecordAttendance treats an entry, naming columns and file lines in its
  // results. INVALID_ARGUMENT on "content" for a malformed file; the event
  // as RecordAttendance.
  absl::StatusOr<v1::ImportAttendanceResponse> ImportAttendance(const server::Caller& caller,
                                                                const v1::ImportAttendanceRequest& request,
                                                                absl::Time now);

 private:
  // The checked entries applied to the event in one transaction with one
  // attendance.recorded event (and any programme completions).
  absl::StatusOr<v1::RecordAttendanceResponse> ApplyAttendance(const server::Caller& caller,
                                                               const std::string& event_id,
                                                               const std::vector<AttendanceItem>& checked,
                                                               absl::Time now);

  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_REGISTRATIONS_REGISTRATIONS_H_
