// Persistence of actions: rows of `actions`, read with the owner's display
// name. Functions run inside the caller's transaction; the checks are the
// caller's.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_ACTION_STORE_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_ACTION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::meetings_internal {

// `overdue` in what these return is judged on `overdue_on` ("2022-06-14"):
// due before it and OPEN or IN_PROGRESS.

// NOT_FOUND naming it.
absl::StatusOr<v1::Action> LoadAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                                      const std::string& overdue_on);

// The number the body's next action gets: 1, 2, ...
absl::StatusOr<int64_t> NextActionNumber(store::Transaction& tx, const std::string& body_id);

// What an action row holds besides the action's own fields: the ids its
// names resolve to.
struct ActionLinks {
  std::string owner_id;
  std::optional<int64_t> meeting_number;
  std::optional<int64_t> decision_number;
};

// Stores description, due_date, state, completed_date and notes of `action`
// with `links`, version 1.
absl::Status InsertAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                          const v1::Action& action, const ActionLinks& links, absl::Time now);

// Writes description, owner, due_date, state, completed_date and notes and
// bumps the version; ABORTED when the stored version is not
// `expected_version`.
absl::Status SaveAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                        const v1::Action& action, const std::string& owner_id, int64_t expected_version,
                        absl::Time now);

// Where a listing stands: the last action shown, in list order (due date
// with none last, body, number).
struct ActionPosition {
  bool no_due_date = false;
  std::string due_day;
  std::string body_id;
  int64_t number = 0;
};

struct ActionFilter {
  std::string body_id;                  // empty for every body
  std::string owner_id;                 // empty for any owner
  std::vector<int> states;              // empty for every state
  std::string overdue_as_of;            // only actions overdue on this day, when set
  std::optional<int64_t> meeting_number;  // only actions raised at this meeting of body_id
};

// Up to `limit` actions after `after`; every match when `limit` is 0.
absl::StatusOr<std::vector<v1::Action>> ListActionRows(store::Transaction& tx, const ActionFilter& filter,
                                                       const std::optional<ActionPosition>& after, int limit,
                                                       const std::string& overdue_on);

// An open action past its due date whose overdue event has not gone out for
// that due date.
struct OverdueAction {
  std::string body_id;
  int64_t number = 0;
  std::string due_day;
};
absl::StatusOr<std::vector<OverdueAction>> UnpublishedOverdue(store::Transaction& tx, const std::string& today);
// Remembers that the overdue event for `due_day` went out.
absl::Status MarkOverduePublished(store::Transaction& tx, const OverdueAction& action);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_ACTION_STORE_H_
