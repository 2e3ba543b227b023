// Whether the current call answered a retry, so the gRPC layer can tell the
// client without each method's response having room to say so.
//
// store::CreateOnce notes every replay (a request id already recorded) on
// the thread's current watch; authz::Serve keeps a watch over each unary
// handler and answers a replay with the response metadata
//   wp-replay-of: <the resource the first call recorded>
// e.g. plans/2026-27/budgetLines/coaching/movements/4 for a retried spend.
// The header is the contract (docs/api.md, "Retries and request ids"); a
// client that ignores it still gets the same answer as the first call.
//
// Thread-safety: a watch belongs to the thread that made it; NoteReplay
// writes only that thread's current watch.
#ifndef WP_LIBS_STORE_REPLAY_WATCH_H_
#define WP_LIBS_STORE_REPLAY_WATCH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace wp::store {

// The response metadata key (lower case, as gRPC requires).
inline constexpr char kReplayOfMetadataKey[] = "wp-replay-of";

class ReplayWatch {
 public:
  // Becomes this thread's current watch until destroyed (restoring the one
  // before: watches nest).
  ReplayWatch();
  ~ReplayWatch();
  ReplayWatch(const ReplayWatch&) = delete;
  ReplayWatch& operator=(const ReplayWatch&) = delete;

  bool replayed() const { return !replay_of_.empty(); }
  // The resource the replayed request recorded (the first, when several).
  const std::string& replay_of() const { return replay_of_; }

 private:
  friend void NoteReplay(absl::string_view recorded);
  std::string replay_of_;
  ReplayWatch* previous_;
};

// Tells the current watch, if any, that a request was answered from its
// record `recorded`; does nothing outside a watch (event consumers, tools).
void NoteReplay(absl::string_view recorded);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_REPLAY_WATCH_H_
