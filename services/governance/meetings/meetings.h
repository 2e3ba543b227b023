// Meetings of the bodies: scheduling, the agenda, recording one as held
// (attendance checked against memberships, quorum against the body's rule)
// or cancelled, and the meeting pack. A plain class; the gRPC layer only
// translates. Every change publishes wp.governance.meeting.<verb> (and is
// audited) in its transaction.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/governance/core/references.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Meetings {
 public:
  explicit Meetings(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Meeting> ScheduleMeeting(const server::Caller& caller,
                                              const v1::ScheduleMeetingRequest& request);
  absl::StatusOr<v1::Meeting> GetMeeting(const server::Caller& caller, const v1::GetMeetingRequest& request);
  absl::StatusOr<v1::ListMeetingsResponse> ListMeetings(const server::Caller& caller,
                                                        const v1::ListMeetingsRequest& request);
  absl::StatusOr<v1::Meeting> UpdateMeeting(const server::Caller& caller, const v1::UpdateMeetingRequest& request);
  absl::StatusOr<v1::Meeting> RecordMeetingHeld(const server::Caller& caller,
                                                const v1::RecordMeetingHeldRequest& request);
  absl::StatusOr<v1::Meeting> CancelMeeting(const server::Caller& caller, const v1::CancelMeetingRequest& request);
  // A pure read of the store, so the caller may cache it by data generation.
  absl::StatusOr<v1::MeetingPack> GetMeetingPack(const server::Caller& caller,
                                                 const v1::GetMeetingPackRequest& request);

 private:
  // Loads the meeting `name`, checks `etag` and that it is SCHEDULED, lets
  // `change` edit it, saves it with the version bumped and publishes
  // meeting.<verb>, all in one transaction.
  using MeetingChange = std::function<absl::Status(store::Transaction&, const BodyRef&, v1::Meeting&)>;
  absl::StatusOr<v1::Meeting> Change(const server::Caller& caller, const std::string& name,
                                     const std::string& name_field, const std::string& etag,
                                     const std::string& verb, const MeetingChange& change);

  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_H_
