// A protobuf answer read through the cache: the one way services cache an
// aggregate (the serialized message under a key from CacheKey()).
//
// Thread-safety: as CacheAside.
#ifndef WP_LIBS_CACHE_CACHED_MESSAGE_H_
#define WP_LIBS_CACHE_CACHED_MESSAGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/cache/cache_aside.h"

namespace wp::cache {

// The cached `Message` under `key`, or `compute()`'s, stored for `ttl`.
// With no cache (nullptr) it computes. A damaged entry is answered from
// `compute()` rather than failing the call.
template <typename Message, typename Compute>
absl::StatusOr<Message> CachedMessage(CacheAside* cache, const std::string& key, absl::Duration ttl,
                                      Compute compute) {
  if (cache == nullptr) return compute();
  absl::StatusOr<std::string> bytes = cache->GetOrCompute(key, ttl, [&]() -> absl::StatusOr<std::string> {
    absl::StatusOr<Message> computed = compute();
    if (!computed.ok()) return computed.status();
    return computed->SerializeAsString();
  });
  if (!bytes.ok()) return bytes.status();
  Message message;
  if (!message.ParseFromString(*bytes)) return compute();
  return message;
}

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_CACHED_MESSAGE_H_
