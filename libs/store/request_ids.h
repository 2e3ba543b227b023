// Idempotent creates: a client may send a request_id with a create, and a
// retry with the same id returns what the first call made instead of making
// it twice. Ids are scoped by method, so the same id sent to two methods
// names two requests. The table is a platform migration.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_LIBS_STORE_REQUEST_IDS_H_
#define WP_LIBS_STORE_REQUEST_IDS_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::store {

// Longest request_id accepted; longer ones are INVALID_ARGUMENT.
inline constexpr size_t kMaxRequestIdBytes = 100;

// INVALID_ARGUMENT on "request_id" when it is too long.
absl::Status ValidateRequestId(const std::string& request_id);

// The resource a request id of `method` created, if any (none for an empty
// id: the client sent none).
absl::StatusOr<std::optional<std::string>> FindRequest(Transaction& tx, const std::string& method,
                                                       const std::string& request_id);
// Remembers what a request id of `method` created; does nothing for an empty
// id, so callers need not check.
absl::Status RecordRequest(Transaction& tx, const std::string& method,
                           const std::string& request_id, const std::string& resource,
                           absl::Time now);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_REQUEST_IDS_H_
