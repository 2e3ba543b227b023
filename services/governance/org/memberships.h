// Memberships: the seats people hold on bodies. A person holds at most one
// membership of a body on any day and a body has at most one chair on any
// day (FAILED_PRECONDITION naming the clashing membership), checked on
// create and on update. Every change publishes
// wp.governance.membership.created/updated.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIPS_H_
#define WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIPS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Memberships {
 public:
  explicit Memberships(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Membership> CreateMembership(const server::Caller& caller,
                                                  const v1::CreateMembershipRequest& request);
  absl::StatusOr<v1::Membership> GetMembership(const server::Caller& caller,
                                               const v1::GetMembershipRequest& request);
  // Parent bodies/- lists every body's memberships.
  absl::StatusOr<v1::ListMembershipsResponse> ListMemberships(const server::Caller& caller,
                                                              const v1::ListMembershipsRequest& request);
  // An update that changes nothing returns the membership as it is, with no
  // event.
  absl::StatusOr<v1::Membership> UpdateMembership(const server::Caller& caller,
                                                  const v1::UpdateMembershipRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIPS_H_
