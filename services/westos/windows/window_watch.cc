#include "services/westos/windows/window_watch.h"

#include <string>

#include "absl/time/clock.h"
#include "libs/log/log.h"

namespace wp::westos {

void WindowWatch::Start() {
  if (thread_.joinable()) return;
  stop_ = std::make_unique<absl::Notification>();
  thread_ = std::thread([this] { Run(); });
}

void WindowWatch::Stop() {
  if (!thread_.joinable()) return;
  stop_->Notify();
  thread_.join();
}

void WindowWatch::Run() {
  do {
    absl::StatusOr<int> published = publisher_.PublishClosed(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()),
                                                                /*wait_for_quiet=*/true);
    if (!published.ok()) {
      log::Warn("usage window check failed; will retry", {{"error", std::string(published.status().message())}});
    } else if (*published > 0) {
      log::Info("usage windows published", {{"count", std::to_string(*published)}});
    }
  } while (!stop_->WaitForNotificationWithTimeout(period_));
}

}  // namespace wp::westos
