#include "services/westos/ingest/event_keys.h"

#include <openssl/sha.h>

namespace wp::westos {

int64_t EventKey(absl::string_view event_id) {
  unsigned char hash[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(event_id.data()), event_id.size(), hash);
  uint64_t key = 0;
  for (int i = 0; i < 8; ++i) key = key << 8 | hash[i];
  // 62 bits: positive, and key + kKeyProbes cannot overflow.
  return static_cast<int64_t>(key >> 2);
}

}  // namespace wp::westos
