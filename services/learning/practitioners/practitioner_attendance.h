// One practitioner's attendance across every programme
// (PractitionersService.GetPractitionerAttendance): each registration with
// its event in start order, totals per programme with its completion, and
// overall totals, over events starting in a range of days. Person-level
// data: callable by those who may read a practitioner.
//
// Thread-safety: thread-safe (reads only).
#ifndef WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_ATTENDANCE_H_
#define WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_ATTENDANCE_H_

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "wp/learning/v1/practitioners.pb.h"

namespace wp::learning {

// INVALID_ARGUMENT naming every bad field (a malformed practitioner, a bad
// date, from after to); NOT_FOUND for a practitioner not held (never
// created, or erased: the id went with the erasure).
absl::StatusOr<v1::PractitionerAttendance> GetPractitionerAttendance(
    store::Database& db, const v1::GetPractitionerAttendanceRequest& request);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_ATTENDANCE_H_
