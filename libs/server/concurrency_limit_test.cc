#include "libs/server/concurrency_limit.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace wp::server {
namespace {

TEST(ConcurrencyLimitTest, RefusesBeyondTheLimitWithRetryLater) {
  ConcurrencyLimit limit("tracker imports", 2);
  auto a = limit.TryAcquire();
  auto b = limit.TryAcquire();
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(limit.in_use(), 2);
  auto c = limit.TryAcquire();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(absl::StrContains(c.status().message(), "2 tracker imports are already running"))
      << c.status();
  EXPECT_TRUE(absl::StrContains(c.status().message(), "retry later")) << c.status();
}

TEST(ConcurrencyLimitTest, APermitFreesItsSlotWhenDestroyed) {
  ConcurrencyLimit limit("imports", 1);
  {
    auto a = limit.TryAcquire();
    ASSERT_TRUE(a.ok());
    EXPECT_FALSE(limit.TryAcquire().ok());
  }
  EXPECT_EQ(limit.in_use(), 0);
  EXPECT_TRUE(limit.TryAcquire().ok());
  EXPECT_EQ(limit.in_use(), 0);  // the temporary permit is gone already
}

TEST(ConcurrencyLimitTest, AMovedPermitIsReleasedOnce) {
  ConcurrencyLimit limit("imports", 1);
  std::optional<ConcurrencyLimit::Permit> kept;
  {
    auto a = limit.TryAcquire();
    ASSERT_TRUE(a.ok());
    kept.emplace(std::move(*a));
  }
  EXPECT_EQ(limit.in_use(), 1);
  kept.reset();
  EXPECT_EQ(limit.in_use(), 0);
}

TEST(ConcurrencyLimitTest, LimitBelowOneMeansOne) {
  ConcurrencyLimit limit("imports", 0);
  EXPECT_EQ(limit.max(), 1);
  auto a = limit.TryAcquire();
  EXPECT_TRUE(a.ok());
}

}  // namespace
}  // namespace wp::server
