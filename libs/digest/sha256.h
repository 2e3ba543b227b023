// SHA-256 of short texts on a hot path.
//
// OpenSSL 3's one-shot SHA256() looks the algorithm up, under a lock, on
// every call; at millions of calls that lookup cost as much as the hashing.
// Here the algorithm is fetched once and each thread reuses one context.
//
// Thread-safety: thread-safe.
#ifndef WP_LIBS_DIGEST_SHA256_H_
#define WP_LIBS_DIGEST_SHA256_H_

#include <array>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace wp::digest {

using Sha256Hash = std::array<unsigned char, 32>;

Sha256Hash Sha256(absl::string_view bytes);

// The first 8 bytes of Sha256(bytes), big-endian: a stable 64-bit fingerprint.
uint64_t Sha256Prefix64(absl::string_view bytes);

}  // namespace wp::digest

#endif  // WP_LIBS_DIGEST_SHA256_H_
