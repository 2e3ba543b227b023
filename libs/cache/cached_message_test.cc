#include "libs/cache/cached_message.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/cache/cache_key.h"
#include "libs/testing/server_process.h"

namespace wp::cache {
namespace {

using google::protobuf::StringValue;

constexpr absl::Duration kTtl = absl::Minutes(5);

StringValue Text(const std::string& text) {
  StringValue value;
  value.set_value(text);
  return value;
}

class CachedMessageTest : public ::testing::Test {
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

TEST_F(CachedMessageTest, StoresTheSerializedMessageAndReadsItBack) {
  const std::string key = CacheKey("test", "message", 1);
  int computed = 0;
  auto compute = [&]() -> absl::StatusOr<StringValue> {
    ++computed;
    return Text("report");
  };
  EXPECT_EQ(CachedMessage<StringValue>(cache_.get(), key, kTtl, compute)->value(), "report");
  EXPECT_EQ(CachedMessage<StringValue>(cache_.get(), key, kTtl, compute)->value(), "report");
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(redis_->Get(key)->value_or(""), Text("report").SerializeAsString());
}

TEST_F(CachedMessageTest, ADamagedEntryIsComputedAfresh) {
  const std::string key = CacheKey("test", "damaged", 1);
  ASSERT_TRUE(redis_->Set(key, "\xff\xff not a message", kTtl).ok());
  int computed = 0;
  absl::StatusOr<StringValue> got = CachedMessage<StringValue>(cache_.get(), key, kTtl, [&] {
    ++computed;
    return absl::StatusOr<StringValue>(Text("fresh"));
  });
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->value(), "fresh");
  EXPECT_EQ(computed, 1);
}

TEST_F(CachedMessageTest, ErrorsAreReturnedAndNotCached) {
  const std::string key = CacheKey("test", "error", 1);
  absl::StatusOr<StringValue> failed = CachedMessage<StringValue>(
      cache_.get(), key, kTtl, [] { return absl::StatusOr<StringValue>(absl::NotFoundError("no such plan")); });
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(redis_->Get(key)->has_value());
}

TEST(CachedMessageWithoutCache, Computes) {
  absl::StatusOr<StringValue> got = CachedMessage<StringValue>(
      nullptr, "any", kTtl, [] { return absl::StatusOr<StringValue>(Text("computed")); });
  EXPECT_EQ(got->value(), "computed");
}

}  // namespace
}  // namespace wp::cache
