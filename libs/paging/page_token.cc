#include "libs/paging/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/status/field_errors.h"

namespace wp::paging {
namespace {

// A prefix so that random text is not mistaken for a token.
constexpr absl::string_view kMagic = "wp1";
constexpr char kSeparator = '\x1f';  // ASCII unit separator: never in names

}  // namespace

absl::StatusOr<int> PageSize(int requested, int default_size, int max_size) {
  if (requested < 0) return InvalidField("page_size", "must not be negative");
  if (requested == 0) return default_size;
  return requested > max_size ? max_size : requested;
}

std::string EncodePageToken(const std::vector<std::string>& parts) {
  std::string raw(kMagic);
  for (const std::string& p : parts) {
    raw.push_back(kSeparator);
    raw += p;
  }
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::vector<std::string>> DecodePageToken(absl::string_view token,
                                                         size_t expected_parts) {
  if (token.empty()) return std::vector<std::string>();
  std::string raw;
  // The unescape also takes padding and stray low bits in the last character;
  // only the exact text EncodePageToken writes is one of our tokens.
  if (!absl::WebSafeBase64Unescape(token, &raw) || absl::WebSafeBase64Escape(raw) != token) {
    return InvalidField("page_token", "is not a token this service returned");
  }
  std::vector<std::string> parts = absl::StrSplit(raw, kSeparator);
  if (parts.size() != expected_parts + 1 || parts[0] != kMagic) {
    return InvalidField("page_token", "is not a token this service returned");
  }
  parts.erase(parts.begin());
  return parts;
}

}  // namespace wp::paging
