// A small in-process copy of values recently read from or written to Redis,
// consulted before Redis. Safe because every key carries its data generation
// (cache_key.h): a key's value never changes, a change of data makes a new
// key, so a local copy can never be staler than Redis. What it saves is the
// Redis round trip on the hottest dashboard queries.
//
// Bounded: when full it is emptied (old generations' keys are dead anyway).
// Thread-safe.
#ifndef WP_LIBS_CACHE_NEAR_CACHE_H_
#define WP_LIBS_CACHE_NEAR_CACHE_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace wp::cache {

class NearCache {
 public:
  explicit NearCache(size_t capacity) : capacity_(capacity) {}

  std::optional<std::string> Get(const std::string& key) const;
  void Put(const std::string& key, const std::string& value);
  size_t size() const;

 private:
  const size_t capacity_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<const std::string>> entries_ ABSL_GUARDED_BY(mu_);
};

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_NEAR_CACHE_H_
