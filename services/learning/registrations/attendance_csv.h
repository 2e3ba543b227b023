// Reading a check-in list saved as CSV (ImportAttendance): the header row,
// the columns practitioner (required) and attended, and each row as an
// attendance entry or the column and reason it cannot be one. Whether the
// entry's practitioner name is well formed is left to
// CheckAttendanceEntries, as for RecordAttendance. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_CSV_H_
#define WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_CSV_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {

struct AttendanceCsvRow {
  int line = 0;  // where the row starts in the file
  // practitioners/{id} as the cell gave it (a bare id gets the prefix).
  v1::AttendanceEntry entry;
  // Set when the row cannot be an entry: the column and the reason.
  std::string field;
  std::string reason;
  bool ok() const { return field.empty(); }
};

// "yes"/"no", "true"/"false", "1"/"0", "y"/"n" in any case, spaces around
// ignored; an empty cell is yes. nullopt for anything else.
std::optional<bool> ParseAttended(absl::string_view cell);

// The rows in file order; INVALID_ARGUMENT on "content" for a malformed
// file (see ReadCsvImport).
absl::StatusOr<std::vector<AttendanceCsvRow>> ReadAttendanceCsv(absl::string_view content);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_CSV_H_
