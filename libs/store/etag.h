// Optimistic concurrency: every stored resource has a version that goes up by
// one on each change, and its etag is that version as text. A request that
// sends an etag back changes the resource only if nobody changed it since.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_STORE_ETAG_H_
#define WP_LIBS_STORE_ETAG_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"

namespace wp::store {

std::string EtagOf(int64_t version);
// The version an etag names; -1 for text that is not one.
int64_t VersionOf(const std::string& etag);
// OK when `etag` is empty or names `version`; ABORTED (naming `resource`)
// otherwise.
absl::Status CheckEtag(const std::string& etag, int64_t version, const std::string& resource);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_ETAG_H_
