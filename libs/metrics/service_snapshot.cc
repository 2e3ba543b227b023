#include "libs/metrics/service_snapshot.h"

#include <algorithm>

#include "libs/log/log.h"
#include "libs/store/dead_letters.h"
#include "libs/store/outbox.h"

namespace wp::metrics {

ServiceSnapshot TakeSnapshot(const SnapshotSources& sources, absl::Time now) {
  ServiceSnapshot snapshot;
  if (sources.db != nullptr) {
    absl::StatusOr<store::OutboxBacklog> backlog = store::ReadOutboxBacklog(*sources.db);
    if (backlog.ok()) {
      snapshot.outbox_unsent = backlog->unsent;
      snapshot.outbox_lag_seconds =
          backlog->unsent == 0
              ? 0
              : std::max(0.0, absl::ToDoubleSeconds(now - backlog->oldest_unsent));
    } else {
      log::Warn("metrics: cannot read the outbox backlog",
                {{"error", std::string(backlog.status().message())}});
    }
    absl::StatusOr<int64_t> dead = store::CountDeadLetters(*sources.db);
    if (dead.ok()) {
      snapshot.dead_letters = *dead;
    } else {
      log::Warn("metrics: cannot count dead letters", {{"error", std::string(dead.status().message())}});
    }
  }
  if (sources.relay != nullptr) snapshot.relay = sources.relay->stats();
  for (const bus::DurableConsumer* c : sources.consumers) {
    snapshot.consumers.push_back({c->options().durable_name, c->stats()});
  }
  if (sources.cache != nullptr) {
    snapshot.cache = sources.cache->stats();
    snapshot.has_cache = true;
  }
  return snapshot;
}

double CacheHitRatio(const cache::CacheStats& stats) {
  const int64_t answered = stats.near_hits + stats.hits;
  const int64_t lookups = answered + stats.misses + stats.redis_errors;
  if (lookups == 0) return -1;
  return static_cast<double>(answered) / static_cast<double>(lookups);
}

int64_t TotalConsumerLag(const ServiceSnapshot& snapshot) {
  int64_t total = 0;
  for (const ConsumerSnapshot& c : snapshot.consumers) total += std::max<int64_t>(0, c.stats.pending);
  return total;
}

}  // namespace wp::metrics
