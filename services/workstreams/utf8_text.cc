#include "services/workstreams/utf8_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/text/utf8.h"

namespace wp::workstreams {
namespace {

// Length of the well-formed character at text[i], or 0 if it is not one;
// a NUL counts as bad here (no tracker text holds one).
size_t CharLength(absl::string_view text, size_t i) {
  if (text[i] == '\0') return 0;
  return text::Utf8SequenceLength(text.substr(i));
}

}  // namespace

std::optional<size_t> FindBadTextByte(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = CharLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string DescribeBadTextByte(absl::string_view text, size_t offset) {
  const unsigned char c = offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0;
  return absl::StrFormat("byte 0x%02X at offset %d", c, offset);
}

std::string RepairText(absl::string_view text) {
  if (!FindBadTextByte(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = CharLength(text, i);
    if (n == 0) {
      out.append(text::kReplacementCharacter.data(), text::kReplacementCharacter.size());
      ++i;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string ShortenText(absl::string_view text, size_t max_bytes) {
  const std::string clean = RepairText(text.substr(0, max_bytes + 4));
  if (clean.size() <= max_bytes && text.size() <= max_bytes) return clean;
  size_t end = 0;
  while (end < clean.size()) {
    const size_t n = CharLength(clean, end);
    if (end + n > max_bytes) break;
    end += n;
  }
  return absl::StrCat(absl::string_view(clean).substr(0, end), "...");
}

}  // namespace wp::workstreams
