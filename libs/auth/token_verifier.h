// Verifies signed bearer tokens (JWT, HS256 or RS256, through libjwt) and
// turns them into a Principal: signature, issuer, audience, expiry, not-before,
// subject, role and authority scope.
//
// Every failure is UNAUTHENTICATED with a reason meant for whoever integrates
// a client ("token expired at ...", "token issuer \"x\" is not accepted");
// no message ever contains the token or any key.
//
// Thread-safe: immutable after Create; Verify may be called concurrently
// (each call owns its libjwt objects).
#ifndef WP_LIBS_AUTH_TOKEN_VERIFIER_H_
#define WP_LIBS_AUTH_TOKEN_VERIFIER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/auth/principal.h"

namespace wp::auth {

struct VerifierOptions {
  std::string issuer;    // required: the only accepted `iss`
  std::string audience;  // required: `aud` must be it or an array holding it
  // At least one key. A secret enables HS256 (at least 32 bytes); a PEM
  // "BEGIN PUBLIC KEY" RSA key (2048 bits or more) enables RS256. No other
  // algorithm is ever accepted, and each key is used only with its own one.
  std::string hs256_secret;
  std::string rs256_public_key_pem;
  // Tolerated disagreement between our clock and the issuer's, for exp and nbf.
  absl::Duration clock_skew = absl::Seconds(60);
};

class TokenVerifier {
 public:
  // Tokens longer than this are refused before any parsing.
  static constexpr size_t kMaxTokenBytes = 16 * 1024;

  // INVALID_ARGUMENT when issuer or audience is empty, no key is given, the
  // secret is too short, the PEM is not a usable RSA public key, or the skew
  // is negative.
  static absl::StatusOr<std::unique_ptr<TokenVerifier>> Create(VerifierOptions options);

  // The caller `bearer_token` proves, judged at `now`. Accepts the compact
  // JWT, with or without a leading "Bearer ". UNAUTHENTICATED on any failure.
  absl::StatusOr<Principal> Verify(absl::string_view bearer_token, absl::Time now) const;

 private:
  explicit TokenVerifier(VerifierOptions options) : options_(std::move(options)) {}

  const VerifierOptions options_;
};

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_TOKEN_VERIFIER_H_
