// Cache keys that carry a data generation: "wp:<ns>:<query>:g<generation>".
// Bumping the generation (after a write event, or after a Redis outage during
// which invalidations may have been missed) makes every older entry
// unreachable, so stale values are never read; they simply expire by TTL.
//
// Thread-safety: pure function.
#ifndef WP_LIBS_CACHE_CACHE_KEY_H_
#define WP_LIBS_CACHE_CACHE_KEY_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::cache {

// `ns` names the kind of aggregate (e.g. "workstreams.tracker_summary");
// `query` identifies the request in a canonical form (same request, same
// string), e.g. the serialized filter.
std::string CacheKey(absl::string_view ns, absl::string_view query, int64_t generation);

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_CACHE_KEY_H_
