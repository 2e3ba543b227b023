#include "services/westos/targets/target_watch.h"

#include <string>

#include "absl/time/clock.h"
#include "libs/log/log.h"

namespace wp::westos {

void TargetWatch::Start() {
  if (thread_.joinable()) return;
  stop_ = std::make_unique<absl::Notification>();
  thread_ = std::thread([this] { Run(); });
}

void TargetWatch::Stop() {
  if (!thread_.joinable()) return;
  stop_->Notify();
  thread_.join();
}

void TargetWatch::Run() {
  do {
    absl::StatusOr<int> reached = evaluator_.CheckUnreached(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
    if (!reached.ok()) {
      log::Warn("target evaluation failed; will retry", {{"error", std::string(reached.status().message())}});
    } else if (*reached > 0) {
      log::Info("targets reached", {{"count", std::to_string(*reached)}});
    }
  } while (!stop_->WaitForNotificationWithTimeout(period_));
}

}  // namespace wp::westos
