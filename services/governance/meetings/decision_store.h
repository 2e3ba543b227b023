// Persistence of decisions: rows of `decisions`, never changed once
// written; each read joins its meeting for the meeting date. Functions run
// inside the caller's transaction; the checks are the caller's.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_DECISION_STORE_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_DECISION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::meetings_internal {

// NOT_FOUND naming it.
absl::StatusOr<v1::Decision> LoadDecision(store::Transaction& tx, const std::string& body_id,
                                          int64_t meeting_number, int64_t number);

// The number the meeting's next decision gets: 1, 2, ...
absl::StatusOr<int64_t> NextDecisionNumber(store::Transaction& tx, const std::string& body_id,
                                           int64_t meeting_number);

// Stores `decision` (text, outcome, agenda_item, plan, plan_item_refs,
// supersedes) as decision `number` of the meeting; `plan_id` is the id of
// decision.plan, empty when none.
absl::Status InsertDecision(store::Transaction& tx, const std::string& body_id, int64_t meeting_number,
                            int64_t number, const v1::Decision& decision, const std::string& plan_id,
                            absl::Time now);

// The decisions recorded at one meeting, in number order.
absl::StatusOr<std::vector<v1::Decision>> DecisionsAt(store::Transaction& tx, const std::string& body_id,
                                                      int64_t meeting_number);

// Where a listing stands: the last decision shown, in list order (meeting
// date, body, meeting number, number).
struct DecisionPosition {
  std::string day;
  std::string body_id;
  int64_t meeting_number = 0;
  int64_t number = 0;
};

struct DecisionFilter {
  std::string body_id;         // empty for every body
  int64_t meeting_number = 0;  // 0 for every meeting
  std::string plan_id;         // empty for any plan (or none)
  std::string plan_item_ref;   // empty for any; only with plan_id
  std::vector<int> outcomes;   // empty for every outcome
  std::string from_day;        // meeting date, inclusive; empty for no bound
  std::string to_day;
};

absl::StatusOr<std::vector<v1::Decision>> ListDecisionRows(store::Transaction& tx, const DecisionFilter& filter,
                                                           const std::optional<DecisionPosition>& after,
                                                           int limit);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_DECISION_STORE_H_
