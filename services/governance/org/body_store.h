// Persistence of bodies (the four standing ones are seeded). Functions run
// inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_ORG_BODY_STORE_H_
#define WP_SERVICES_GOVERNANCE_ORG_BODY_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

// With current_members counted on `today` ("2022-06-14"). NOT_FOUND naming
// bodies/{id}.
absl::StatusOr<v1::Body> LoadBody(store::Transaction& tx, const std::string& id, const std::string& today);
// At version 1, with the body's kind; ALREADY_EXISTS when the id is taken.
absl::Status InsertBody(store::Transaction& tx, const std::string& id, const v1::Body& body, absl::Time now);
// Saves title, description, cadence and the quorum rule; ABORTED unless the
// stored version is `expected_version`.
absl::Status SaveBody(store::Transaction& tx, const std::string& id, const v1::Body& body,
                      int64_t expected_version, absl::Time now);

// The listing order: kind (standing bodies are 1..4, OTHER last), title, id.
struct BodyKey {
  int64_t kind = 0;
  std::string title;
  std::string id;
};
// Bodies of `kind` (all for KIND_UNSPECIFIED) after `after`, in BodyKey order.
absl::StatusOr<std::vector<v1::Body>> ListBodyRows(store::Transaction& tx, v1::Body::Kind kind,
                                                   const BodyKey& after, int limit, const std::string& today);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_BODY_STORE_H_
