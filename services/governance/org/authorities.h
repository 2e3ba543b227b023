// The eight authorities (seeded, read-only) and their population figures per
// school session: the denominators other services divide by, which learn of
// changes through wp.governance.authority.population_updated.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_ORG_AUTHORITIES_H_
#define WP_SERVICES_GOVERNANCE_ORG_AUTHORITIES_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class Authorities {
 public:
  explicit Authorities(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::Authority> GetAuthority(const server::Caller& caller,
                                             const v1::GetAuthorityRequest& request);
  absl::StatusOr<v1::ListAuthoritiesResponse> ListAuthorities(const server::Caller& caller,
                                                              const v1::ListAuthoritiesRequest& request);
  absl::StatusOr<v1::Population> GetPopulation(const server::Caller& caller,
                                               const v1::GetPopulationRequest& request);
  absl::StatusOr<v1::ListPopulationsResponse> ListPopulations(const server::Caller& caller,
                                                              const v1::ListPopulationsRequest& request);
  // An authority_officer may update only the authorities it acts for
  // (PERMISSION_DENIED otherwise); other roles act for the whole region. An
  // update that changes nothing returns the figures as they are, with no
  // event.
  absl::StatusOr<v1::Population> UpdatePopulation(const server::Caller& caller,
                                                  const v1::UpdatePopulationRequest& request);
  absl::StatusOr<v1::RegionPopulation> GetRegionPopulation(const server::Caller& caller,
                                                           const v1::GetRegionPopulationRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_AUTHORITIES_H_
