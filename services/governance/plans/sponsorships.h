// Workstream sponsorship: Board members sponsoring the workstreams of a
// plan, from a start date until EndSponsorship. A sponsor must be a full
// (not advisory) member of the Board on the start date. The workstreams
// service consumes sponsor.assigned and sponsor.ended to list each
// workstream's sponsors, so their payloads carry the complete Sponsorship.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIPS_H_
#define WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIPS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class Sponsorships {
 public:
  explicit Sponsorships(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Sponsorship> AssignSponsor(const server::Caller& caller,
                                                const v1::AssignSponsorRequest& request);
  absl::StatusOr<v1::Sponsorship> GetSponsorship(const server::Caller& caller,
                                                 const v1::GetSponsorshipRequest& request);
  absl::StatusOr<v1::ListSponsorshipsResponse> ListSponsorships(const server::Caller& caller,
                                                                const v1::ListSponsorshipsRequest& request);
  absl::StatusOr<v1::Sponsorship> EndSponsorship(const server::Caller& caller,
                                                 const v1::EndSponsorshipRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIPS_H_
