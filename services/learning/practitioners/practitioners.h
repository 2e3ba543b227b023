// Practitioners, known by a pseudonymous id: created, read, updated (field
// mask, etag) and listed, each change with its event (practitioner.created
// / .updated) in the same transaction.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONERS_H_
#define WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONERS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/learning/v1/practitioners.pb.h"

namespace wp::learning {

class Practitioners {
 public:
  explicit Practitioners(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS for an id in use.
  absl::StatusOr<v1::Practitioner> Create(const server::Caller& caller, const v1::CreatePractitionerRequest& request,
                                          absl::Time now);
  absl::StatusOr<v1::Practitioner> Get(const v1::GetPractitionerRequest& request);
  absl::StatusOr<v1::ListPractitionersResponse> List(const v1::ListPractitionersRequest& request);
  absl::StatusOr<v1::Practitioner> Update(const server::Caller& caller, const v1::UpdatePractitionerRequest& request,
                                          absl::Time now);
  // The practitioner's attendance across programmes (practitioner_attendance.h).
  absl::StatusOr<v1::PractitionerAttendance> Attendance(const v1::GetPractitionerAttendanceRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONERS_H_
