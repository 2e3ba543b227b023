#include "services/westos/ingest/event_keys.h"

#include "libs/digest/sha256.h"

namespace wp::westos {

int64_t EventKey(absl::string_view event_id) {
  // 62 bits: positive, and key + kKeyProbes cannot overflow.
  return static_cast<int64_t>(digest::Sha256Prefix64(event_id) >> 2);
}

}  // namespace wp::westos
