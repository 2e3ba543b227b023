// Helpers shared by the fuzz targets: an invariant check that stops the
// fuzzer (so it keeps the input), and the UTF-8 rule for accepted text.
// IsValidUtf8 here is deliberately written apart from libs/text/utf8.h: it is
// the oracle utf8_fuzz checks that decoder against.
//
// Thread-safe: pure functions (FUZZ_CHECK aborts the process).
#ifndef WP_TESTS_FUZZ_FUZZ_CHECKS_H_
#define WP_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstdio>
#include <cstdlib>

#include "absl/strings/string_view.h"

// Like assert, but also in release builds, and naming the broken invariant.
#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

namespace wp::fuzz {

// Well-formed UTF-8 (RFC 3629): no overlong forms, surrogates or values
// above U+10FFFF.
inline bool IsValidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      const unsigned min = k == 1 ? lo : 0x80;
      const unsigned max = k == 1 ? hi : 0xBF;
      if (b < min || b > max) return false;
    }
    i += len + 1;
  }
  return true;
}

// A C0 control character or DEL: what an error echoing outside text must
// not hold, so that it cannot break or forge a log line.
inline bool HasControlCharacter(absl::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

}  // namespace wp::fuzz

#endif  // WP_TESTS_FUZZ_FUZZ_CHECKS_H_
