// Persistence of meetings: one row each in `meetings`, the agenda,
// attendance and quorum check kept as serialized protos. Functions run
// inside the caller's transaction; the checks are the caller's.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_STORE_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::meetings_internal {

// As the API shows it, decision_count included. NOT_FOUND naming it.
absl::StatusOr<v1::Meeting> LoadMeeting(store::Transaction& tx, const std::string& body_id, int64_t number);

// The number the body's next meeting gets: 1, 2, ...
absl::StatusOr<int64_t> NextMeetingNumber(store::Transaction& tx, const std::string& body_id);

// Stores `meeting` as body_id's meeting `number`, SCHEDULED, version 1.
// Reads title, meeting_date, location and agenda_items.
absl::Status InsertMeeting(store::Transaction& tx, const std::string& body_id, int64_t number,
                           const v1::Meeting& meeting, absl::Time now);

// Writes every stored field of `meeting` (title, date, location, state,
// agenda, attendance, quorum, cancel reason) and bumps the version;
// ABORTED when the stored version is not `expected_version`.
absl::Status SaveMeeting(store::Transaction& tx, const std::string& body_id, int64_t number,
                         const v1::Meeting& meeting, int64_t expected_version, absl::Time now);

// Where a listing stands: the last meeting shown, in list order
// (meeting date, body, number).
struct MeetingPosition {
  std::string day;
  std::string body_id;
  int64_t number = 0;
};

struct MeetingFilter {
  std::string body_id;      // empty for every body
  std::vector<int> states;  // empty for every state
  std::string from_day;     // inclusive, empty for no bound
  std::string to_day;       // inclusive, empty for no bound
};

// Up to `limit` meetings after `after`, by meeting date, body and number.
absl::StatusOr<std::vector<v1::Meeting>> ListMeetingRows(store::Transaction& tx, const MeetingFilter& filter,
                                                         const std::optional<MeetingPosition>& after,
                                                         int limit);

// The body's last HELD meeting before (`day`, `number`) in date-then-number
// order, if any.
absl::StatusOr<std::optional<v1::Meeting>> PreviousHeldMeeting(store::Transaction& tx,
                                                               const std::string& body_id,
                                                               const std::string& day, int64_t number);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_MEETING_STORE_H_
