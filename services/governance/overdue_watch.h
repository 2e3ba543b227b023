// Publishes wp.governance.action.overdue when open actions pass their due
// date: checks once at start and then every `period` (a minute by default),
// so an action is reported on the first check after midnight UTC of the day
// after its due date. Safe with several replicas: the "already published"
// mark is written in the same transaction as the event.
//
// Thread-safe; runs on its own thread between Start() and Stop().
#ifndef WP_SERVICES_GOVERNANCE_OVERDUE_WATCH_H_
#define WP_SERVICES_GOVERNANCE_OVERDUE_WATCH_H_

#include <memory>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/governance/meetings/actions.h"

namespace wp::governance {

class OverdueWatch {
 public:
  explicit OverdueWatch(Actions& actions, absl::Duration period = absl::Minutes(1))
      : actions_(actions), period_(period) {}
  ~OverdueWatch() { Stop(); }

  void Start();
  void Stop();

 private:
  void Run();

  Actions& actions_;
  const absl::Duration period_;
  std::unique_ptr<absl::Notification> stop_;
  std::thread thread_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_OVERDUE_WATCH_H_
