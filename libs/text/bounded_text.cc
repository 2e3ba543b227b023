#include "libs/text/bounded_text.h"

#include <algorithm>

namespace wp::text {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

size_t Utf8SequenceLength(absl::string_view text) {
  if (text.empty()) return 0;
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;  // bounds on the second byte (RFC 3629 table)
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // no overlong forms
    if (b0 == 0xED) high = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;  // nothing beyond U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  const auto b1 = static_cast<unsigned char>(text[1]);
  if (b1 < low || b1 > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (!Continuation(static_cast<unsigned char>(text[i]))) return 0;
  }
  return length;
}

std::string Bounded(absl::string_view text, size_t max_bytes) {
  if (max_bytes < kEllipsis.size()) return "";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  // Room for the ellipsis is kept back only once we know we must cut.
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = Utf8SequenceLength(text.substr(i));
    const absl::string_view piece = n == 0 ? kReplacement : text.substr(i, n);
    if (out.size() + piece.size() > max_bytes) break;
    out.append(piece.data(), piece.size());
    i += n == 0 ? 1 : n;
  }
  if (i == text.size()) return out;
  // Cut: drop whole characters until the ellipsis fits.
  while (out.size() + kEllipsis.size() > max_bytes) {
    size_t end = out.size() - 1;
    while (end > 0 && Continuation(static_cast<unsigned char>(out[end]))) --end;
    out.resize(end);
  }
  out.append(kEllipsis.data(), kEllipsis.size());
  return out;
}

}  // namespace wp::text
