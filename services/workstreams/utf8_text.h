// Text checks for what gets stored: every string in a protobuf message must
// be valid UTF-8, or the message cannot be serialised and every read that
// returns it fails. Spreadsheet files arrive as bytes (UTF-16 exports, Latin-1
// files, stray NULs), so imported text is checked before it is stored, and
// text read back is repaired in case something got in before the checks.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_UTF8_TEXT_H_
#define WP_SERVICES_WORKSTREAMS_UTF8_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::workstreams {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or of the first
// NUL, which no tracker text holds. nullopt when the text is clean.
std::optional<size_t> FindBadTextByte(absl::string_view text);

// "byte 0xFF at offset 12", for messages about the byte FindBadTextByte found.
std::string DescribeBadTextByte(absl::string_view text, size_t offset);

// `text` with each bad byte (see FindBadTextByte) replaced by U+FFFD; clean
// text comes back unchanged.
std::string RepairText(absl::string_view text);

// At most `max_bytes` of clean text, cut at a character boundary, with "..."
// appended when something was cut; bad bytes repaired first. For quoting
// user text in messages.
std::string ShortenText(absl::string_view text, size_t max_bytes);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_UTF8_TEXT_H_
