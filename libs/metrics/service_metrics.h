// Everything a service exposes to Prometheus, owned by its service runtime:
// one registry (nothing global, so two runtimes in one test process stay
// apart), the RPC interceptor's series (rpc_metrics.h), the store's
// transaction histograms (store_metrics.h), the series read from a snapshot
// at each scrape (snapshot_collector.h) and the HTTP endpoint
// (metrics_endpoint.h). Every series carries the label service="<name>".
//
// Why libs/store, libs/cache and libs/bus know nothing of Prometheus: the
// store reports transaction times through a small observer interface, the
// cache, relay and consumers keep plain atomic counters they already had
// (stats()), and this library adapts both. The counters are read only when
// scraped, so the hot paths pay one relaxed atomic add.
//
// Thread-safety: construct, Serve and StopServing from the owner's thread;
// rpc() and store() are used from any thread.
#ifndef WP_LIBS_METRICS_SERVICE_METRICS_H_
#define WP_LIBS_METRICS_SERVICE_METRICS_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/metrics/metrics_endpoint.h"
#include "libs/metrics/rpc_metrics.h"
#include "libs/metrics/service_snapshot.h"
#include "libs/metrics/snapshot_collector.h"
#include "libs/metrics/store_metrics.h"
#include "prometheus/registry.h"

namespace wp::metrics {

class ServiceMetrics {
 public:
  explicit ServiceMetrics(const std::string& service);
  ~ServiceMetrics();  // StopServing()
  ServiceMetrics(const ServiceMetrics&) = delete;
  ServiceMetrics& operator=(const ServiceMetrics&) = delete;

  RpcMetrics& rpc() { return rpc_; }
  StoreMetrics& store() { return store_; }
  prometheus::Registry& registry() { return *registry_; }

  // Serves the series on http://`address`/metrics (port 0: any free port).
  // `snapshot` is called at each scrape until StopServing(). UNAVAILABLE
  // when the address cannot be bound.
  absl::Status Serve(const std::string& address, absl::Time start_time,
                     std::function<ServiceSnapshot()> snapshot);
  // The bound port; -1 when not serving.
  int port() const { return endpoint_ ? endpoint_->port() : -1; }
  // Stops the endpoint (a scrape in flight finishes first). Call before the
  // snapshot's sources go away.
  void StopServing();

 private:
  const std::string service_;
  std::shared_ptr<prometheus::Registry> registry_;
  RpcMetrics rpc_;
  StoreMetrics store_;
  std::shared_ptr<SnapshotCollector> collector_;
  std::unique_ptr<MetricsEndpoint> endpoint_;
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_SERVICE_METRICS_H_
