// Actions arising for a body, usually from one of its meetings: who does
// what by when, and the overdue events. A plain class; the gRPC layer only
// translates. Every change publishes wp.governance.action.<verb> (and is
// audited) in its transaction.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_ACTIONS_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_ACTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Actions {
 public:
  explicit Actions(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Action> CreateAction(const server::Caller& caller, const v1::CreateActionRequest& request);
  absl::StatusOr<v1::Action> GetAction(const server::Caller& caller, const v1::GetActionRequest& request);
  absl::StatusOr<v1::ListActionsResponse> ListActions(const server::Caller& caller,
                                                      const v1::ListActionsRequest& request);
  absl::StatusOr<v1::Action> UpdateAction(const server::Caller& caller, const v1::UpdateActionRequest& request);

  // Publishes wp.governance.action.overdue for every OPEN or IN_PROGRESS
  // action due before `today` ("2022-06-14") that has not had it for its
  // current due date, in one transaction; returns how many went out. Run it
  // daily (the lead's scheduler); running it twice on a day publishes
  // nothing more.
  absl::StatusOr<int> PublishOverdue(const server::Caller& caller, const std::string& today);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_ACTIONS_H_
