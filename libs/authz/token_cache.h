// Remembers tokens that verified, until they expire, so that a dashboard
// calling many times a second with the same token pays for the signature
// check once. Only successes are kept; expiry is checked on every hit.
//
// Bounded: emptied when full. Thread-safe.
#ifndef WP_LIBS_AUTHZ_TOKEN_CACHE_H_
#define WP_LIBS_AUTHZ_TOKEN_CACHE_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/auth/principal.h"
#include "libs/auth/token_verifier.h"

namespace wp::authz {

class TokenCache {
 public:
  explicit TokenCache(const auth::TokenVerifier& verifier, size_t capacity = 4096)
      : verifier_(verifier), capacity_(capacity) {}

  absl::StatusOr<auth::Principal> Verify(absl::string_view token, absl::Time now) const;

 private:
  const auth::TokenVerifier& verifier_;
  const size_t capacity_;
  mutable absl::Mutex mu_;
  mutable absl::flat_hash_map<std::string, auth::Principal> verified_ ABSL_GUARDED_BY(mu_);
};

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_TOKEN_CACHE_H_
