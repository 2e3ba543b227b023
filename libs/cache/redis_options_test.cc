#include "libs/cache/redis_options.h"

#include "gtest/gtest.h"

namespace wp::cache {
namespace {

TEST(ParseRedisUrlTest, HostAndPort) {
  absl::StatusOr<RedisOptions> options = ParseRedisUrl("redis://cache.internal:6380");
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->host, "cache.internal");
  EXPECT_EQ(options->port, 6380);
  EXPECT_TRUE(options->password.empty());
}

TEST(ParseRedisUrlTest, DefaultPortPasswordAndDatabaseZero) {
  absl::StatusOr<RedisOptions> options = ParseRedisUrl("redis://:s3cr:et@127.0.0.1/0");
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->host, "127.0.0.1");
  EXPECT_EQ(options->port, 6379);
  EXPECT_EQ(options->password, "s3cr:et");
}

TEST(ParseRedisUrlTest, RejectsWhatItCannotHonour) {
  EXPECT_FALSE(ParseRedisUrl("http://localhost:6379").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://localhost:http").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://localhost:6379/2").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://user:pw@localhost").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://:6379").ok());
}

TEST(ParseRedisUrlTest, ErrorsDoNotEchoThePassword) {
  absl::StatusOr<RedisOptions> options = ParseRedisUrl("redis://:hunter2@localhost:99999");
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().message().find("hunter2"), absl::string_view::npos);
}

}  // namespace
}  // namespace wp::cache
