// The SQL of practitioners, run inside the caller's transaction, and the
// rules of their fields.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_STORE_H_
#define WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/learning/v1/practitioners.pb.h"

namespace wp::learning {

inline constexpr size_t kMaxEstablishmentBytes = 200;

// Every broken rule of the caller-set fields at once (authority code,
// establishment one line, sector and role set), on `prefix` + field.
absl::Status CheckPractitioner(const v1::Practitioner& practitioner, const std::string& prefix);

absl::Status InsertPractitioner(store::Transaction& tx, const std::string& id, const v1::Practitioner& practitioner,
                                absl::Time now);
// NOT_FOUND naming the practitioner when there is none.
absl::StatusOr<v1::Practitioner> LoadPractitioner(store::Transaction& tx, const std::string& id);
// ABORTED when the version is no longer `version`.
absl::Status SavePractitioner(store::Transaction& tx, const std::string& id, const v1::Practitioner& practitioner,
                              int64_t version, absl::Time now);
absl::StatusOr<std::vector<v1::Practitioner>> ListPractitionerRows(store::Transaction& tx, const std::string& authority,
                                                                   const std::string& after_id, int limit);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_PRACTITIONERS_PRACTITIONER_STORE_H_
