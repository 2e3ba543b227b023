// Evaluates every target not yet reached, as of today, once at start and then every `period`
// (a minute by default), so a target reached by usage that arrives late, in
// a batch or a CSV import, publishes wp.westos.target.reached within a
// period without anyone asking. Safe with several replicas: the reached
// mark is written in the same transaction as the event.
//
// Thread-safe; runs on its own thread between Start() and Stop().
#ifndef WP_SERVICES_WESTOS_TARGETS_TARGET_WATCH_H_
#define WP_SERVICES_WESTOS_TARGETS_TARGET_WATCH_H_

#include <memory>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/westos/targets/target_evaluator.h"

namespace wp::westos {

class TargetWatch {
 public:
  explicit TargetWatch(TargetEvaluator& evaluator, absl::Duration period = absl::Minutes(1))
      : evaluator_(evaluator), period_(period) {}
  ~TargetWatch() { Stop(); }

  void Start();
  void Stop();

 private:
  void Run();

  TargetEvaluator& evaluator_;
  const absl::Duration period_;
  std::unique_ptr<absl::Notification> stop_;
  std::thread thread_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_TARGET_WATCH_H_
