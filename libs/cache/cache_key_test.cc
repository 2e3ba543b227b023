#include "libs/cache/cache_key.h"

#include "gtest/gtest.h"

namespace wp::cache {
namespace {

TEST(CacheKeyTest, CarriesNamespaceQueryAndGeneration) {
  EXPECT_EQ(CacheKey("learning.event_stats", "event=42", 7), "wp:learning.event_stats:event=42:g7");
}

TEST(CacheKeyTest, NewGenerationIsANewKey) {
  EXPECT_NE(CacheKey("ns", "q", 1), CacheKey("ns", "q", 2));
}

}  // namespace
}  // namespace wp::cache
