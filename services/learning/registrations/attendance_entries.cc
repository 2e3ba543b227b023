#include "services/learning/registrations/attendance_entries.h"

#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/text/bounded_text.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"

namespace wp::learning {
namespace {

void Reject(AttendanceItem& item, const std::string& field, const std::string& reason) {
  item.result.set_outcome(v1::AttendanceResult::REJECTED);
  item.result.set_field(field);
  item.result.set_reason(reason);
}

}  // namespace

std::vector<AttendanceItem> CheckAttendanceEntries(const std::vector<LabelledAttendanceEntry>& entries) {
  std::vector<AttendanceItem> items;
  items.reserve(entries.size());
  std::map<std::string, const LabelledAttendanceEntry*> first_entry;
  for (const LabelledAttendanceEntry& labelled : entries) {
    const v1::AttendanceEntry& entry = labelled.entry;
    AttendanceItem item;
    item.attended = entry.attended();
    item.field_prefix = labelled.field_prefix;
    item.result.set_index(labelled.index);
    item.result.set_line(labelled.line);
    item.result.set_practitioner(text::Bounded(entry.practitioner(), 200));
    item.result.set_outcome(v1::AttendanceResult::RECORDED);
    const std::string field = labelled.field_prefix + "practitioner";
    absl::StatusOr<std::string> id = PractitionerIdOf(entry.practitioner(), field);
    if (!id.ok()) {
      std::vector<FieldViolation> violations = FieldViolationsOf(id.status());
      Reject(item, field, violations.empty() ? std::string(id.status().message()) : violations.front().description);
    } else if (auto [it, inserted] = first_entry.emplace(*id, &labelled); !inserted) {
      Reject(item, field, absl::StrCat("repeats ", it->second->where));
    } else {
      item.practitioner_id = *id;
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<AttendanceItem> CheckAttendanceEntries(const v1::RecordAttendanceRequest& request) {
  std::vector<LabelledAttendanceEntry> entries(request.entries_size());
  for (int i = 0; i < request.entries_size(); ++i) {
    entries[i].entry = request.entries(i);
    entries[i].index = i;
    entries[i].where = absl::StrCat("entries[", i, "]");
    entries[i].field_prefix = entries[i].where + ".";
  }
  return CheckAttendanceEntries(entries);
}

absl::Status ApplyAttendanceItem(store::Transaction& tx, const std::string& event_id, AttendanceItem& item,
                                 absl::Time now) {
  const std::string field = item.field_prefix + "practitioner";
  WP_ASSIGN_OR_RETURN(auto known, tx.Query("SELECT 1 FROM practitioners WHERE id = ?", {item.practitioner_id}));
  if (known.empty()) {
    Reject(item, field, absl::StrCat(PractitionerName(item.practitioner_id), " does not exist"));
    return absl::OkStatus();
  }
  WP_ASSIGN_OR_RETURN(std::optional<v1::Registration> registration,
                      FindRegistration(tx, event_id, item.practitioner_id));
  const v1::Attendance wanted = item.attended ? v1::ATTENDED : v1::ABSENT;
  if (registration.has_value() && registration->state() == v1::PLACED) {
    if (registration->attendance() == wanted) {
      item.result.set_outcome(v1::AttendanceResult::UNCHANGED);
      return absl::OkStatus();
    }
    return tx
        .Execute("UPDATE registrations SET attendance = ? WHERE event_id = ? AND practitioner_id = ?",
                 {static_cast<int64_t>(wanted), event_id, item.practitioner_id})
        .status();
  }
  if (!item.attended) {
    Reject(item, item.field_prefix + "attended",
           "the practitioner holds no place on the event, so cannot be absent from it");
    return absl::OkStatus();
  }
  // A walk-in: a place outside the capacity.
  if (registration.has_value() && registration->state() == v1::WAITING) {
    WP_RETURN_IF_ERROR(tx.Execute("UPDATE learning_events SET waiting = waiting - 1 WHERE id = ?", {event_id}).status());
  }
  return tx
      .Execute("INSERT INTO registrations (event_id, practitioner_id, state, attendance, walk_in, register_us) "
               "VALUES (?, ?, 1, 1, 1, ?) ON CONFLICT (event_id, practitioner_id) DO UPDATE SET state = 1, "
               "wait_seq = 0, attendance = 1, walk_in = 1, late_cancellation = 0, cancel_us = 0",
               {event_id, item.practitioner_id, calendar::Micros(now)})
      .status();
}

void CountAttendanceResult(const v1::AttendanceResult& result, v1::RecordAttendanceResponse& response) {
  switch (result.outcome()) {
    case v1::AttendanceResult::RECORDED:
      response.set_recorded(response.recorded() + 1);
      break;
    case v1::AttendanceResult::UNCHANGED:
      response.set_unchanged(response.unchanged() + 1);
      break;
    default:
      response.set_rejected(response.rejected() + 1);
      break;
  }
}

}  // namespace wp::learning
