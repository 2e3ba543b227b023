// Mints signed bearer tokens (JWT, HS256 or RS256, through libjwt) that
// TokenVerifier accepts. Used by `wpctl token mint`, the local run command
// and tests; production tokens normally come from an identity provider.
//
// Thread-safe: a pure function; each call owns its libjwt objects.
#ifndef WP_LIBS_AUTH_TOKEN_MINTER_H_
#define WP_LIBS_AUTH_TOKEN_MINTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/auth/roles.h"

namespace wp::auth {

struct MintOptions {
  std::string issuer;    // iss, required
  std::string audience;  // aud, required
  std::string subject;   // sub, required
  Role role = Role::kAnalyst;
  // Region authority codes; required (non-empty) for kAuthorityOfficer.
  std::vector<std::string> authorities;
  absl::Duration ttl = absl::Hours(8);  // exp = now + ttl
  // nbf = now + offset; negative back-dates, positive post-dates.
  absl::Duration not_before_offset = absl::ZeroDuration();
  // Exactly one key. A secret (at least 32 bytes) signs HS256; an unencrypted
  // PEM RSA private key (2048 bits or more) signs RS256.
  std::string hs256_secret;
  std::string rs256_private_key_pem;
};

// The compact JWT with iss, aud, sub, role, authorities (when non-empty),
// iat, nbf and exp (whole seconds, rounded down). INVALID_ARGUMENT when the
// options would make a token the verifier rejects, or the key is unusable;
// messages never contain key text.
absl::StatusOr<std::string> MintToken(const MintOptions& options, absl::Time now);

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_TOKEN_MINTER_H_
