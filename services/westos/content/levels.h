// The curriculum levels content is made for: the Curriculum for Excellence
// levels of the broad general education (Early to Fourth) and the senior
// phase's qualifications (National 4 to Advanced Higher). Items and
// coverage targets store a level as its name here, the text usage queries
// group and filter by.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_CONTENT_LEVELS_H_
#define WP_SERVICES_WESTOS_CONTENT_LEVELS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::westos {

// "Early", "First", ..., "Advanced Higher", in curriculum order.
const std::vector<std::string>& LevelNames();

// The level's name for `text`: a name in any case, with spaces around
// ignored, or a short form (N4, N5, H, AH, "Nat 5"). INVALID_ARGUMENT on
// `field` listing the levels otherwise.
absl::StatusOr<std::string> ParseLevel(absl::string_view field, absl::string_view text);

// The level's position in LevelNames(); the list's size for anything else.
size_t LevelOrder(absl::string_view name);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_LEVELS_H_
