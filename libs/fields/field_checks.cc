#include "libs/fields/field_checks.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "libs/text/blank.h"
#include "libs/text/utf8.h"

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

// C0 controls, DEL and the C1 controls ("\xC2\x80".."\xC2\x9F"), in text
// already known to be UTF-8.
bool HasControlOrC1(absl::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

}  // namespace

void CheckUntrustedLine(absl::string_view text, const std::string& field, size_t max_bytes, bool required,
                        FieldViolations* v) {
  if (required && text::IsBlank(text)) {
    v->Add(field, "is required");
  } else if (text.size() > max_bytes) {
    v->Add(field, absl::StrCat("is ", text.size(), " bytes, more than ", max_bytes));
  } else if (!text::IsValidUtf8(text)) {
    const size_t at = text::FirstInvalidUtf8(text);
    v->Add(field, absl::StrFormat("is not UTF-8 text (byte 0x%02X at offset %d)", static_cast<unsigned char>(text[at]),
                                  at));
  } else if (HasControlOrC1(text)) {
    v->Add(field, "holds a control character (a line break or a tab, say)");
  }
}

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
