#include "tools/wpctl/token_claims.h"

#include <cmath>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

std::string StringOrFirst(const google::protobuf::Value& value) {
  if (value.has_string_value()) return value.string_value();
  if (value.has_list_value() && value.list_value().values_size() > 0) {
    return value.list_value().values(0).string_value();
  }
  return "";
}

// "3h20m" for a positive duration, whole minutes (seconds under a minute).
std::string RoughDuration(absl::Duration d) {
  if (d < absl::Minutes(1)) return absl::StrCat(absl::ToInt64Seconds(d), "s");
  return absl::FormatDuration(absl::Trunc(d, absl::Minutes(1)));
}

}  // namespace

absl::StatusOr<TokenClaims> DecodeTokenClaims(absl::string_view token) {
  std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3 || parts[1].empty()) {
    return UsageError("the token is not a JWT (three parts separated by dots)");
  }
  std::string payload;
  if (!absl::WebSafeBase64Unescape(parts[1], &payload)) {
    return UsageError("the token's payload is not base64url");
  }
  google::protobuf::Struct json;
  if (!google::protobuf::util::JsonStringToMessage(payload, &json).ok()) {
    return UsageError("the token's payload is not a JSON object");
  }
  const auto& fields = json.fields();
  auto get = [&](const char* name) -> const google::protobuf::Value* {
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
  };
  TokenClaims claims;
  if (const auto* v = get("sub")) claims.subject = v->string_value();
  if (const auto* v = get("role")) claims.role = v->string_value();
  if (const auto* v = get("iss")) claims.issuer = v->string_value();
  if (const auto* v = get("aud")) claims.audience = StringOrFirst(*v);
  if (const auto* v = get("authorities")) {
    if (v->has_string_value()) {
      claims.authorities = absl::StrSplit(v->string_value(), ',', absl::SkipWhitespace());
    }
    for (const auto& item : v->list_value().values()) claims.authorities.push_back(item.string_value());
  }
  if (const auto* v = get("exp"); v != nullptr && v->has_number_value()) {
    claims.expires = absl::FromUnixSeconds(static_cast<int64_t>(std::floor(v->number_value())));
  }
  return claims;
}

std::string WhoamiText(const TokenClaims& claims, absl::Time now, absl::string_view source) {
  std::string expires = "- (no expiry)";
  if (claims.expires != absl::InfinitePast()) {
    const absl::Duration left = claims.expires - now;
    expires = absl::StrCat(absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", claims.expires, absl::UTCTimeZone()),
                           left > absl::ZeroDuration()
                               ? absl::StrCat(" (in ", RoughDuration(left), ")")
                               : absl::StrCat(" (expired ", RoughDuration(-left), " ago)"));
  }
  std::string out = FieldsText({
      {"subject", claims.subject},
      {"role", claims.role},
      {"authorities", claims.authorities.empty() ? "" : absl::StrJoin(claims.authorities, ", ")},
      {"issuer", claims.issuer},
      {"audience", claims.audience},
      {"expires", expires},
      {"token from", std::string(source)},
  });
  absl::StrAppend(&out,
                  "(read here without checking the signature: the services check it on every call)\n");
  return out;
}

}  // namespace wp::wpctl
