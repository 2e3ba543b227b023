#include "libs/fields/field_checks.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/text/blank.h"

namespace wp::fields {
namespace {

bool IsControl(char c, bool lines_allowed) {
  const auto u = static_cast<unsigned char>(c);
  if (lines_allowed && (c == '\n' || c == '\r' || c == '\t')) return false;
  return u < 0x20 || u == 0x7f;
}

bool HasControl(absl::string_view text, bool lines_allowed) {
  return std::any_of(text.begin(), text.end(), [&](char c) { return IsControl(c, lines_allowed); });
}

}  // namespace

void CheckRequiredLine(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v) {
  if (text::IsBlank(text)) {
    v->Add(field, "is required");
    return;
  }
  CheckOptionalLine(text, field, max_bytes, v);
}

void CheckOptionalLine(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v) {
  if (text.size() > max_bytes || text.find_first_of("\r\n") != absl::string_view::npos) {
    v->Add(field, absl::StrCat("must be a single line of at most ", max_bytes, " bytes"));
  } else if (HasControl(text, /*lines_allowed=*/false)) {
    v->Add(field, "must not contain control characters");
  }
}

void CheckOptionalText(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v) {
  if (text.size() > max_bytes) {
    v->Add(field, absl::StrCat("must be at most ", max_bytes, " bytes"));
  } else if (HasControl(text, /*lines_allowed=*/true)) {
    v->Add(field, "must not contain control characters other than line breaks and tabs");
  }
}

bool IsValidId(absl::string_view id) {
  if (id.size() < 2 || id.size() > 63 || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return absl::ascii_islower(u) || absl::ascii_isdigit(u) || c == '-';
  });
}

void CheckId(absl::string_view id, const std::string& field, FieldViolations* v) {
  if (id.empty()) {
    v->Add(field, "is required");
  } else if (!IsValidId(id)) {
    v->Add(field, "must be 2 to 63 of a-z, 0-9 and '-', not starting or ending with '-'");
  }
}

absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed) {
  if (mask.paths().empty()) return std::set<std::string>(allowed.begin(), allowed.end());
  std::set<std::string> paths;
  for (const std::string& path : mask.paths()) {
    if (std::find(allowed.begin(), allowed.end(), path) == allowed.end()) {
      return InvalidField("update_mask",
                          absl::StrCat("unknown path \"", path, "\"; the paths are ", absl::StrJoin(allowed, ", ")));
    }
    paths.insert(path);
  }
  return paths;
}

}  // namespace wp::fields
