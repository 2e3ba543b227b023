// Work a service does by itself every `period` (and once at start) on its
// own thread, e.g. applying a retention policy: Start() and Stop() are what
// ServiceRuntime::AddBackgroundTask takes. A failed run is logged with the
// task's name and tried again next period.
//
// Thread-safe; the work runs on the task's thread between Start() and Stop().
#ifndef WP_LIBS_RUNTIME_PERIODIC_TASK_H_
#define WP_LIBS_RUNTIME_PERIODIC_TASK_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace wp::runtime {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, absl::Duration period, std::function<absl::Status()> work)
      : name_(std::move(name)), period_(period), work_(std::move(work)) {}
  ~PeriodicTask() { Stop(); }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void Start();
  // Waits for a run in progress to end.
  void Stop();

 private:
  void Run();

  const std::string name_;
  const absl::Duration period_;
  const std::function<absl::Status()> work_;
  std::unique_ptr<absl::Notification> stop_;
  std::thread thread_;
};

}  // namespace wp::runtime

#endif  // WP_LIBS_RUNTIME_PERIODIC_TASK_H_
