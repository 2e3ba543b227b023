// The stored key of a usage event id: the first 62 bits of its SHA-256.
// Events are found by it (event_locator.h), so no index holds the ids'
// text. Two ids with the same key (about one pair in 10^10 at 10 million
// events) are told apart by the stored id: the later one takes the next
// free key, up to kKeyProbes after its own.
#ifndef WP_SERVICES_WESTOS_INGEST_EVENT_KEYS_H_
#define WP_SERVICES_WESTOS_INGEST_EVENT_KEYS_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace wp::westos {

int64_t EventKey(absl::string_view event_id);

// How many keys after an id's own key it may have been moved to.
inline constexpr int kKeyProbes = 16;

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_EVENT_KEYS_H_
