// Persistence of the authorities (seeded, read-only) and their population
// figures. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_ORG_AUTHORITY_STORE_H_
#define WP_SERVICES_GOVERNANCE_ORG_AUTHORITY_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

// NOT_FOUND naming authorities/{code}.
absl::StatusOr<v1::Authority> LoadAuthority(store::Transaction& tx, const std::string& code);
// In code order, after `after_code`.
absl::StatusOr<std::vector<v1::Authority>> ListAuthorityRows(store::Transaction& tx,
                                                             const std::string& after_code, int limit);

// The figures of `code` for `session`, if recorded.
absl::StatusOr<std::optional<v1::Population>> FindPopulation(store::Transaction& tx,
                                                             const std::string& code,
                                                             const std::string& session);
// Records the figures of `figures` (quintiles already in quintile order) at
// version 1.
absl::Status InsertPopulation(store::Transaction& tx, const std::string& code, const std::string& session,
                              const v1::Population& figures, absl::Time now);
// Replaces the figures; ABORTED unless the stored version is `expected_version`.
absl::Status SavePopulation(store::Transaction& tx, const std::string& code, const std::string& session,
                            const v1::Population& figures, int64_t expected_version, absl::Time now);

struct PopulationKey {
  std::string code;
  std::string session;
};
// Ordered by authority code, then session, after `after` (nothing when its
// code is empty). Empty `code` / `session` filter nothing.
absl::StatusOr<std::vector<v1::Population>> ListPopulationRows(store::Transaction& tx,
                                                               const std::string& code,
                                                               const std::string& session,
                                                               const PopulationKey& after, int limit);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_AUTHORITY_STORE_H_
