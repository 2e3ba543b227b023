// JSON for token headers and claims, read and written through protobuf's JSON
// support (google.protobuf.Struct), so no JSON is parsed by hand here. libjwt
// 1.10 only hands out string and integer claims; arrays (aud, authorities)
// and type checks need a real parser. Internal to libs/auth.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_AUTH_CLAIMS_JSON_H_
#define WP_LIBS_AUTH_CLAIMS_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/struct.pb.h"

namespace wp::auth {

// The object `json` encodes, or nullopt when it is not a JSON object.
// Duplicate member names are refused, so a token cannot carry two "alg" or
// "role" values that different parsers would pick between differently.
std::optional<google::protobuf::Struct> ParseJsonObject(absl::string_view json);

// {"<key>":["<value>",...]} with proper escaping.
std::string StringArrayObjectJson(absl::string_view key, const std::vector<std::string>& values);

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_CLAIMS_JSON_H_
