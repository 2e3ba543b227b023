#include "libs/metrics/store_metrics.h"

#include "libs/metrics/latency_buckets.h"

namespace wp::metrics {
namespace {

prometheus::Family<prometheus::Histogram>& TransactionFamily(prometheus::Registry& registry,
                                                            const std::string& service) {
  return prometheus::BuildHistogram()
      .Name("wp_store_transaction_duration_seconds")
      .Help("Time of one store transaction (a write includes waiting for the writer)")
      .Labels({{"service", service}})
      .Register(registry);
}

}  // namespace

StoreMetrics::StoreMetrics(prometheus::Registry& registry, const std::string& service)
    : StoreMetrics(TransactionFamily(registry, service)) {}

StoreMetrics::StoreMetrics(prometheus::Family<prometheus::Histogram>& family)
    : reads_(family.Add({{"kind", "read"}}, LatencyBuckets())),
      writes_(family.Add({{"kind", "write"}}, LatencyBuckets())) {}

void StoreMetrics::OnTransaction(bool write, absl::Duration elapsed) {
  (write ? writes_ : reads_).Observe(absl::ToDoubleSeconds(elapsed));
}

}  // namespace wp::metrics
