// The ingestion benchmark's workload: generated usage of the online school
// (tools/demo/usage_generator.h) as two passes, the way the platform's data
// came: a first pass of every event, then a second pass re-sending a share
// of them, a few with changed content (conflicts). Each pass is held in
// memory as gRPC batches, so that sending measures the service and not the
// generator, and written as the platform's CSV export for the CSV path and
// the sqlite3 baseline.
#ifndef WP_TOOLS_BENCH_USAGE_WORKLOAD_H_
#define WP_TOOLS_BENCH_USAGE_WORKLOAD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "tools/demo/usage_generator.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::bench {

struct UsageWorkloadSettings {
  demo::UsageSettings usage;
  // Of the first pass, re-sent in the second: every (1 / resend_fraction)th event.
  double resend_fraction = 0.2;
  // Of the re-sent events, every conflict_every-th has other seconds: a conflict.
  int conflict_every = 1000;
  int batch_size = 5000;
  // Where the two passes are written as CSV.
  std::string first_csv_path;
  std::string second_csv_path;
};

struct UsagePass {
  std::vector<wp::westos::v1::IngestUsageRequest> batches;
  int64_t events = 0;
};

struct UsageWorkload {
  UsagePass first;   // every event once
  UsagePass second;  // re-sent: duplicates and conflicts
  int64_t conflicts = 0;
  absl::CivilDay first_day;
  absl::CivilDay last_day;
};

absl::StatusOr<UsageWorkload> BuildUsageWorkload(const UsageWorkloadSettings& settings);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_USAGE_WORKLOAD_H_
