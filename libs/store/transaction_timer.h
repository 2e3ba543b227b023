// Times one transaction for a TransactionObserver (database.h), shared by
// the engines so that both report alike.
//
// Thread-compatible: lives on the transaction's thread.
#ifndef WP_LIBS_STORE_TRANSACTION_TIMER_H_
#define WP_LIBS_STORE_TRANSACTION_TIMER_H_

#include <chrono>

#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::store {

// Done() reports the time so far, once; a transaction that fails early
// reports from the destructor. Costs nothing without an observer.
class TransactionTimer {
 public:
  TransactionTimer(TransactionObserver* observer, bool write)
      : observer_(observer),
        write_(write),
        start_(observer != nullptr ? std::chrono::steady_clock::now()
                                   : std::chrono::steady_clock::time_point()) {}
  ~TransactionTimer() { Done(); }
  TransactionTimer(const TransactionTimer&) = delete;
  TransactionTimer& operator=(const TransactionTimer&) = delete;

  void Done() const {
    if (observer_ == nullptr || done_) return;
    done_ = true;
    observer_->OnTransaction(write_, absl::FromChrono(std::chrono::steady_clock::now() - start_));
  }

 private:
  TransactionObserver* const observer_;
  const bool write_;
  const std::chrono::steady_clock::time_point start_;
  mutable bool done_ = false;
};

}  // namespace wp::store

#endif  // WP_LIBS_STORE_TRANSACTION_TIMER_H_
