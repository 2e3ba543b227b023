#include "libs/cache/near_cache.h"

namespace wp::cache {

std::optional<std::string> NearCache::Get(const std::string& key) const {
  std::shared_ptr<const std::string> value;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    value = it->second;
  }
  return *value;  // copied outside the lock
}

void NearCache::Put(const std::string& key, const std::string& value) {
  if (capacity_ == 0) return;
  auto copy = std::make_shared<const std::string>(value);
  absl::MutexLock lock(&mu_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
  entries_[key] = std::move(copy);
}

size_t NearCache::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return entries_.size();
}

}  // namespace wp::cache
