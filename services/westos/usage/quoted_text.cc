#include "services/westos/usage/quoted_text.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "libs/text/bounded_text.h"

namespace wp::westos {

std::string Quoted(absl::string_view text, size_t max_bytes) {
  // Bounded first: its output is valid UTF-8, which the escaping keeps.
  return absl::StrCat("\"", absl::Utf8SafeCHexEscape(text::Bounded(text, max_bytes)), "\"");
}

}  // namespace wp::westos
