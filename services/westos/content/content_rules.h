// The rules of a catalogued content item, pure: field limits, the level
// vocabulary (levels.h), status order and the dates each status was
// reached. The catalogue (content_items.h) and the import
// (content_import.h) apply them before anything is written.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_RULES_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/status/field_errors.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

inline constexpr size_t kMaxContentIdBytes = 128;  // as usage events' content_id
inline constexpr size_t kMaxTitleBytes = 300;
inline constexpr size_t kMaxSubjectBytes = 100;

// "COMMISSIONED", ... for messages; "UNCATALOGUED" for 0.
std::string StatusName(v1::ContentStatus status);

// Makes `item` a complete catalogue entry and checks it, reporting every
// broken rule at once as INVALID_ARGUMENT on `prefix` + field name:
// - subject trimmed; level replaced by its name (levels.h);
// - status COMMISSIONED when unspecified;
// - each status up to the item's that has no date gets one: a status
//   passed over is reached the day the next one was, the item's own status
//   today;
// - dates real, no later than `today`, only for statuses reached, and in
//   status order (commissioned <= uploaded <= published).
absl::Status CompleteItem(v1::ContentItem& item, absl::CivilDay today, absl::string_view prefix);

// FAILED_PRECONDITION on `field` when `to` goes back from `from`: status
// only moves forward.
absl::Status CheckStatusMove(v1::ContentStatus from, v1::ContentStatus to, absl::string_view field);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_RULES_H_
