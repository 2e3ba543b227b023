// Fuzzes page_token decoding (libs/paging), which reads the opaque token a
// client sends back on List calls. The first byte picks how many parts the
// caller expects. Checks page_token.h's contract: only tokens EncodePageToken
// made are accepted, so an accepted token re-encodes to itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "libs/paging/page_token.h"
#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t expected_parts = data[0] % 5;
  const absl::string_view token(reinterpret_cast<const char*>(data + 1), size - 1);
  absl::StatusOr<std::vector<std::string>> parts = wp::paging::DecodePageToken(token, expected_parts);
  if (!parts.ok()) return 0;
  if (token.empty()) {
    FUZZ_CHECK(parts->empty());
    return 0;
  }
  FUZZ_CHECK(parts->size() == expected_parts);
  FUZZ_CHECK(wp::paging::EncodePageToken(*parts) == token);
  return 0;
}
