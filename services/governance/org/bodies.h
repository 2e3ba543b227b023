// Bodies: the four standing ones (seeded) and any others created here, which
// are of kind OTHER. Every change publishes wp.governance.body.created/updated.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_ORG_BODIES_H_
#define WP_SERVICES_GOVERNANCE_ORG_BODIES_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Bodies {
 public:
  explicit Bodies(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Body> CreateBody(const server::Caller& caller, const v1::CreateBodyRequest& request);
  // current_members counts the memberships current today (UTC).
  absl::StatusOr<v1::Body> GetBody(const server::Caller& caller, const v1::GetBodyRequest& request);
  absl::StatusOr<v1::ListBodiesResponse> ListBodies(const server::Caller& caller,
                                                    const v1::ListBodiesRequest& request);
  // An update that changes nothing returns the body as it is, with no event.
  absl::StatusOr<v1::Body> UpdateBody(const server::Caller& caller, const v1::UpdateBodyRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_BODIES_H_
