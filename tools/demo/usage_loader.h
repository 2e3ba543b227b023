// Sends generated usage (usage_generator.h) to a running westos service
// over the batch stream, as the content platform would.
#ifndef WP_TOOLS_DEMO_USAGE_LOADER_H_
#define WP_TOOLS_DEMO_USAGE_LOADER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "tools/demo/usage_generator.h"

namespace wp::demo {

struct UsageLoadCounts {
  int64_t sent = 0;
  int64_t accepted = 0;
  int64_t duplicates = 0;
};

// Streams the events in batches of `batch_size`; an error when the stream
// fails or any event is rejected or in conflict.
absl::StatusOr<UsageLoadCounts> LoadUsage(const UsageSettings& settings, const std::shared_ptr<grpc::Channel>& channel,
                                          const std::string& token, int batch_size = 2000);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_USAGE_LOADER_H_
