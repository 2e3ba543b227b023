// Turns a service snapshot (service_snapshot.h) into Prometheus series at
// each scrape, so the gauges cost nothing between scrapes, and adds the
// build and start-time series:
//
//   wp_outbox_unsent{service}                        gauge   events not yet published
//   wp_outbox_lag_seconds{service}                   gauge   age of the oldest unsent event
//   wp_outbox_dead_letters{service}                  gauge   events moved aside
//   wp_outbox_published_total{service}               counter publishes acknowledged
//   wp_outbox_publish_failures_total{service}        counter failed attempts
//   wp_consumer_pending{service,consumer}            gauge   messages not yet delivered
//   wp_consumer_redeliveries_total{service,consumer} counter
//   wp_consumer_handled_total{service,consumer}      counter
//   wp_consumer_failures_total{service,consumer}     counter
//   wp_cache_hits_total{service,tier="near"|"redis"} counter
//   wp_cache_misses_total{service}                   counter
//   wp_cache_store_fallbacks_total{service}          counter values computed from the store
//   wp_cache_redis_errors_total{service}             counter
//   wp_build_info{service,version,git_commit}        gauge   always 1
//   wp_process_start_time_seconds{service}           gauge   Unix time
//
// Thread-safe: Collect() may run on the exposer's threads at any time; the
// snapshot function must be thread-safe.
#ifndef WP_LIBS_METRICS_SNAPSHOT_COLLECTOR_H_
#define WP_LIBS_METRICS_SNAPSHOT_COLLECTOR_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "libs/metrics/service_snapshot.h"
#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"

namespace wp::metrics {

class SnapshotCollector : public prometheus::Collectable {
 public:
  SnapshotCollector(std::string service, absl::Time start_time,
                    std::function<ServiceSnapshot()> snapshot);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const std::string service_;
  const absl::Time start_time_;
  const std::function<ServiceSnapshot()> snapshot_;
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_SNAPSHOT_COLLECTOR_H_
