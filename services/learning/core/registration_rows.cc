#include "services/learning/core/registration_rows.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

// The waiting position is the count of those waiting no later.
constexpr char kSelect[] =
    "SELECT r.event_id, r.practitioner_id, r.state, r.attendance, r.walk_in, r.late_cancellation, r.promoted, "
    "r.register_us, r.cancel_us, r.promote_us, "
    "CASE WHEN r.state = 2 THEN (SELECT COUNT(*) FROM registrations w WHERE w.event_id = r.event_id "
    "AND w.state = 2 AND w.wait_seq <= r.wait_seq) ELSE 0 END "
    "FROM registrations r WHERE ";

v1::Registration RegistrationOfRow(const store::Row& row) {
  v1::Registration r;
  r.set_name(RegistrationName(row.Text(0), row.Text(1)));
  r.set_event(EventName(row.Text(0)));
  r.set_practitioner(PractitionerName(row.Text(1)));
  r.set_state(static_cast<v1::RegistrationState>(row.Int(2)));
  r.set_attendance(static_cast<v1::Attendance>(row.Int(3)));
  r.set_walk_in(row.Int(4) != 0);
  r.set_late_cancellation(row.Int(5) != 0);
  r.set_promoted(row.Int(6) != 0);
  calendar::SetTimestamp(row.Int(7), r.mutable_register_time());
  if (row.Int(8) != 0) calendar::SetTimestamp(row.Int(8), r.mutable_cancel_time());
  if (row.Int(9) != 0) calendar::SetTimestamp(row.Int(9), r.mutable_promote_time());
  r.set_waiting_position(static_cast<int32_t>(row.Int(10)));
  return r;
}

}  // namespace

absl::StatusOr<std::vector<v1::Registration>> SelectRegistrations(store::Transaction& tx, const std::string& where,
                                                                  const std::vector<store::Value>& params,
                                                                  const std::string& order_and_limit) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat(kSelect, where, " ", order_and_limit), params));
  std::vector<v1::Registration> out;
  out.reserve(rows.size());
  for (const store::Row& row : rows) out.push_back(RegistrationOfRow(row));
  return out;
}

absl::StatusOr<std::optional<v1::Registration>> FindRegistration(store::Transaction& tx, const std::string& event_id,
                                                                 const std::string& practitioner_id) {
  WP_ASSIGN_OR_RETURN(std::vector<v1::Registration> found,
                      SelectRegistrations(tx, "r.event_id = ? AND r.practitioner_id = ?", {event_id, practitioner_id}, ""));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

absl::StatusOr<v1::Registration> LoadRegistration(store::Transaction& tx, const std::string& event_id,
                                                  const std::string& practitioner_id) {
  WP_ASSIGN_OR_RETURN(std::optional<v1::Registration> found, FindRegistration(tx, event_id, practitioner_id));
  if (!found.has_value()) {
    return absl::NotFoundError(absl::StrCat(RegistrationName(event_id, practitioner_id), " does not exist"));
  }
  return *std::move(found);
}

absl::StatusOr<int> PromoteWaiting(store::Transaction& tx, const server::Caller& caller, const std::string& event_id,
                                   absl::Time now) {
  WP_ASSIGN_OR_RETURN(store::Row event,
                      tx.QueryOne("SELECT capacity - placed FROM learning_events WHERE id = ?", {event_id}));
  const int64_t free_places = event.Int(0);
  if (free_places <= 0) return 0;
  WP_ASSIGN_OR_RETURN(auto waiting, tx.Query("SELECT practitioner_id FROM registrations WHERE event_id = ? "
                                             "AND state = 2 ORDER BY wait_seq LIMIT ?",
                                             {event_id, free_places}));
  const int64_t now_us = calendar::Micros(now);
  for (const store::Row& row : waiting) {
    const std::string practitioner_id = row.Text(0);
    WP_RETURN_IF_ERROR(tx.Execute("UPDATE registrations SET state = 1, wait_seq = 0, promoted = 1, promote_us = ? "
                                  "WHERE event_id = ? AND practitioner_id = ?",
                                  {now_us, event_id, practitioner_id})
                           .status());
    WP_ASSIGN_OR_RETURN(v1::Registration promoted, LoadRegistration(tx, event_id, practitioner_id));
    v1::RegistrationChanged payload;
    *payload.mutable_registration() = promoted;
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "registration", "promoted", promoted.name(), payload).status());
  }
  if (!waiting.empty()) {
    const auto promoted = static_cast<int64_t>(waiting.size());
    WP_RETURN_IF_ERROR(tx.Execute("UPDATE learning_events SET placed = placed + ?, waiting = waiting - ? WHERE id = ?",
                                  {promoted, promoted, event_id})
                           .status());
  }
  return static_cast<int>(waiting.size());
}

}  // namespace wp::learning
