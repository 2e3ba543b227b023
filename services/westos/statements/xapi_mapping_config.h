// Where the xAPI mapping comes from: a JSON file (--xapi_mapping, in the
// form ParseXapiMapping reads) or, with no file, the built-in default
// below (the ADL and video-profile verbs; placeholder .example IRIs for the
// content and the extensions, which a real platform replaces with its own
// in the file: docs/operations.md).
// Thread-safe: pure functions (and one file read).
#ifndef WP_SERVICES_WESTOS_STATEMENTS_XAPI_MAPPING_CONFIG_H_
#define WP_SERVICES_WESTOS_STATEMENTS_XAPI_MAPPING_CONFIG_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/westos/usage/xapi_statement.h"

namespace wp::westos {

// The default mapping's JSON (also what docs/operations.md shows).
absl::string_view DefaultXapiMappingJson();

// The mapping in the file at `path`, or the default when `path` is empty.
// NOT_FOUND when the file cannot be read; INVALID_ARGUMENT naming the file
// and every bad setting.
absl::StatusOr<XapiMapping> LoadXapiMapping(const std::string& path);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_STATEMENTS_XAPI_MAPPING_CONFIG_H_
