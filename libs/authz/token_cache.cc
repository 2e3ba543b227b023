#include "libs/authz/token_cache.h"

namespace wp::authz {

absl::StatusOr<auth::Principal> TokenCache::Verify(absl::string_view token, absl::Time now) const {
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = verified_.find(token);
    // A cached token is only reused strictly before its expiry: past it, the
    // verifier decides again (and says why it is refused).
    if (it != verified_.end() && now < it->second.expires_at) return it->second;
  }
  absl::StatusOr<auth::Principal> principal = verifier_.Verify(token, now);
  if (principal.ok()) {
    absl::MutexLock lock(&mu_);
    if (verified_.size() >= capacity_) verified_.clear();
    verified_.insert_or_assign(std::string(token), *principal);
  }
  return principal;
}

}  // namespace wp::authz
