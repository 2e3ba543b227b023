#include "libs/cache/redis_client.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"

namespace wp::cache {
namespace {

// Polls `condition` until it holds or `timeout` passes (never a timing
// assertion: only a bound so a broken build fails instead of hanging).
template <typename Condition>
bool Eventually(Condition condition, absl::Duration timeout = absl::Seconds(5)) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return condition();
}

RedisOptions OptionsFor(int port) {
  RedisOptions options;
  options.port = port;
  return options;
}

class RedisClientTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.Start().ok()); }

  wp::testing::RedisServer server_;
};

TEST_F(RedisClientTest, GetSetDeleteRoundTrip) {
  RedisClient client(OptionsFor(server_.port()));
  ASSERT_TRUE(client.Ping().ok());

  absl::StatusOr<std::optional<std::string>> missing = client.Get("absent");
  ASSERT_TRUE(missing.ok()) << missing.status();
  EXPECT_FALSE(missing->has_value());

  // Binary-safe: spaces and a NUL byte survive.
  const std::string value("two words\0and more", 18);
  ASSERT_TRUE(client.Set("key with space", value, absl::Minutes(5)).ok());
  absl::StatusOr<std::optional<std::string>> got = client.Get("key with space");
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, value);

  ASSERT_TRUE(client.Delete("key with space").ok());
  ASSERT_TRUE(client.Delete("key with space").ok());  // already gone: fine
  got = client.Get("key with space");
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
}

TEST_F(RedisClientTest, IncrCountsAndRejectsNonIntegers) {
  RedisClient client(OptionsFor(server_.port()));
  EXPECT_EQ(*client.Incr("counter"), 1);
  EXPECT_EQ(*client.Incr("counter"), 2);
  EXPECT_EQ(*client.Incr("counter"), 3);

  ASSERT_TRUE(client.Set("text", "abc", absl::Minutes(1)).ok());
  absl::StatusOr<int64_t> bad = client.Incr("text");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.status().code(), absl::StatusCode::kUnavailable);
  // An error reply is not an outage: the connection keeps working.
  EXPECT_TRUE(client.Ping().ok());
}

TEST_F(RedisClientTest, TtlExpiresKeys) {
  RedisClient client(OptionsFor(server_.port()));
  ASSERT_TRUE(client.Set("short", "v", absl::Milliseconds(100)).ok());
  ASSERT_TRUE(client.Set("long", "v", absl::Minutes(5)).ok());
  ASSERT_TRUE(client.Set("forever", "v", absl::InfiniteDuration()).ok());
  EXPECT_EQ(client.Set("bad", "v", absl::ZeroDuration()).code(), absl::StatusCode::kInvalidArgument);

  EXPECT_TRUE(Eventually([&] {
    absl::StatusOr<std::optional<std::string>> got = client.Get("short");
    return got.ok() && !got->has_value();
  }));
  EXPECT_TRUE(client.Get("long")->has_value());
  EXPECT_TRUE(client.Get("forever")->has_value());
}

TEST_F(RedisClientTest, SharedByManyThreads) {
  RedisOptions options = OptionsFor(server_.port());
  options.pool_size = 3;  // fewer connections than threads
  RedisClient client(options);
  constexpr int kThreads = 8;
  constexpr int kIncrements = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        if (!client.Incr("shared").ok()) failures.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*client.Incr("shared"), kThreads * kIncrements + 1);
}

TEST_F(RedisClientTest, FailsFastWhileDownAndReconnectsWhenBack) {
  RedisClient client(OptionsFor(server_.port()));
  std::atomic<int> reconnects{0};
  client.SetReconnectCallback([&] { reconnects.fetch_add(1); });
  ASSERT_TRUE(client.Set("before", "v", absl::Minutes(5)).ok());
  EXPECT_EQ(reconnects.load(), 0);  // the first connection is not a reconnect

  server_.Stop();
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(client.Ping().code(), absl::StatusCode::kUnavailable);
    EXPECT_EQ(client.Get("before").status().code(), absl::StatusCode::kUnavailable);
  }
  EXPECT_EQ(reconnects.load(), 0);

  ASSERT_TRUE(server_.Start().ok());  // same port, empty data
  EXPECT_TRUE(Eventually([&] { return client.Ping().ok(); }));
  EXPECT_EQ(reconnects.load(), 1);
  absl::StatusOr<std::optional<std::string>> got = client.Get("before");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_FALSE(got->has_value());
  EXPECT_EQ(reconnects.load(), 1);  // once per outage
}

TEST(RedisClientStartupTest, UnreachableAtStartThenUp) {
  wp::testing::RedisServer server;  // port chosen, not started yet
  RedisClient client(OptionsFor(server.port()));
  std::atomic<int> reconnects{0};
  client.SetReconnectCallback([&] { reconnects.fetch_add(1); });
  EXPECT_EQ(client.Ping().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(client.Incr("n").status().code(), absl::StatusCode::kUnavailable);

  ASSERT_TRUE(server.Start().ok());
  EXPECT_TRUE(Eventually([&] { return client.Ping().ok(); }));
  // Invalidations may have been missed while it was unreachable.
  EXPECT_EQ(reconnects.load(), 1);
}

TEST(RedisClientStartupTest, SilentServerTimesOutInsteadOfHanging) {
  // Accepts connections (kernel backlog) but never answers.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::listen(fd, 16), 0);
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);

  RedisClient client(OptionsFor(ntohs(addr.sin_port)));
  EXPECT_EQ(client.Ping().code(), absl::StatusCode::kUnavailable);
  // Later calls fail fast until the reconnect interval passes.
  EXPECT_EQ(client.Set("k", "v", absl::Minutes(1)).code(), absl::StatusCode::kUnavailable);
  // Accepting connections without answering is not "back".
  std::atomic<int> reconnects{0};
  client.SetReconnectCallback([&] { reconnects.fetch_add(1); });
  absl::SleepFor(absl::Milliseconds(600));  // let one reconnect attempt happen
  EXPECT_EQ(client.Ping().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(reconnects.load(), 0);
  ::close(fd);
}

TEST(RedisClientAuthTest, SendsPasswordAndNeverReportsIt) {
  const int port = wp::testing::FreePort();
  wp::testing::ServerProcess server({WP_REDIS_SERVER_BIN, "--port", std::to_string(port), "--bind",
                                     "127.0.0.1", "--save", "", "--appendonly", "no",
                                     "--requirepass", "right-pass", "--loglevel", "warning"});
  ASSERT_TRUE(server.Start().ok());
  ASSERT_TRUE(wp::testing::WaitForPort(port, absl::Seconds(15)));

  RedisOptions good = OptionsFor(port);
  good.password = "right-pass";
  RedisClient authed(good);
  EXPECT_TRUE(authed.Ping().ok());

  RedisOptions bad = OptionsFor(port);
  bad.password = "wrong-pass";
  RedisClient refused(bad);
  absl::Status status = refused.Ping();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message().find("wrong-pass"), absl::string_view::npos) << status;

  RedisClient anonymous(OptionsFor(port));
  EXPECT_FALSE(anonymous.Ping().ok());
  server.Stop();
}

}  // namespace
}  // namespace wp::cache
