// The HTTP endpoint Prometheus scrapes: GET http://host:port/metrics serves
// the registry (and any other collectable) in the text exposition format,
// from its own thread (prometheus-cpp's Exposer over civetweb).
//
// Thread-safe once started; destroying it stops serving (scrapes in flight
// finish first), so destroy it before whatever its collectables read.
#ifndef WP_LIBS_METRICS_METRICS_ENDPOINT_H_
#define WP_LIBS_METRICS_METRICS_ENDPOINT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "prometheus/collectable.h"
#include "prometheus/exposer.h"

namespace wp::metrics {

class MetricsEndpoint {
 public:
  // Binds `address` (host:port; port 0 picks a free one) and serves
  // `collectable`, which must stay alive while it is served.
  // UNAVAILABLE naming the address when it cannot be bound.
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(
      const std::string& address, std::weak_ptr<prometheus::Collectable> collectable);

  // Serves one more collectable too.
  void Add(std::weak_ptr<prometheus::Collectable> collectable);
  // The bound port.
  int port() const { return port_; }

 private:
  MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, int port)
      : exposer_(std::move(exposer)), port_(port) {}

  std::unique_ptr<prometheus::Exposer> exposer_;
  const int port_;
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_METRICS_ENDPOINT_H_
