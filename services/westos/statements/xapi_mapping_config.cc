#include "services/westos/statements/xapi_mapping_config.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace wp::westos {

absl::string_view DefaultXapiMappingJson() {
  static constexpr char kDefault[] = R"json({
  "verbs": {
    "http://adlnet.gov/expapi/verbs/experienced": "view",
    "http://activitystrea.ms/schema/1.0/watch": "view",
    "https://w3id.org/xapi/video/verbs/played": "play",
    "http://adlnet.gov/expapi/verbs/launched": "play",
    "http://adlnet.gov/expapi/verbs/completed": "complete",
    "https://w3id.org/xapi/video/verbs/completed": "complete",
    "http://id.tincanapi.com/verb/rated": "rate"
  },
  "content_id_prefix": "https://content.example/lessons/",
  "extensions": {
    "role": "https://wp.example/xapi/role",
    "authority": "https://wp.example/xapi/authority",
    "establishment": "https://wp.example/xapi/establishment",
    "sector": "https://wp.example/xapi/sector",
    "simd": "https://wp.example/xapi/simd"
  }
}
)json";
  return kDefault;
}

absl::StatusOr<XapiMapping> LoadXapiMapping(const std::string& path) {
  if (path.empty()) return ParseXapiMapping(DefaultXapiMappingJson());
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("--xapi_mapping: cannot read ", path));
  std::ostringstream text;
  text << file.rdbuf();
  absl::StatusOr<XapiMapping> mapping = ParseXapiMapping(text.str());
  if (!mapping.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--xapi_mapping ", path, ": ", mapping.status().message()));
  }
  return mapping;
}

}  // namespace wp::westos
