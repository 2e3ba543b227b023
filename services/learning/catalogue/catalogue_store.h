// The SQL of programmes and events, run inside the caller's transaction.
// Resources come back complete (name, times, etag); NOT_FOUND names the
// resource when there is none.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CATALOGUE_CATALOGUE_STORE_H_
#define WP_SERVICES_LEARNING_CATALOGUE_CATALOGUE_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning {

absl::Status InsertProgramme(store::Transaction& tx, const std::string& id, const v1::Programme& programme,
                             absl::Time now);
absl::StatusOr<v1::Programme> LoadProgramme(store::Transaction& tx, const std::string& id);
// Writes the caller-set fields of `programme` where the version is still
// `version` (ABORTED otherwise), one version on.
absl::Status SaveProgramme(store::Transaction& tx, const std::string& id, const v1::Programme& programme,
                           int64_t version, absl::Time now);
// Up to `limit` programmes with ids after `after_id`, in id order; only
// the workstream's when it is set.
absl::StatusOr<std::vector<v1::Programme>> ListProgrammeRows(store::Transaction& tx, const std::string& workstream,
                                                             const std::string& after_id, int limit);

absl::Status InsertEvent(store::Transaction& tx, const std::string& id, const v1::LearningEvent& event,
                         absl::Time now);
absl::StatusOr<v1::LearningEvent> LoadEvent(store::Transaction& tx, const std::string& id);
// Writes the caller-set fields, status and cancel reason where the version
// is still `version` (ABORTED otherwise), one version on.
absl::Status SaveEvent(store::Transaction& tx, const std::string& id, const v1::LearningEvent& event,
                       int64_t version, absl::Time now);

struct EventFilter {
  std::string programme_id;  // "" for any
  v1::EventStatus status = v1::EVENT_STATUS_UNSPECIFIED;
  int64_t start_from_us = INT64_MIN;
  int64_t start_before_us = INT64_MAX;
};
// Up to `limit` events after (after_start_us, after_id) in start order.
absl::StatusOr<std::vector<v1::LearningEvent>> ListEventRows(store::Transaction& tx, const EventFilter& filter,
                                                             int64_t after_start_us, const std::string& after_id,
                                                             int limit);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CATALOGUE_CATALOGUE_STORE_H_
