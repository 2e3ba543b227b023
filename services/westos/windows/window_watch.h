// Runs WindowPublisher::PublishClosed once at start and then every
// `period` (a minute by default), so a week is published soon after its
// grace period ends and a correction soon after late usage changes it.
//
// Thread-safe; runs on its own thread between Start() and Stop().
#ifndef WP_SERVICES_WESTOS_WINDOWS_WINDOW_WATCH_H_
#define WP_SERVICES_WESTOS_WINDOWS_WINDOW_WATCH_H_

#include <memory>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/westos/windows/window_publisher.h"

namespace wp::westos {

class WindowWatch {
 public:
  explicit WindowWatch(WindowPublisher& publisher, absl::Duration period = absl::Minutes(1))
      : publisher_(publisher), period_(period) {}
  ~WindowWatch() { Stop(); }

  void Start();
  void Stop();

 private:
  void Run();

  WindowPublisher& publisher_;
  const absl::Duration period_;
  std::unique_ptr<absl::Notification> stop_;
  std::thread thread_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_WINDOWS_WINDOW_WATCH_H_
