// Decisions taken at held meetings: a record of what was decided, never
// changed afterwards (a later decision may supersede one). A plain class;
// the gRPC layer only translates. Recording one publishes
// wp.governance.decision.recorded (and is audited) in its transaction.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_DECISIONS_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_DECISIONS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Decisions {
 public:
  explicit Decisions(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Decision> RecordDecision(const server::Caller& caller,
                                              const v1::RecordDecisionRequest& request);
  absl::StatusOr<v1::Decision> GetDecision(const server::Caller& caller, const v1::GetDecisionRequest& request);
  absl::StatusOr<v1::ListDecisionsResponse> ListDecisions(const server::Caller& caller,
                                                          const v1::ListDecisionsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_DECISIONS_H_
