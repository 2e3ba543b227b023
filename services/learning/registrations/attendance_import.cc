// Registrations::ImportAttendance: a check-in list file read into entries
// (attendance_csv.h) and applied exactly as RecordAttendance applies a
// request's entries.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/names.h"
#include "services/learning/registrations/attendance_csv.h"
#include "services/learning/registrations/attendance_entries.h"
#include "services/learning/registrations/registrations.h"

namespace wp::learning {

absl::StatusOr<v1::ImportAttendanceResponse> Registrations::ImportAttendance(
    const server::Caller& caller, const v1::ImportAttendanceRequest& request, absl::Time now) {
  WP_ASSIGN_OR_RETURN(std::string event_id, EventIdOf(request.event(), "event"));
  WP_ASSIGN_OR_RETURN(std::vector<AttendanceCsvRow> rows, ReadAttendanceCsv(request.content()));
  // Rows that are entries are checked together (a repeat names the line it
  // repeats); the others are rejected as they stand. Results keep file order.
  std::vector<LabelledAttendanceEntry> entries;
  std::vector<AttendanceItem> items;
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const AttendanceCsvRow& row = rows[i];
    if (row.ok()) {
      LabelledAttendanceEntry labelled;
      labelled.entry = row.entry;
      labelled.index = i;
      labelled.line = row.line;
      labelled.where = absl::StrCat("line ", row.line);
      entries.push_back(std::move(labelled));
      continue;
    }
    AttendanceItem item;
    item.result.set_index(i);
    item.result.set_line(row.line);
    item.result.set_practitioner(row.entry.practitioner());
    item.result.set_outcome(v1::AttendanceResult::REJECTED);
    item.result.set_field(row.field);
    item.result.set_reason(row.reason);
    items.push_back(std::move(item));
  }
  for (AttendanceItem& item : CheckAttendanceEntries(entries)) items.push_back(std::move(item));
  std::sort(items.begin(), items.end(), [](const AttendanceItem& a, const AttendanceItem& b) {
    return a.result.index() < b.result.index();
  });
  WP_ASSIGN_OR_RETURN(v1::RecordAttendanceResponse applied, ApplyAttendance(caller, event_id, items, now));
  v1::ImportAttendanceResponse response;
  *response.mutable_results() = std::move(*applied.mutable_results());
  response.set_recorded(applied.recorded());
  response.set_unchanged(applied.unchanged());
  response.set_rejected(applied.rejected());
  return response;
}

}  // namespace wp::learning
