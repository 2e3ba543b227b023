// Persistence of people. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_ORG_PERSON_STORE_H_
#define WP_SERVICES_GOVERNANCE_ORG_PERSON_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

// NOT_FOUND naming people/{id}.
absl::StatusOr<v1::Person> LoadPerson(store::Transaction& tx, const std::string& id);
absl::StatusOr<bool> PersonExists(store::Transaction& tx, const std::string& id);
// At version 1; ALREADY_EXISTS when the id is taken.
absl::Status InsertPerson(store::Transaction& tx, const std::string& id, const v1::Person& person,
                          absl::Time now);
// Saves display_name, authority and organisation; ABORTED unless the stored
// version is `expected_version`.
absl::Status SavePerson(store::Transaction& tx, const std::string& id, const v1::Person& person,
                        int64_t expected_version, absl::Time now);

struct PersonKey {
  std::string display_name;
  std::string id;
};
struct PeopleFilter {
  std::string authority;    // a code; empty for everyone
  std::string query_lower;  // lower-case text the display name contains; empty for any
};
// Ordered by display name, then id, after `after` (from the start when its
// id is empty).
absl::StatusOr<std::vector<v1::Person>> ListPeopleRows(store::Transaction& tx, const PeopleFilter& filter,
                                                       const PersonKey& after, int limit);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_PERSON_STORE_H_
