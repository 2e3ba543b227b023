// Whether a required text field was left empty in effect.
//
// Thread-safe: pure function.
#ifndef WP_LIBS_TEXT_BLANK_H_
#define WP_LIBS_TEXT_BLANK_H_

#include "absl/strings/string_view.h"

namespace wp::text {

// True for "" and for text of ASCII whitespace only (" \t\n\r\f\v").
// Other whitespace, such as U+00A0, counts as content.
bool IsBlank(absl::string_view text);

}  // namespace wp::text

#endif  // WP_LIBS_TEXT_BLANK_H_
