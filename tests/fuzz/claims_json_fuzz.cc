// Fuzzes the JSON reader for token headers and claims (ParseJsonObject),
// which sees attacker-written JSON before any signature is checked. Checks
// that an accepted object holds only valid UTF-8 strings and prints and
// reads back to the same object.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/auth/claims_json.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

void CheckStrings(const Value& value, int depth);

void CheckStrings(const Struct& object, int depth) {
  FUZZ_CHECK(depth < 200);
  for (const auto& [key, value] : object.fields()) {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(key));
    CheckStrings(value, depth + 1);
  }
}

void CheckStrings(const Value& value, int depth) {
  FUZZ_CHECK(depth < 200);
  switch (value.kind_case()) {
    case Value::kStringValue:
      FUZZ_CHECK(wp::fuzz::IsValidUtf8(value.string_value()));
      break;
    case Value::kStructValue:
      CheckStrings(value.struct_value(), depth + 1);
      break;
    case Value::kListValue:
      for (const Value& item : value.list_value().values()) CheckStrings(item, depth + 1);
      break;
    default:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view json(reinterpret_cast<const char*>(data), size);
  const std::optional<Struct> object = wp::auth::ParseJsonObject(json);
  if (!object.has_value()) return 0;
  CheckStrings(*object, 0);
  std::string printed;
  FUZZ_CHECK(google::protobuf::util::MessageToJsonString(*object, &printed).ok());
  const std::optional<Struct> again = wp::auth::ParseJsonObject(printed);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(google::protobuf::util::MessageDifferencer::Equals(*object, *again));
  return 0;
}
