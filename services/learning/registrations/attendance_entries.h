// One check-in list's entries: checked on their own first (a practitioner
// name, no repeats), then each applied to the practitioner's registration
// inside the call's transaction.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_ENTRIES_H_
#define WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_ENTRIES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {

struct AttendanceItem {
  std::string practitioner_id;  // empty when the entry was rejected
  bool attended = false;
  // Put before a field's name in results: "entries[3]." for a request's
  // entry, "" for a file's row (whose fields are its columns).
  std::string field_prefix;
  // Starts as RECORDED (to be applied) or REJECTED; Apply settles it.
  v1::AttendanceResult result;
};

// An entry to check, and how results name it.
struct LabelledAttendanceEntry {
  v1::AttendanceEntry entry;
  int index = 0;             // the result's index
  int line = 0;              // the result's line (imports)
  std::string where;         // "entries[3]" or "line 4", for "repeats ..."
  std::string field_prefix;  // see AttendanceItem
};

// The entries in order, each REJECTED (with field and reason) when its
// practitioner name is malformed or repeats an earlier entry's.
std::vector<AttendanceItem> CheckAttendanceEntries(const std::vector<LabelledAttendanceEntry>& entries);
// The same for a request's entries, named entries[i].
std::vector<AttendanceItem> CheckAttendanceEntries(const v1::RecordAttendanceRequest& request);

// Applies one entry to the event's registrations:
// - a place: its attendance set (RECORDED), or UNCHANGED;
// - attended without a place (none, waiting or cancelled): a walk-in
//   place outside the capacity (RECORDED), leaving the waiting list;
// - absent without a place: REJECTED, as is an unknown practitioner.
absl::Status ApplyAttendanceItem(store::Transaction& tx, const std::string& event_id, AttendanceItem& item,
                                 absl::Time now);

// Adds the result to the response's totals.
void CountAttendanceResult(const v1::AttendanceResult& result, v1::RecordAttendanceResponse& response);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_REGISTRATIONS_ATTENDANCE_ENTRIES_H_
