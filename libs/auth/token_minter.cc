#include "libs/auth/token_minter.h"

#include <jwt.h>

#include "absl/strings/str_cat.h"
#include "libs/auth/claims_json.h"
#include "libs/auth/key_checks.h"
#include "libs/auth/libjwt_handles.h"
#include "libs/auth/untrusted_text.h"
#include "libs/region/authorities.h"

namespace wp::auth {
namespace {

absl::Status CheckClaims(const MintOptions& options, absl::Time now) {
  if (options.issuer.empty()) return absl::InvalidArgumentError("issuer is required");
  if (options.audience.empty()) return absl::InvalidArgumentError("audience is required");
  if (options.subject.empty()) return absl::InvalidArgumentError("subject is required");
  if (options.ttl <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("ttl must be positive");
  }
  if (now == absl::InfiniteFuture() || now == absl::InfinitePast()) {
    return absl::InvalidArgumentError("now must be a finite time");
  }
  if (options.role == Role::kAuthorityOfficer && options.authorities.empty()) {
    return absl::InvalidArgumentError("role authority_officer needs at least one authority");
  }
  for (const std::string& code : options.authorities) {
    if (!region::IsAuthorityCode(code)) {
      return absl::InvalidArgumentError(
          absl::StrCat("authority ", QuoteUntrusted(code), " is not a region authority code"));
    }
  }
  return absl::OkStatus();
}

absl::Status Internal(absl::string_view what) {
  return absl::InternalError(absl::StrCat("libjwt could not ", what));
}

}  // namespace

absl::StatusOr<std::string> MintToken(const MintOptions& options, absl::Time now) {
  OpenSslErrorScope clear_errors;
  if (absl::Status s = CheckClaims(options, now); !s.ok()) return s;

  const bool hs256 = !options.hs256_secret.empty();
  const bool rs256 = !options.rs256_private_key_pem.empty();
  if (hs256 == rs256) {
    return absl::InvalidArgumentError(
        "set exactly one key: hs256_secret (HS256) or rs256_private_key_pem (RS256)");
  }
  // Checked here so a bad key gets a clear message rather than libjwt's errno.
  absl::Status key_ok =
      hs256 ? CheckHs256Secret(options.hs256_secret, "hs256_secret")
            : CheckRsaPrivateKeyPem(options.rs256_private_key_pem, "rs256_private_key_pem");
  if (!key_ok.ok()) return key_ok;

  jwt_t* created = nullptr;
  if (jwt_new(&created) != 0) return Internal("allocate a token");
  JwtPtr jwt(created);

  if (jwt_add_grant(jwt.get(), "iss", options.issuer.c_str()) != 0 ||
      jwt_add_grant(jwt.get(), "aud", options.audience.c_str()) != 0 ||
      jwt_add_grant(jwt.get(), "sub", options.subject.c_str()) != 0 ||
      jwt_add_grant(jwt.get(), "role", std::string(RoleName(options.role)).c_str()) != 0 ||
      jwt_add_grant_int(jwt.get(), "iat", absl::ToUnixSeconds(now)) != 0 ||
      jwt_add_grant_int(jwt.get(), "nbf", absl::ToUnixSeconds(now + options.not_before_offset)) !=
          0 ||
      jwt_add_grant_int(jwt.get(), "exp", absl::ToUnixSeconds(now + options.ttl)) != 0) {
    return Internal("add the claims");
  }
  if (!options.authorities.empty() &&
      jwt_add_grants_json(jwt.get(),
                          StringArrayObjectJson("authorities", options.authorities).c_str()) != 0) {
    return Internal("add the authorities claim");
  }

  const std::string& key = hs256 ? options.hs256_secret : options.rs256_private_key_pem;
  if (jwt_set_alg(jwt.get(), hs256 ? JWT_ALG_HS256 : JWT_ALG_RS256,
                  reinterpret_cast<const unsigned char*>(key.data()),
                  static_cast<int>(key.size())) != 0) {
    return Internal("set the signing key");
  }
  JwtString encoded(jwt_encode_str(jwt.get()));
  if (encoded == nullptr) {
    // The key parsed above, so this is libjwt or OpenSSL refusing it.
    return absl::InvalidArgumentError(
        absl::StrCat(hs256 ? "hs256_secret" : "rs256_private_key_pem", " could not sign a token"));
  }
  return std::string(encoded.get());
}

}  // namespace wp::auth
