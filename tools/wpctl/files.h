// Local files wpctl reads and writes whole: the tracker file sent to import
// and the export written out. "-" means stdin. Errors carry the path and the
// system's reason, with a status code from errno (NOT_FOUND, PERMISSION_DENIED...).
// Thread-safe: no shared state.
#ifndef WP_TOOLS_WPCTL_FILES_H_
#define WP_TOOLS_WPCTL_FILES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::wpctl {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path);
// Replaces the file's content (creating it); bytes are written as they are.
absl::Status WriteWholeFile(const std::string& path, absl::string_view content);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_FILES_H_
