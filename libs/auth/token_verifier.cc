#include "libs/auth/token_verifier.h"

#include <jwt.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "libs/auth/claims_json.h"
#include "libs/auth/key_checks.h"
#include "libs/auth/libjwt_handles.h"
#include "libs/auth/untrusted_text.h"
#include "libs/region/authorities.h"

namespace wp::auth {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

absl::Status Reject(absl::string_view reason) { return absl::UnauthenticatedError(reason); }

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

// The JSON value at `name`, or nullptr when the object has no such member.
const Value* Field(const Struct& object, const std::string& name) {
  auto it = object.fields().find(name);
  return it == object.fields().end() ? nullptr : &it->second;
}

bool IsBase64Url(absl::string_view part) {
  return std::all_of(part.begin(), part.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// An algorithm name is shown bare when it looks like one ("none", "ES256"),
// and escaped otherwise, since it is attacker-chosen text.
std::string ShowAlgorithm(absl::string_view alg) {
  const bool plain =
      !alg.empty() && alg.size() <= 16 && std::all_of(alg.begin(), alg.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c));
      });
  return plain ? std::string(alg) : QuoteUntrusted(alg);
}

// A NumericDate claim (RFC 7519 section 2) as a time; non-integral seconds
// are allowed, huge values saturate to the infinite future.
std::optional<absl::Time> NumericDate(const Value& value) {
  if (value.kind_case() != Value::kNumberValue) return std::nullopt;
  return absl::UnixEpoch() + absl::Seconds(value.number_value());
}

