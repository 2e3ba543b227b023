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
  // Starts as RECORDED (to be applied) or REJECTED; Apply settles it.
  v1::AttendanceResult result;
};

// The entries in order, each REJECTED (with field and reason) when its
// practitioner name is malformed or repeats an earlier entry's.
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
