// Sends a pass of the ingestion benchmark's workload to a westos service
// over the batch stream, as the content platform would: several streams at
// once, each writing its batches while it reads the results of earlier
// ones (the service answers a batch only after it has committed).
#ifndef WP_TOOLS_BENCH_USAGE_SENDER_H_
#define WP_TOOLS_BENCH_USAGE_SENDER_H_

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "tools/bench/usage_workload.h"

namespace wp::bench {

struct SendResult {
  wp::westos::v1::IngestTotals totals;
  double seconds = 0;
};

// Batch i goes on stream i % streams. An error when any stream fails.
absl::StatusOr<SendResult> SendPass(const std::shared_ptr<grpc::Channel>& channel, const UsagePass& pass,
                                    int streams);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_USAGE_SENDER_H_