absl::StatusOr<std::vector<std::string>> Authorities(const Struct& claims) {
  std::vector<std::string> codes;
  const Value* value = Field(claims, "authorities");
  if (value == nullptr) return codes;
  if (value->kind_case() != Value::kListValue) {
    return Reject("token authorities claim is not an array of authority codes");
  }
  for (const Value& item : value->list_value().values()) {
    if (item.kind_case() != Value::kStringValue) {
      return Reject("token authorities claim is not an array of authority codes");
    }
    const std::string& code = item.string_value();
    if (!region::IsAuthorityCode(code)) {
      return Reject(absl::StrCat("token authority ", QuoteUntrusted(code),
                                 " is not a region authority code"));
    }
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TokenVerifier>> TokenVerifier::Create(VerifierOptions options) {
  if (options.issuer.empty()) return absl::InvalidArgumentError("issuer is required");
  if (options.audience.empty()) return absl::InvalidArgumentError("audience is required");
  if (options.hs256_secret.empty() && options.rs256_public_key_pem.empty()) {
    return absl::InvalidArgumentError(
        "no token key: set hs256_secret (HS256) or rs256_public_key_pem (RS256), or both");
  }
  if (!options.hs256_secret.empty()) {
    if (absl::Status s = CheckHs256Secret(options.hs256_secret, "hs256_secret"); !s.ok()) return s;
  }
  if (!options.rs256_public_key_pem.empty()) {
    if (absl::Status s = CheckRsaPublicKeyPem(options.rs256_public_key_pem, "rs256_public_key_pem");
        !s.ok()) {
      return s;
    }
  }
  if (options.clock_skew < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("clock_skew must not be negative");
  }
  return std::unique_ptr<TokenVerifier>(new TokenVerifier(std::move(options)));
}

absl::StatusOr<Principal> TokenVerifier::Verify(absl::string_view bearer_token,
                                                absl::Time now) const {
  OpenSslErrorScope clear_errors;

  absl::string_view token = absl::StripAsciiWhitespace(bearer_token);
  constexpr absl::string_view kScheme = "bearer";
  if (absl::StartsWithIgnoreCase(token, kScheme) &&
      (token.size() == kScheme.size() ||
       absl::ascii_isspace(static_cast<unsigned char>(token[kScheme.size()])))) {
    token = absl::StripLeadingAsciiWhitespace(token.substr(kScheme.size()));
  }
  if (token.empty()) return Reject("token is empty");
  if (token.size() > kMaxTokenBytes) {
    return Reject(absl::StrCat("token is longer than ", kMaxTokenBytes, " bytes"));
  }

  // Shape first, so garbage gets a clear answer and never reaches libjwt.
  constexpr absl::string_view kNotJwt =
      "token is not a JWT (expected header.payload.signature, base64url)";
  std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3 || parts[0].empty() || parts[1].empty() ||
      !std::all_of(parts.begin(), parts.end(), IsBase64Url)) {
    return Reject(kNotJwt);
  }
  std::string header_json;
  std::string payload_json;
  if (!absl::WebSafeBase64Unescape(parts[0], &header_json) ||
      !absl::WebSafeBase64Unescape(parts[1], &payload_json)) {
    return Reject(kNotJwt);
  }
  std::optional<Struct> header = ParseJsonObject(header_json);
  if (!header.has_value()) return Reject("token is not a JWT (header is not a JSON object)");
  if (!ParseJsonObject(payload_json).has_value()) {
    return Reject("token is not a JWT (payload is not a JSON object)");
  }

  // The key is chosen by the algorithm we accept, never by the token alone:
  // libjwt would otherwise HMAC-verify an "HS256" token with the RSA public
  // key as the secret (algorithm confusion), or skip checks for "none".
  const Value* alg_value = Field(*header, "alg");
  if (alg_value == nullptr || alg_value->kind_case() != Value::kStringValue) {
    return Reject("token header has no alg");
  }
  const std::string& alg = alg_value->string_value();
  const std::string* key = nullptr;
  jwt_alg_t expected_alg = JWT_ALG_INVAL;
  if (alg == "HS256" && !options_.hs256_secret.empty()) {
    key = &options_.hs256_secret;
    expected_alg = JWT_ALG_HS256;
  } else if (alg == "RS256" && !options_.rs256_public_key_pem.empty()) {
    key = &options_.rs256_public_key_pem;
    expected_alg = JWT_ALG_RS256;
  } else {
    std::string accepted;
    if (!options_.hs256_secret.empty()) accepted = "HS256";
    if (!options_.rs256_public_key_pem.empty()) {
      absl::StrAppend(&accepted, accepted.empty() ? "" : " or ", "RS256");
    }
    return Reject(absl::StrCat("token algorithm ", ShowAlgorithm(alg),
                               " is not accepted (this service accepts ", accepted, ")"));
  }
  if (const Value* typ = Field(*header, "typ");
      typ != nullptr && (typ->kind_case() != Value::kStringValue ||
                         !absl::EqualsIgnoreCase(typ->string_value(), "JWT"))) {
    return Reject("token header typ is not JWT");
  }
  // RFC 7515 section 4.1.11: extensions we do not understand must be refused.
  if (Field(*header, "crit") != nullptr) return Reject("token header crit is not supported");

  const std::string token_text(token);  // libjwt wants a NUL-terminated copy
  jwt_t* decoded = nullptr;
  const int rc =
      jwt_decode(&decoded, token_text.c_str(), reinterpret_cast<const unsigned char*>(key->data()),
                 static_cast<int>(key->size()));
  JwtPtr jwt(decoded);
  // Also insist libjwt verified with the algorithm we chose the key for, in
  // case its JSON parser read the header differently from ours.
  if (rc != 0 || jwt == nullptr || jwt_get_alg(jwt.get()) != expected_alg) {
    return Reject("token signature does not verify");
  }

  // Claims come from what libjwt verified, not from our pre-check copy.
  JwtString claims_json(jwt_get_grants_json(jwt.get(), nullptr));
  std::optional<Struct> claims;
  if (claims_json != nullptr) claims = ParseJsonObject(claims_json.get());
  if (!claims.has_value()) return Reject("token is not a JWT (payload is not a JSON object)");

  const Value* exp_value = Field(*claims, "exp");
  if (exp_value == nullptr) return Reject("token has no exp claim");
  std::optional<absl::Time> expires_at = NumericDate(*exp_value);
  if (!expires_at.has_value()) return Reject("token exp claim is not a number");
  if (now >= *expires_at + options_.clock_skew) {
    return Reject(absl::StrCat("token expired at ", FormatUtc(*expires_at)));
  }
  if (const Value* nbf_value = Field(*claims, "nbf"); nbf_value != nullptr) {
    std::optional<absl::Time> not_before = NumericDate(*nbf_value);
    if (!not_before.has_value()) return Reject("token nbf claim is not a number");
    if (now + options_.clock_skew < *not_before) {
      return Reject(absl::StrCat("token is not valid before ", FormatUtc(*not_before)));
    }
  }

  const Value* iss = Field(*claims, "iss");
  if (iss == nullptr || iss->kind_case() != Value::kStringValue) {
    return Reject("token has no iss claim");
  }
  if (iss->string_value() != options_.issuer) {
    return Reject(
        absl::StrCat("token issuer ", QuoteUntrusted(iss->string_value()), " is not accepted"));
  }

  const Value* aud = Field(*claims, "aud");
  if (aud == nullptr) return Reject("token has no aud claim");
  bool audience_ok = false;
  if (aud->kind_case() == Value::kStringValue) {
    audience_ok = aud->string_value() == options_.audience;
  } else if (aud->kind_case() == Value::kListValue) {
    for (const Value& item : aud->list_value().values()) {
      if (item.kind_case() == Value::kStringValue && item.string_value() == options_.audience) {
        audience_ok = true;
      }
    }
  } else {
    return Reject("token aud claim is not a string or an array of strings");
  }
  if (!audience_ok) {
    return Reject(
        absl::StrCat("token audience does not include ", QuoteUntrusted(options_.audience)));
  }

  const Value* sub = Field(*claims, "sub");
  if (sub == nullptr || sub->kind_case() != Value::kStringValue) {
    return Reject("token has no sub claim");
  }
  if (sub->string_value().empty()) return Reject("token sub claim is empty");

  const Value* role_value = Field(*claims, "role");
  if (role_value == nullptr) return Reject("token has no role claim");
  if (role_value->kind_case() != Value::kStringValue) {
    return Reject("token role claim is not a string");
  }
  absl::StatusOr<Role> role = ParseRole(role_value->string_value());
  if (!role.ok()) {
    return Reject(
        absl::StrCat("token role ", QuoteUntrusted(role_value->string_value()), " is unknown"));
  }

  absl::StatusOr<std::vector<std::string>> authorities = Authorities(*claims);
  if (!authorities.ok()) return authorities.status();
  if (*role == Role::kAuthorityOfficer && authorities->empty()) {
    return Reject("token for role authority_officer has no authorities claim (an array of codes)");
  }

  Principal principal;
  principal.subject = sub->string_value();
  principal.role = *role;
  principal.authorities = std::move(*authorities);
  principal.expires_at = *expires_at;
  return principal;
}

}  // namespace wp::auth
