// Store transaction latency as Prometheus histograms: the runtime sets this
// as its database's TransactionObserver (libs/store/database.h), which keeps
// libs/store free of any metrics library.
//
//   wp_store_transaction_duration_seconds{service,kind="read"|"write"}  histogram
//
// A write's time includes waiting for the single writer.
// Thread-safe. The registry must outlive this object.
#ifndef WP_LIBS_METRICS_STORE_METRICS_H_
#define WP_LIBS_METRICS_STORE_METRICS_H_

#include <string>

#include "absl/time/time.h"
#include "libs/store/database.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace wp::metrics {

class StoreMetrics : public store::TransactionObserver {
 public:
  StoreMetrics(prometheus::Registry& registry, const std::string& service);

  void OnTransaction(bool write, absl::Duration elapsed) override;

 private:
  explicit StoreMetrics(prometheus::Family<prometheus::Histogram>& family);

  prometheus::Histogram& reads_;
  prometheus::Histogram& writes_;
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_STORE_METRICS_H_
