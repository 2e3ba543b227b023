#include "libs/cache/near_cache.h"

#include "gtest/gtest.h"

namespace wp::cache {
namespace {

TEST(NearCacheTest, ReturnsWhatWasPut) {
  NearCache cache(4);
  EXPECT_FALSE(cache.Get("wp:x:q:g1").has_value());
  cache.Put("wp:x:q:g1", "value");
  EXPECT_EQ(cache.Get("wp:x:q:g1").value_or(""), "value");
  cache.Put("wp:x:q:g1", "replaced");
  EXPECT_EQ(cache.Get("wp:x:q:g1").value_or(""), "replaced");
}

TEST(NearCacheTest, EmptiesWhenFull) {
  NearCache cache(2);
  cache.Put("a", "1");
  cache.Put("b", "2");
  EXPECT_EQ(cache.size(), 2u);
  cache.Put("c", "3");
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_FALSE(cache.Get("a").has_value());
  EXPECT_EQ(cache.Get("c").value_or(""), "3");
}

TEST(NearCacheTest, ZeroCapacityKeepsNothing) {
  NearCache cache(0);
  cache.Put("a", "1");
  EXPECT_FALSE(cache.Get("a").has_value());
}

}  // namespace
}  // namespace wp::cache
