// List pagination as AIP-158 describes it: page_size with a default and a
// maximum, and an opaque page_token that carries the keyset position of the
// last item returned (never an offset, so inserts do not shift pages).
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_PAGING_PAGE_TOKEN_H_
#define WP_LIBS_PAGING_PAGE_TOKEN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::paging {

// 0 -> `default_size`; above `max_size` -> `max_size`; negative -> INVALID_ARGUMENT.
absl::StatusOr<int> PageSize(int requested, int default_size, int max_size);

// Opaque, URL-safe text holding `parts`.
std::string EncodePageToken(const std::vector<std::string>& parts);
// The parts of a token made by EncodePageToken with `expected_parts` parts;
// INVALID_ARGUMENT on "page_token" for anything else. An empty token gives
// an empty vector (first page).
absl::StatusOr<std::vector<std::string>> DecodePageToken(absl::string_view token,
                                                         size_t expected_parts);

}  // namespace wp::paging

#endif  // WP_LIBS_PAGING_PAGE_TOKEN_H_
