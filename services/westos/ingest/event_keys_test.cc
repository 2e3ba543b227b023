#include "services/westos/ingest/event_keys.h"

#include <limits>
#include <set>
#include <string>

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

TEST(EventKeysTest, KeysAreStableAndLeaveRoomToProbe) {
  // Stored keys must never change between builds: this value is SHA-256("e1")'s first 62 bits.
  EXPECT_EQ(EventKey("e1"), int64_t{2510529433328885580});
  std::set<int64_t> keys;
  for (int i = 0; i < 10000; ++i) {
    const int64_t key = EventKey("event-" + std::to_string(i));
    EXPECT_GE(key, 0);
    EXPECT_LT(key, std::numeric_limits<int64_t>::max() - kKeyProbes);
    keys.insert(key);
  }
  EXPECT_EQ(keys.size(), 10000u);
}

}  // namespace
}  // namespace wp::westos
