// Publishes wp.westos.usage.window_closed for the evaluation service: once
// an ISO week (Monday to Sunday, UTC) is over and `grace_days` more have
// passed, its rollup per authority and for the region (views, plays,
// completions, minutes, exact distinct users; the region suppressed below
// 5 users), and afterwards a correction whenever late or retracted usage
// changes it. Never raw events or user ids.
//
// A week is looked at again only when its days' versions (usage_days, moved
// by every change to a day's events) add up differently from when it was
// last published; the published figures and that sum are stored with the
// event, in one transaction guarded by the revision it read, so several
// replicas publish each revision once.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_WINDOWS_WINDOW_PUBLISHER_H_
#define WP_SERVICES_WESTOS_WINDOWS_WINDOW_PUBLISHER_H_

#include <cstdint>
#include <map>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "libs/store/database.h"
#include "services/westos/rollups/usage_query.h"

namespace wp::westos {

inline constexpr int kDefaultWindowGraceDays = 2;

class WindowPublisher {
 public:
  WindowPublisher(store::Database& db, UsageQueries& queries, int grace_days = kDefaultWindowGraceDays)
      : db_(db), queries_(queries), grace_days_(grace_days) {}

  // Publishes every closed week not yet published or changed since; returns
  // how many events it wrote. With `wait_for_quiet` (the watch), a week whose
  // days changed since the previous call is left for a later call: while
  // a backfill is still writing a week, recounting it after every change
  // would rebuild its day indexes over and over for corrections that are at
  // once out of date.
  absl::StatusOr<int> PublishClosed(absl::CivilDay today, bool wait_for_quiet = false);

 private:
  store::Database& db_;
  UsageQueries& queries_;
  const int grace_days_;
  absl::Mutex mu_;
  // Each week's fingerprint at the previous call.
  std::map<int32_t, int64_t> seen_ ABSL_GUARDED_BY(mu_);
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_WINDOWS_WINDOW_PUBLISHER_H_
