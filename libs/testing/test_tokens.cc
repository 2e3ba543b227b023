#include "libs/testing/test_tokens.h"

#include "absl/time/clock.h"
#include "libs/auth/token_minter.h"

namespace wp::testing {

std::string TestToken(auth::Role role, const std::string& subject,
                      const std::vector<std::string>& authorities) {
  auth::MintOptions options;
  options.issuer = kTestIssuer;
  options.audience = kTestAudience;
  options.subject = subject;
  options.role = role;
  options.authorities = authorities;
  options.ttl = absl::Hours(1);
  options.hs256_secret = kTestJwtSecret;
  absl::StatusOr<std::string> token = auth::MintToken(options, absl::Now());
  return token.ok() ? *token : std::string("mint-failed");
}

std::string TestBearer(auth::Role role, const std::string& subject,
                       const std::vector<std::string>& authorities) {
  return "Bearer " + TestToken(role, subject, authorities);
}

}  // namespace wp::testing
