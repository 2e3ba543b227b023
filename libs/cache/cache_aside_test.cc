#include "libs/cache/cache_aside.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"

namespace wp::cache {
namespace {

constexpr absl::Duration kTtl = absl::Minutes(5);

class CacheAsideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    RedisOptions options;
    options.port = server_.port();
    redis_ = std::make_unique<RedisClient>(options);
    cache_ = std::make_unique<CacheAside>(redis_.get());
  }

  wp::testing::RedisServer server_;
  std::unique_ptr<RedisClient> redis_;
  std::unique_ptr<CacheAside> cache_;
};

TEST_F(CacheAsideTest, ComputesOnceThenHits) {
  const std::string key = CacheKey("test", "summary", 1);
  int computed = 0;
  auto compute = [&]() -> absl::StatusOr<std::string> {
    ++computed;
    return std::string("value");
  };
  EXPECT_EQ(*cache_->GetOrCompute(key, kTtl, compute), "value");
  EXPECT_EQ(*cache_->GetOrCompute(key, kTtl, compute), "value");
  EXPECT_EQ(computed, 1);
  const CacheStats stats = cache_->stats();
  EXPECT_EQ(stats.misses, 1);
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.computations, 1);
  EXPECT_EQ(stats.redis_errors, 0);
  // Stored in Redis under the key, with the value computed.
  EXPECT_EQ(redis_->Get(key)->value_or(""), "value");
  // A new generation is a new key: computed again.
  EXPECT_EQ(*cache_->GetOrCompute(CacheKey("test", "summary", 2), kTtl, compute), "value");
  EXPECT_EQ(computed, 2);
}

TEST_F(CacheAsideTest, NearCopyAnswersWithoutRedis) {
  CacheAside near(redis_.get(), /*near_entries=*/8);
  const std::string key = CacheKey("test", "near", 1);
  int computed = 0;
  auto compute = [&]() -> absl::StatusOr<std::string> {
    ++computed;
    return std::string("value");
  };
  EXPECT_EQ(*near.GetOrCompute(key, kTtl, compute), "value");
  // Even with the Redis copy gone, the near copy answers: the key's value
  // cannot have changed, only a new generation could change it.
  ASSERT_TRUE(redis_->Delete(key).ok());
  EXPECT_EQ(*near.GetOrCompute(key, kTtl, compute), "value");
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(near.stats().near_hits, 1);
  EXPECT_EQ(near.stats().hits, 0);
  // Another process (another CacheAside) still shares through Redis.
  CacheAside other(redis_.get(), 8);
  EXPECT_EQ(*other.GetOrCompute(CacheKey("test", "near", 2), kTtl, compute), "value");
  EXPECT_EQ(*near.GetOrCompute(CacheKey("test", "near", 2), kTtl, compute), "value");
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(near.stats().hits, 1);
}

TEST_F(CacheAsideTest, ConcurrentMissesComputeOnce) {
  constexpr int kThreads = 16;
  const std::string key = CacheKey("test", "hot", 1);
  std::atomic<int> computed{0};
  std::atomic<int> ready{0};
  absl::Notification go;
  std::vector<absl::StatusOr<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      go.WaitForNotification();
      results[t] = cache_->GetOrCompute(key, kTtl, [&]() -> absl::StatusOr<std::string> {
        computed.fetch_add(1);
        // Slow, like a real aggregate query, so the other callers pile up.
        absl::SleepFor(absl::Milliseconds(200));
        return std::string("aggregate");
      });
    });
  }
  while (ready.load() < kThreads) absl::SleepFor(absl::Milliseconds(1));
  go.Notify();
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(computed.load(), 1);
  for (const absl::StatusOr<std::string>& result : results) {
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(*result, "aggregate");
  }
  const CacheStats stats = cache_->stats();
  EXPECT_EQ(stats.computations, 1);
  EXPECT_EQ(stats.hits + stats.misses + stats.shared, kThreads);
}

TEST_F(CacheAsideTest, ComputeErrorsReachEveryWaiterAndAreNotCached) {
  constexpr int kThreads = 8;
  const std::string key = CacheKey("test", "broken", 1);
  std::vector<absl::StatusOr<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      results[t] = cache_->GetOrCompute(key, kTtl, []() -> absl::StatusOr<std::string> {
        absl::SleepFor(absl::Milliseconds(100));
        return absl::DeadlineExceededError("store too slow");
      });
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::StatusOr<std::string>& result : results) {
    EXPECT_EQ(result.status().code(), absl::StatusCode::kDeadlineExceeded);
    EXPECT_EQ(result.status().message(), "store too slow");
  }
  // The next call computes again and succeeds.
  absl::StatusOr<std::string> value =
      cache_->GetOrCompute(key, kTtl, []() -> absl::StatusOr<std::string> { return std::string("ok"); });
  ASSERT_TRUE(value.ok()) << value.status();
  EXPECT_EQ(*value, "ok");
}

TEST_F(CacheAsideTest, RedisDownStillAnswersAndRecovers) {
  server_.Stop();
  constexpr int kCalls = 20;
  for (int i = 0; i < kCalls; ++i) {
    const std::string key = CacheKey("test", absl::StrCat("q", i % 3), 1);
    absl::StatusOr<std::string> value = cache_->GetOrCompute(
        key, kTtl, [&]() -> absl::StatusOr<std::string> { return absl::StrCat("computed-", i); });
    ASSERT_TRUE(value.ok()) << value.status();
    EXPECT_EQ(*value, absl::StrCat("computed-", i));  // never stale, never an error
  }
  CacheStats stats = cache_->stats();
  EXPECT_EQ(stats.computations, kCalls);
  EXPECT_GE(stats.redis_errors, kCalls);
  EXPECT_EQ(stats.hits, 0);

  // Back on the same port: values get cached again once the client reconnects.
  ASSERT_TRUE(server_.Start().ok());
  const std::string key = CacheKey("test", "after", 1);
  auto compute = []() -> absl::StatusOr<std::string> { return std::string("fresh"); };
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (cache_->stats().hits == 0 && absl::Now() < deadline) {
    EXPECT_EQ(*cache_->GetOrCompute(key, kTtl, compute), "fresh");
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_GT(cache_->stats().hits, 0);
}

TEST(CacheAsideWithoutRedisTest, AlwaysComputes) {
  CacheAside cache(nullptr);
  int computed = 0;
  auto compute = [&]() -> absl::StatusOr<std::string> { return absl::StrCat("v", ++computed); };
  EXPECT_EQ(*cache.GetOrCompute("k", kTtl, compute), "v1");
  EXPECT_EQ(*cache.GetOrCompute("k", kTtl, compute), "v2");
  EXPECT_EQ(cache.stats().redis_errors, 0);
  EXPECT_EQ(cache.stats().computations, 2);
}

}  // namespace
}  // namespace wp::cache
