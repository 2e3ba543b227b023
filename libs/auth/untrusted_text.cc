#include "libs/auth/untrusted_text.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace wp::auth {

std::string QuoteUntrusted(absl::string_view text) {
  constexpr size_t kMaxBytes = 64;
  const bool cut = text.size() > kMaxBytes;
  return absl::StrCat("\"", absl::CHexEscape(text.substr(0, kMaxBytes)), cut ? "..." : "", "\"");
}

}  // namespace wp::auth
