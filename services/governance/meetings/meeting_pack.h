// The meeting pack: what a member reads before a meeting, put together from
// the store in one read (the meeting, the body's open actions, the
// decisions due and the matters arising from the previous held meeting).
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_PACK_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_PACK_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::meetings_internal {

// NOT_FOUND when the meeting does not exist. Reads only; the same store
// state always gives the same pack, so it may be cached by data generation.
absl::StatusOr<v1::MeetingPack> BuildMeetingPack(store::Transaction& tx, const std::string& body_id,
                                                 int64_t number);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_PACK_H_
