// The part of a cache key that names a request: the hex SHA-256 of the
// request's deterministic encoding, so the same request always gives the
// same key (map fields in a fixed order) and keys stay short.
//
// Thread-safe: pure function.
#ifndef WP_LIBS_CACHE_REQUEST_DIGEST_H_
#define WP_LIBS_CACHE_REQUEST_DIGEST_H_

#include <string>

#include "google/protobuf/message.h"

namespace wp::cache {

std::string RequestDigest(const google::protobuf::Message& request);

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_REQUEST_DIGEST_H_
