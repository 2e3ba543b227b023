// The numbers of a running service that are read when asked for rather than
// counted on the way: outbox backlog and publish lag, dead letters, each
// consumer's lag and redeliveries, and the cache's hits and misses. One
// snapshot feeds both the Prometheus scrape (snapshot_collector.h) and
// wp.common.v1.StatusService (status_service.h), so the two always agree.
//
// Cheap: two indexed queries (outbox backlog, dead letters) and atomic loads.
// Thread-safe: the sources are; they must outlive every TakeSnapshot call.
#ifndef WP_LIBS_METRICS_SERVICE_SNAPSHOT_H_
#define WP_LIBS_METRICS_SERVICE_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/outbox_relay.h"
#include "libs/cache/cache_aside.h"
#include "libs/store/database.h"

namespace wp::metrics {

struct ConsumerSnapshot {
  std::string name;  // the durable consumer's name
  bus::DurableConsumerStats stats;
};

struct ServiceSnapshot {
  // -1 when the store could not be read (the error is logged).
  int64_t outbox_unsent = -1;
  // Age of the oldest unsent event: how far publishing is behind (0 when
  // nothing waits, -1 unknown).
  double outbox_lag_seconds = -1;
  int64_t dead_letters = -1;
  bus::OutboxRelayStats relay;
  std::vector<ConsumerSnapshot> consumers;
  cache::CacheStats cache;
  bool has_cache = false;
};

// What a snapshot reads; null pointers are left out.
struct SnapshotSources {
  store::Database* db = nullptr;
  const bus::OutboxRelay* relay = nullptr;
  std::vector<const bus::DurableConsumer*> consumers;
  const cache::CacheAside* cache = nullptr;
};

ServiceSnapshot TakeSnapshot(const SnapshotSources& sources, absl::Time now);

// Cache answers (in process or Redis) over lookups that reached a verdict
// (answers, misses, Redis errors); -1 before the first lookup.
double CacheHitRatio(const cache::CacheStats& stats);

// The sum of the consumers' known lags (0 when there are none).
int64_t TotalConsumerLag(const ServiceSnapshot& snapshot);

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_SERVICE_SNAPSHOT_H_
