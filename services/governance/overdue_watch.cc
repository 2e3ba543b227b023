#include "services/governance/overdue_watch.h"

#include "libs/log/log.h"
#include "libs/server/request_context.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"

namespace wp::governance {

void OverdueWatch::Start() {
  if (thread_.joinable()) return;
  stop_ = std::make_unique<absl::Notification>();
  thread_ = std::thread([this] { Run(); });
}

void OverdueWatch::Stop() {
  if (!thread_.joinable()) return;
  stop_->Notify();
  thread_.join();
}

void OverdueWatch::Run() {
  // The service itself is the actor of these events and their audit records.
  server::Caller system;
  system.actor = kServiceName;
  system.role = "system";
  system.method = "OverdueWatch";
  do {
    absl::StatusOr<int> published = actions_.PublishOverdue(system, TodayText());
    if (!published.ok()) {
      log::Warn("overdue check failed; will retry", {{"error", std::string(published.status().message())}});
    } else if (*published > 0) {
      log::Info("actions overdue published", {{"count", std::to_string(*published)}});
    }
  } while (!stop_->WaitForNotificationWithTimeout(period_));
}

}  // namespace wp::governance
