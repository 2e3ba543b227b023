// NatsConnection and Publisher against a real nats-server.
#include "libs/bus/publisher.h"

#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/testing/server_process.h"

namespace wp::bus {
namespace {

using test_util::Eventually;
using test_util::kPatience;

const char kStream[] = "WP_PUBTEST";
const char kSubjects[] = "wp.pubtest.>";

class PublisherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    auto conn = NatsConnection::Connect(test_util::TestNatsOptions(server_, "publisher-test"));
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    ASSERT_TRUE(conn_->WaitUntilConnected(kPatience).ok());
    ASSERT_TRUE(conn_->EnsureStream(kStream, {kSubjects}).ok());
  }

  wp::testing::NatsServer server_;
  std::unique_ptr<NatsConnection> conn_;
};

TEST_F(PublisherTest, DuplicateMsgIdIsStoredOnce) {
  Publisher publisher(*conn_);
  absl::StatusOr<PubAck> a = publisher.Publish("wp.pubtest.thing.created", "id-1", "one");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->stream, kStream);
  EXPECT_FALSE(a->duplicate);

  absl::StatusOr<PubAck> again = publisher.Publish("wp.pubtest.thing.created", "id-1", "one");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->sequence, a->sequence);

  absl::StatusOr<PubAck> other = publisher.Publish("wp.pubtest.thing.created", "id-2", "two");
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_FALSE(other->duplicate);

  absl::StatusOr<std::vector<test_util::StoredMessage>> stored =
      test_util::ReadStream(*conn_, kStream);
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0].msg_id, "id-1");
  EXPECT_EQ((*stored)[0].data, "one");
  EXPECT_EQ((*stored)[1].msg_id, "id-2");
  EXPECT_EQ((*stored)[1].subject, "wp.pubtest.thing.created");
}

TEST_F(PublisherTest, HeadersTravelWithTheMessage) {
  Publisher publisher(*conn_);
  const std::string tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  absl::StatusOr<PubAck> a = publisher.Publish("wp.pubtest.thing.created", "id-h", "with headers",
                                               absl::Seconds(5), {{"traceparent", tp}});
  ASSERT_TRUE(a.ok()) << a.status();
  absl::StatusOr<std::vector<test_util::StoredMessage>> stored =
      test_util::ReadStream(*conn_, kStream);
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].traceparent, tp);
  EXPECT_EQ((*stored)[0].msg_id, "id-h");  // still deduplicated by id
  EXPECT_EQ((*stored)[0].data, "with headers");

  for (const MessageHeaders& bad : {MessageHeaders{{"traceparent", "a\r\nInjected: 1"}},
                                    MessageHeaders{{"", "x"}},
                                    MessageHeaders{{"bad\nkey", "x"}}}) {
    EXPECT_EQ(publisher.Publish("wp.pubtest.thing.created", "id-bad", "x", absl::Seconds(5), bad)
                  .status()
                  .code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST_F(PublisherTest, NoStreamForSubjectIsRetryable) {
  Publisher publisher(*conn_);
  absl::StatusOr<PubAck> a =
      publisher.Publish("nobody.listens.here", "id-1", "x", absl::Seconds(2));
  EXPECT_EQ(a.status().code(), absl::StatusCode::kUnavailable) << a.status();
}

TEST_F(PublisherTest, ServerDownIsRetryableAndRecovers) {
  Publisher publisher(*conn_);
  server_.Stop();
  absl::StatusOr<PubAck> down =
      publisher.Publish("wp.pubtest.thing.created", "id-1", "x", absl::Milliseconds(300));
  EXPECT_EQ(down.status().code(), absl::StatusCode::kUnavailable) << down.status();

  ASSERT_TRUE(server_.Restart().ok());
  absl::Status last;
  EXPECT_TRUE(Eventually([&] {
    last = publisher.Publish("wp.pubtest.thing.created", "id-2", "y", absl::Seconds(1)).status();
    return last.ok();
  })) << last;
}

TEST_F(PublisherTest, RejectsBadArguments) {
  Publisher publisher(*conn_);
  EXPECT_EQ(publisher.Publish("", "id", "x").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(publisher.Publish("wp.pubtest.a.b", "", "x").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PublisherTest, EnsureStreamIsIdempotent) {
  EXPECT_TRUE(conn_->EnsureStream(kStream, {kSubjects}).ok());
  // Another configuration for an existing name: kept as it is, not an error.
  EXPECT_TRUE(conn_->EnsureStream(kStream, {"wp.pubtest.other.>"}).ok());
  EXPECT_EQ(conn_->EnsureStream("", {kSubjects}).code(), absl::StatusCode::kInvalidArgument);
}

TEST(NatsConnectionTest, StartsBeforeTheServerAndConnectsLater) {
  wp::testing::NatsServer server;  // not started yet
  auto conn = NatsConnection::Connect(test_util::TestNatsOptions(server, "early-bird"));
  ASSERT_TRUE(conn.ok()) << conn.status();
  EXPECT_FALSE((*conn)->IsConnected());
  EXPECT_EQ((*conn)->EnsureStream(kStream, {kSubjects}).code(), absl::StatusCode::kUnavailable);

  ASSERT_TRUE(server.Start().ok());
  ASSERT_TRUE((*conn)->WaitUntilConnected(kPatience).ok());
  absl::Status ensured;
  ASSERT_TRUE(Eventually([&] {
    return (ensured = (*conn)->EnsureStream(kStream, {kSubjects})).ok();
  })) << ensured;
  Publisher publisher(**conn);
  absl::StatusOr<PubAck> a = publisher.Publish("wp.pubtest.x.created", "id-1", "x");
  EXPECT_TRUE(a.ok()) << a.status();
}

TEST(NatsConnectionTest, RejectsBadOptions) {
  NatsOptions o;
  o.url = "";
  EXPECT_EQ(NatsConnection::Connect(o).status().code(), absl::StatusCode::kInvalidArgument);
  o.url = "nats://127.0.0.1:1";
  o.user = "u";
  o.token = "t";
  EXPECT_EQ(NatsConnection::Connect(o).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::bus
