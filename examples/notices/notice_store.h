// The notice board's SQL, run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_EXAMPLES_NOTICES_NOTICE_STORE_H_
#define WP_EXAMPLES_NOTICES_NOTICE_STORE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/examples/v1/notices.pb.h"

namespace wp::examples::notices {

// Stores `notice` (title and body) as notices/{id}, posted by `posted_by`.
absl::Status InsertNotice(store::Transaction& tx, const std::string& id, const v1::Notice& notice,
                          const std::string& posted_by, absl::Time now);
// NOT_FOUND naming the notice when there is none.
absl::StatusOr<v1::Notice> LoadNotice(store::Transaction& tx, const std::string& id);

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_NOTICE_STORE_H_
