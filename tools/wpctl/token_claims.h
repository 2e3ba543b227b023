// What a bearer token says about its holder, read without checking its
// signature: `wpctl whoami` only shows it (the services verify every call;
// wpctl holds no key). Thread-safe: pure functions and a value type.
#ifndef WP_TOOLS_WPCTL_TOKEN_CLAIMS_H_
#define WP_TOOLS_WPCTL_TOKEN_CLAIMS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace wp::wpctl {

struct TokenClaims {
  std::string subject;                   // sub
  std::string role;                      // role
  std::vector<std::string> authorities;  // authorities (a string or an array)
  std::string issuer;                    // iss
  std::string audience;                  // aud (a string or the first of an array)
  absl::Time expires = absl::InfinitePast();  // exp; InfinitePast when absent
};

// The claims of a compact JWT (header.payload.signature), signature NOT
// checked. A usage error for text that is not a JWT or whose payload is not a
// JSON object.
absl::StatusOr<TokenClaims> DecodeTokenClaims(absl::string_view token);

// "subject:  ...", "role:  ...", "authorities:  GCC, EDC" ("-" for none
// listed), "issuer:", "expires:  2026-12-03 18:00:00 UTC (in 3h20m)" or
// "... (expired 2h ago)", and where the token came from, with a line saying
// the signature was not checked here.
std::string WhoamiText(const TokenClaims& claims, absl::Time now, absl::string_view source);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TOKEN_CLAIMS_H_
