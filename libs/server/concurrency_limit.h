// A bound on how many calls of one kind run at once: a counting semaphore
// that never waits. A call takes a permit on entry and gives it back when the
// permit is destroyed; when none is free the call is refused at once with
// RESOURCE_EXHAUSTED, so a burst of heavy calls (imports) cannot take all of
// the process's memory, and the client can retry later.
//
// Thread-safe.
#ifndef WP_LIBS_SERVER_CONCURRENCY_LIMIT_H_
#define WP_LIBS_SERVER_CONCURRENCY_LIMIT_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace wp::server {

class ConcurrencyLimit {
 public:
  // Held while the call runs; frees its slot when destroyed. Movable only.
  class Permit {
   public:
    Permit(Permit&& other) noexcept : limit_(other.limit_) { other.limit_ = nullptr; }
    Permit& operator=(Permit&&) = delete;
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit() {
      if (limit_ != nullptr) limit_->Release();
    }

   private:
    friend class ConcurrencyLimit;
    explicit Permit(ConcurrencyLimit* limit) : limit_(limit) {}
    ConcurrencyLimit* limit_;
  };

  // `what` names the calls in the refusal ("tracker imports"); `max` >= 1.
  ConcurrencyLimit(std::string what, int max);

  // A permit, or RESOURCE_EXHAUSTED "N <what> are already running (the most
  // this server runs at once); retry later" when all are taken.
  absl::StatusOr<Permit> TryAcquire();

  int max() const { return max_; }
  int in_use() const;

 private:
  void Release();

  const std::string what_;
  const int max_;
  mutable absl::Mutex mu_;
  int in_use_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_CONCURRENCY_LIMIT_H_
