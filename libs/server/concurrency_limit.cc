#include "libs/server/concurrency_limit.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace wp::server {

ConcurrencyLimit::ConcurrencyLimit(std::string what, int max)
    : what_(std::move(what)), max_(std::max(1, max)) {}

absl::StatusOr<ConcurrencyLimit::Permit> ConcurrencyLimit::TryAcquire() {
  absl::MutexLock lock(&mu_);
  if (in_use_ >= max_) {
    return absl::ResourceExhaustedError(absl::StrCat(
        in_use_, " ", what_, " are already running (the most this server runs at once); retry later"));
  }
  ++in_use_;
  return Permit(this);
}

int ConcurrencyLimit::in_use() const {
  absl::MutexLock lock(&mu_);
  return in_use_;
}

void ConcurrencyLimit::Release() {
  absl::MutexLock lock(&mu_);
  --in_use_;
}

}  // namespace wp::server
