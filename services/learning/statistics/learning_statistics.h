// The statistics of professional learning (statistics.proto): counted from
// the store in one read transaction, with reach over the population figures
// the governance service publishes, and splits of fewer than 5
// practitioners suppressed.
//
// Thread-safety: thread-safe (reads only).
#ifndef WP_SERVICES_LEARNING_STATISTICS_LEARNING_STATISTICS_H_
#define WP_SERVICES_LEARNING_STATISTICS_LEARNING_STATISTICS_H_

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/store/database.h"
#include "wp/learning/v1/statistics.pb.h"

namespace wp::learning {

class LearningStatistics {
 public:
  explicit LearningStatistics(store::Database& db) : db_(db) {}

  // `today` (UTC) gives the population's school session when `to` is unset.
  absl::StatusOr<v1::Statistics> Get(const v1::GetStatisticsRequest& request, absl::CivilDay today);

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_LEARNING_STATISTICS_H_
