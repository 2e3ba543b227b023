#include "libs/text/bounded_text.h"

#include <algorithm>

namespace wp::text {
namespace {

bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string Bounded(absl::string_view text, size_t max_bytes) {
  if (max_bytes < kEllipsis.size()) return "";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  // Room for the ellipsis is kept back only once we know we must cut.
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = Utf8SequenceLength(text.substr(i));
    const absl::string_view piece = n == 0 ? kReplacementCharacter : text.substr(i, n);
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
