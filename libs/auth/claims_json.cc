#include "libs/auth/claims_json.h"

#include "google/protobuf/util/json_util.h"

namespace wp::auth {

std::optional<google::protobuf::Struct> ParseJsonObject(absl::string_view json) {
  google::protobuf::Struct object;
  if (!google::protobuf::util::JsonStringToMessage(std::string(json), &object).ok()) {
    return std::nullopt;
  }
  return object;
}

std::string StringArrayObjectJson(absl::string_view key, const std::vector<std::string>& values) {
  google::protobuf::Struct object;
  google::protobuf::ListValue* list =
      (*object.mutable_fields())[std::string(key)].mutable_list_value();
  for (const std::string& value : values) list->add_values()->set_string_value(value);
  std::string json;
  // Printing a Struct of strings cannot fail.
  (void)google::protobuf::util::MessageToJsonString(object, &json);
  return json;
}

}  // namespace wp::auth
