#include "services/governance/org_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/region/authorities.h"

namespace wp::governance {

absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed) {
  if (mask.paths().empty()) return std::set<std::string>(allowed.begin(), allowed.end());
  std::set<std::string> paths;
  for (const std::string& path : mask.paths()) {
    if (std::find(allowed.begin(), allowed.end(), path) == allowed.end()) {
      return InvalidField("update_mask", absl::StrCat("unknown path \"", path, "\"; the paths are ",
                                                      absl::StrJoin(allowed, ", ")));
    }
    paths.insert(path);
  }
  return paths;
}

void CheckOptionalAuthority(absl::string_view code, const std::string& field, FieldViolations* v) {
  if (!code.empty() && !region::IsAuthorityCode(code)) {
    v->Add(field, "must be empty or one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
  }
}

void CheckNoControlCharacters(absl::string_view text, const std::string& field, FieldViolations* v) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7f) {
      v->Add(field, "must not contain control characters");
      return;
    }
  }
}

void AddViolations(const absl::Status& status, FieldViolations* v) {
  for (const FieldViolation& f : FieldViolationsOf(status)) v->Add(f.field, f.description);
}

}  // namespace wp::governance
