#include "libs/runtime/periodic_task.h"

#include "libs/log/log.h"

namespace wp::runtime {

void PeriodicTask::Start() {
  if (thread_.joinable()) return;
  stop_ = std::make_unique<absl::Notification>();
  thread_ = std::thread([this] { Run(); });
}

void PeriodicTask::Stop() {
  if (!thread_.joinable()) return;
  stop_->Notify();
  thread_.join();
}

void PeriodicTask::Run() {
  do {
    if (absl::Status s = work_(); !s.ok()) {
      log::Warn("periodic task failed; will retry", {{"task", name_}, {"error", std::string(s.message())}});
    }
  } while (!stop_->WaitForNotificationWithTimeout(period_));
}

}  // namespace wp::runtime
