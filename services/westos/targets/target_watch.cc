#include "services/westos/targets/target_watch.h"

#include "libs/log/log.h"
#include "services/westos/targets/usage_measures.h"

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
  const server::Caller service = ServiceCaller("TargetWatch");
  do {
    absl::StatusOr<v1::EvaluateTargetsResponse> done = evaluator_.EvaluateAll(service, {});
    if (!done.ok()) {
      log::Warn("target evaluation failed; will retry", {{"error", std::string(done.status().message())}});
    }
  } while (!stop_->WaitForNotificationWithTimeout(period_));
}

}  // namespace wp::westos
