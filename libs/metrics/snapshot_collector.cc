#include "libs/metrics/snapshot_collector.h"

#include <utility>

#include "libs/metrics/build_info.h"

namespace wp::metrics {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

class Families {
 public:
  explicit Families(const std::string& service) : service_(service) {}

  // One series; `labels` come after the service label.
  void Add(const char* name, const char* help, MetricType type, double value,
           std::vector<ClientMetric::Label> labels = {}) {
    MetricFamily* family = nullptr;
    for (MetricFamily& f : families_) {
      if (f.name == name) family = &f;
    }
    if (family == nullptr) {
      families_.push_back(MetricFamily{name, help, type, {}});
      family = &families_.back();
    }
    ClientMetric metric;
    metric.label.push_back({"service", service_});
    for (ClientMetric::Label& l : labels) metric.label.push_back(std::move(l));
    if (type == MetricType::Counter) {
      metric.counter.value = value;
    } else {
      metric.gauge.value = value;
    }
    family->metric.push_back(std::move(metric));
  }

  std::vector<MetricFamily> Take() { return std::move(families_); }

 private:
  const std::string& service_;
  std::vector<MetricFamily> families_;
};

}  // namespace

SnapshotCollector::SnapshotCollector(std::string service, absl::Time start_time,
                                     std::function<ServiceSnapshot()> snapshot)
    : service_(std::move(service)), start_time_(start_time), snapshot_(std::move(snapshot)) {}

std::vector<MetricFamily> SnapshotCollector::Collect() const {
  const ServiceSnapshot s = snapshot_();
  Families out(service_);
  constexpr MetricType kGauge = MetricType::Gauge;
  constexpr MetricType kCounter = MetricType::Counter;
  out.Add("wp_build_info", "The build of this process (always 1)", kGauge, 1,
          {{"version", BuildVersion()}, {"git_commit", BuildGitCommit()}});
  out.Add("wp_process_start_time_seconds", "When this process started, Unix time", kGauge,
          absl::ToDoubleSeconds(start_time_ - absl::UnixEpoch()));

  if (s.outbox_unsent >= 0) {
    out.Add("wp_outbox_unsent", "Committed events the relay has not published yet", kGauge,
            static_cast<double>(s.outbox_unsent));
    out.Add("wp_outbox_lag_seconds",
            "Age of the oldest unpublished event (0 when none waits): the publish lag", kGauge,
            s.outbox_lag_seconds);
  }
  if (s.dead_letters >= 0) {
    out.Add("wp_outbox_dead_letters", "Events the bus refused for good, waiting for a re-drive",
            kGauge, static_cast<double>(s.dead_letters));
  }
  out.Add("wp_outbox_relay_leading",
          "1 when this replica's relay holds the outbox lease and publishes, else 0", kGauge,
          s.relay.leading ? 1 : 0);
  out.Add("wp_outbox_published_total", "Outbox events acknowledged by the broker", kCounter,
          static_cast<double>(s.relay.published));
  out.Add("wp_outbox_publish_failures_total", "Failed outbox publish attempts", kCounter,
          static_cast<double>(s.relay.failures));

  for (const ConsumerSnapshot& c : s.consumers) {
    if (c.stats.pending >= 0) {
      out.Add("wp_consumer_pending", "Messages of the stream not yet delivered to the consumer",
              kGauge, static_cast<double>(c.stats.pending), {{"consumer", c.name}});
    }
    out.Add("wp_consumer_redeliveries_total", "Messages delivered to the consumer more than once",
            kCounter, static_cast<double>(c.stats.redeliveries), {{"consumer", c.name}});
    out.Add("wp_consumer_handled_total", "Events the consumer applied", kCounter,
            static_cast<double>(c.stats.handled), {{"consumer", c.name}});
    out.Add("wp_consumer_failures_total", "Handler or store errors (each asks for a redelivery)",
            kCounter, static_cast<double>(c.stats.failures), {{"consumer", c.name}});
  }

  if (s.has_cache) {
    out.Add("wp_cache_hits_total", "Cached values found, in process (near) or in Redis", kCounter,
            static_cast<double>(s.cache.near_hits), {{"tier", "near"}});
    out.Add("wp_cache_hits_total", "Cached values found, in process (near) or in Redis", kCounter,
            static_cast<double>(s.cache.hits), {{"tier", "redis"}});
    out.Add("wp_cache_misses_total", "Keys Redis did not have", kCounter,
            static_cast<double>(s.cache.misses));
    out.Add("wp_cache_store_fallbacks_total",
            "Values computed from the store (after a miss or a Redis error)", kCounter,
            static_cast<double>(s.cache.computations));
    out.Add("wp_cache_redis_errors_total", "Failed Redis reads and writes", kCounter,
            static_cast<double>(s.cache.redis_errors));
  }
  return out.Take();
}

}  // namespace wp::metrics
