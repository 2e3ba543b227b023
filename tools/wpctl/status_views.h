// `wpctl status` as text: one line per service (health, address, build,
// start time and uptime, outbox backlog and lag, dead letters, consumer lag,
// cache hit ratio), then a line for each service that could not say more.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_STATUS_VIEWS_H_
#define WP_TOOLS_WPCTL_STATUS_VIEWS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "wp/common/v1/status.pb.h"

namespace wp::wpctl {

// What wpctl learned about one service.
struct ServiceCheck {
  std::string name;     // "governance"
  std::string address;  // host:port it was asked at
  // The gRPC health check's answer: "SERVING", "NOT_SERVING", or "DOWN" when
  // the service did not answer at all.
  std::string health;
  // The service's own account (StatusService), when it gave one.
  std::optional<wp::common::v1::GetStatusResponse> status;
  // Why there is no status (e.g. "PERMISSION_DENIED: ..."); empty otherwise.
  std::string error;
};

// "3d 4h", "2h 5m", "5m 3s", "12s"; "-" for a negative duration.
std::string UptimeText(absl::Duration d);

std::string StatusText(const std::vector<ServiceCheck>& checks, absl::Time now);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_STATUS_VIEWS_H_
