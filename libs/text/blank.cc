#include "libs/text/blank.h"

#include "absl/strings/ascii.h"

namespace wp::text {

bool IsBlank(absl::string_view text) { return absl::StripAsciiWhitespace(text).empty(); }

}  // namespace wp::text
