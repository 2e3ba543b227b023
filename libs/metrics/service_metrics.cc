#include "libs/metrics/service_metrics.h"

#include <utility>

#include "libs/log/log.h"

namespace wp::metrics {

ServiceMetrics::ServiceMetrics(const std::string& service)
    : service_(service),
      registry_(std::make_shared<prometheus::Registry>()),
      rpc_(*registry_, service),
      store_(*registry_, service) {}

ServiceMetrics::~ServiceMetrics() { StopServing(); }

absl::Status ServiceMetrics::Serve(const std::string& address, absl::Time start_time,
                                   std::function<ServiceSnapshot()> snapshot) {
  collector_ = std::make_shared<SnapshotCollector>(service_, start_time, std::move(snapshot));
  absl::StatusOr<std::unique_ptr<MetricsEndpoint>> endpoint = MetricsEndpoint::Start(address, registry_);
  if (!endpoint.ok()) return endpoint.status();
  endpoint_ = std::move(*endpoint);
  endpoint_->Add(collector_);
  log::Info("serving metrics", {{"address", address}, {"port", std::to_string(endpoint_->port())}});
  return absl::OkStatus();
}

void ServiceMetrics::StopServing() {
  endpoint_.reset();
  collector_.reset();
}

}  // namespace wp::metrics
