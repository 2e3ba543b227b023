// RAII owners for what libjwt's C API hands back, and a guard that empties
// OpenSSL's per-thread error queue when a libjwt call is done: a failed
// verify leaves errors there, and a stale queue makes later TLS calls on the
// same thread (gRPC's) misreport their own results. Internal to libs/auth.
//
// Thread-safety: each object belongs to one call; nothing is shared.
#ifndef WP_LIBS_AUTH_LIBJWT_HANDLES_H_
#define WP_LIBS_AUTH_LIBJWT_HANDLES_H_

#include <jwt.h>
#include <openssl/err.h>

#include <cstdlib>
#include <memory>

namespace wp::auth {

struct JwtDeleter {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

// Strings from jwt_encode_str and jwt_get_grants_json are malloc'd (libjwt
// 1.10 has no allocator hooks).
struct MallocDeleter {
  void operator()(char* text) const { std::free(text); }
};
using JwtString = std::unique_ptr<char, MallocDeleter>;

class OpenSslErrorScope {
 public:
  OpenSslErrorScope() = default;
  OpenSslErrorScope(const OpenSslErrorScope&) = delete;
  OpenSslErrorScope& operator=(const OpenSslErrorScope&) = delete;
  ~OpenSslErrorScope() { ERR_clear_error(); }
};

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_LIBJWT_HANDLES_H_
