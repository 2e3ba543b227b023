// Fuzzes the project's one UTF-8 decoder (libs/text/utf8.h) and Bounded(),
// which every request check, error text and tracker cell goes through.
// Differential: the answers must agree with the independent decoder in
// fuzz_checks.h, and repaired or bounded text must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "libs/text/bounded_text.h"
#include "libs/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t limit = data[0];  // Bounded's byte limit, 0..255
  const absl::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const bool valid = wp::text::IsValidUtf8(text);
  FUZZ_CHECK(valid == wp::fuzz::IsValidUtf8(text));
  const size_t first_invalid = wp::text::FirstInvalidUtf8(text);
  FUZZ_CHECK((first_invalid == text.size()) == valid);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(text.substr(0, first_invalid)));
  if (!text.empty()) {
    const size_t length = wp::text::Utf8SequenceLength(text);
    FUZZ_CHECK(length <= 4 && length <= text.size());
    if (length > 0) FUZZ_CHECK(wp::fuzz::IsValidUtf8(text.substr(0, length)));
    if (valid) FUZZ_CHECK(length > 0);
  }

  const std::string repaired = wp::text::RepairUtf8(text);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(repaired));
  if (valid) FUZZ_CHECK(repaired == text);

  const std::string bounded = wp::text::Bounded(text, limit);
  FUZZ_CHECK(bounded.size() <= limit);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(bounded));
  // Below the ellipsis's size the documented answer is "" whatever the text.
  if (valid && text.size() <= limit && limit >= wp::text::kEllipsis.size()) {
    FUZZ_CHECK(bounded == text);
  }
  return 0;
}
