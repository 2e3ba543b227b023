#include "services/workstreams/utf8_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace wp::workstreams {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed character at text[i], or 0 if it is not one.
size_t CharLength(absl::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
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
      out.append(kReplacement.data(), kReplacement.size());
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
