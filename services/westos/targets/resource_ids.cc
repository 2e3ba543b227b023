#include "services/westos/targets/resource_ids.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace wp::westos {

absl::Status CheckResourceId(absl::string_view id, absl::string_view field) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(field, ": is required"));
  if (id.size() > 63) return absl::InvalidArgumentError(absl::StrCat(field, ": is longer than 63 bytes"));
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": may hold only lower-case letters, digits and hyphens"));
    }
  }
  if (id.front() == '-') return absl::InvalidArgumentError(absl::StrCat(field, ": must not start with a hyphen"));
  return absl::OkStatus();
}

absl::StatusOr<std::string> IdFromName(absl::string_view name, absl::string_view collection,
                                       absl::string_view field) {
  const std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix)) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": must be ", collection, "/{id}"));
  }
  absl::string_view id = name.substr(prefix.size());
  if (absl::Status s = CheckResourceId(id, field); !s.ok()) return s;
  return std::string(id);
}

}  // namespace wp::westos
