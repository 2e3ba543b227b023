// wp.common.v1.StatusService: a service's build, start time, outbox, consumers
// and cache, from the same snapshot as its metrics (service_snapshot.h). The
// service runtime registers it; readers may call it (each service's policy).
//
// Thread-safe: the hooks must be too.
#ifndef WP_LIBS_METRICS_STATUS_SERVICE_H_
#define WP_LIBS_METRICS_STATUS_SERVICE_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "libs/metrics/service_snapshot.h"
#include "wp/common/v1/status.grpc.pb.h"

namespace wp::metrics {

// What a process knows about itself that no snapshot holds.
struct ProcessInfo {
  std::string service;
  std::string instance;
  absl::Time start_time;
  int metrics_port = 0;  // 0: none
};

// The answer for `info` and `snapshot` (pure; tested without a server).
wp::common::v1::GetStatusResponse StatusResponse(const ProcessInfo& info,
                                                 const ServiceSnapshot& snapshot);

class StatusGrpc final : public wp::common::v1::StatusService::Service {
 public:
  // `authorize` runs first on every call (OK or the status the call fails
  // with); `info` and `snapshot` are read on each call.
  StatusGrpc(std::function<absl::Status(grpc::ServerContext&)> authorize,
             std::function<ProcessInfo()> info, std::function<ServiceSnapshot()> snapshot);

  grpc::Status GetStatus(grpc::ServerContext* context,
                         const wp::common::v1::GetStatusRequest* request,
                         wp::common::v1::GetStatusResponse* response) override;

 private:
  std::function<absl::Status(grpc::ServerContext&)> authorize_;
  std::function<ProcessInfo()> info_;
  std::function<ServiceSnapshot()> snapshot_;
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_STATUS_SERVICE_H_
