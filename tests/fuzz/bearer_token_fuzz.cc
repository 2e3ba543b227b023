// Fuzzes bearer token verification (TokenVerifier::Verify), the first code
// to see a caller's Authorization header. Random text rarely gets past the
// signature, so when the first byte is odd the rest is "header JSON\npayload
// JSON", which this target signs with the verifier's HS256 secret: that way
// the claim checks and libjwt's own JSON reading are fuzzed too. Checks that
// an accepted token gives a principal the rest of the service can trust.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/auth/token_verifier.h"
#include "libs/region/authorities.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

constexpr char kSecret[] = "fuzz-secret-fuzz-secret-fuzz-secret-0123";
// Seed tokens expire at 2100-01-01; verifying at a fixed time keeps runs repeatable.
const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

const wp::auth::TokenVerifier& Verifier() {
  static const wp::auth::TokenVerifier* verifier = [] {
    wp::auth::VerifierOptions options;
    options.issuer = "wp-fuzz";
    options.audience = "wp";
    options.hs256_secret = kSecret;
    auto created = wp::auth::TokenVerifier::Create(options);
    FUZZ_CHECK(created.ok());
    return created->release();
  }();
  return *verifier;
}

std::string Base64Url(absl::string_view bytes) { return absl::WebSafeBase64Escape(bytes); }

// header.payload.signature for the two JSON texts, HS256 with kSecret.
std::string SignedToken(absl::string_view header_json, absl::string_view payload_json) {
  const std::string signing_input =
      absl::StrCat(Base64Url(header_json), ".", Base64Url(payload_json));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha256(), kSecret, sizeof(kSecret) - 1,
       reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), mac,
       &mac_size);
  return absl::StrCat(signing_input, ".",
                      Base64Url(absl::string_view(reinterpret_cast<char*>(mac), mac_size)));
}

void CheckPrincipal(const wp::auth::Principal& p) {
  FUZZ_CHECK(!p.subject.empty());
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(p.subject));
  FUZZ_CHECK(p.expires_at + absl::Seconds(60) > kNow);
  for (const std::string& code : p.authorities) {
    FUZZ_CHECK(wp::region::IsAuthorityCode(code));
    FUZZ_CHECK(std::count(p.authorities.begin(), p.authorities.end(), code) == 1);
  }
  if (p.role == wp::auth::Role::kAuthorityOfficer) FUZZ_CHECK(!p.authorities.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string token(rest);
  if ((data[0] & 1) != 0) {
    const size_t split = rest.find('\n');
    if (split == absl::string_view::npos) return 0;
    token = SignedToken(rest.substr(0, split), rest.substr(split + 1));
  }
  absl::StatusOr<wp::auth::Principal> principal = Verifier().Verify(token, kNow);
  if (principal.ok()) CheckPrincipal(*principal);
  return 0;
}
