// End to end: the notice board binary as a real process, against a real
// nats-server (JetStream), redis-server and store (a SQLite file or a
// PostgreSQL database: each test runs on both), all started here.
// It answers health checks, takes a notice from a caller with a token, shows
// it back, publishes notice.posted on its stream, refuses every RPC to the
// roles its policy leaves out, and exits 0 on SIGTERM.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "examples/notices/access_policy.h"
#include "examples/notices/events.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/nats_connection.h"
#include "libs/runtime/platform_policy.h"
#include "libs/testing/rpc_walk.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/event.pb.h"
#include "wp/examples/v1/notices.grpc.pb.h"

namespace wp::examples::notices {
namespace {

using bus::test_util::Eventually;

class NoticesServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  // [START test_setup]
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    wp::testing::ServiceOptions options;
    options.binary = WP_NOTICES_BIN;
    options.data_dir = wp::testing::MakeTempDir("wp-notices");
    // "" for SQLite under data_dir, or a fresh PostgreSQL store.
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), "notices");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    options.store_url = *store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<wp::testing::ServiceProcess>(options);
    absl::Status started = service_->Start();  // waits for SERVING
    ASSERT_TRUE(started.ok()) << started;
  }
  // [END test_setup]

  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  // [START test_consumer]
  // The notices of the notice.posted events, in stream order, up to and
  // including the one named `last`, as another service sees them: a durable
  // consumer of the service's stream.
  std::vector<v1::Notice> PostedUntil(const std::string& last) {
    auto connection = bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(nats_, "notices-test"));
    EXPECT_TRUE(connection.ok()) << connection.status();
    if (!connection.ok()) return {};
    bus::DurableConsumerOptions options;
    options.stream = bus::StreamNameFor(kServiceName);  // WP_NOTICES
    options.durable_name = "notices-test";
    std::mutex mu;
    std::vector<v1::Notice> posted;
    bool reached_last = false;
    bus::DurableConsumer consumer(**connection, options, [&](const wp::common::v1::Event& event) {
      v1::NoticePosted payload;
      EXPECT_EQ(event.type(), "wp.notices.notice.posted");
      EXPECT_TRUE(event.payload().UnpackTo(&payload));
      std::lock_guard<std::mutex> lock(mu);
      posted.push_back(payload.notice());
      reached_last = reached_last || payload.notice().name() == last;
      return absl::OkStatus();
    });
    EXPECT_TRUE(consumer.Start().ok());
    EXPECT_TRUE(Eventually([&] {
      std::lock_guard<std::mutex> lock(mu);
      return reached_last;
    })) << "no notice.posted event for " << last;
    consumer.Stop();
    return posted;
  }
  // [END test_consumer]

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
};

void Prepare(grpc::ClientContext* ctx, auth::Role role) {
  ctx->AddMetadata("authorization", wp::testing::TestBearer(role, "notices-test"));
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
}

TEST_P(NoticesServiceTest, PostsANoticeShowsItAndPublishesItsEvent) {
  // Health: the check every deployment and scripts/run uses.
  {
    auto health = grpc::health::v1::Health::NewStub(service_->channel());
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(health->Check(&ctx, request, &response).ok());
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  }
  auto stub = v1::NoticesService::NewStub(service_->channel());

  v1::PostNoticeRequest post;
  post.mutable_notice()->set_title("Staff meeting moved to Thursday");
  post.mutable_notice()->set_body("Room 4, 15:30.");
  post.set_request_id("post-1");
  v1::Notice posted;
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kOfficer);
    grpc::Status s = stub->PostNotice(&ctx, post, &posted);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  EXPECT_TRUE(posted.name().rfind("notices/", 0) == 0) << posted.name();
  EXPECT_EQ(posted.title(), "Staff meeting moved to Thursday");
  EXPECT_EQ(posted.posted_by(), "notices-test");
  // A retry of the same request changes nothing and answers the same.
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kOfficer);
    v1::Notice again;
    ASSERT_TRUE(stub->PostNotice(&ctx, post, &again).ok());
    EXPECT_EQ(again.name(), posted.name());
  }

  // A second notice: its event comes after any the retry could have written.
  v1::PostNoticeRequest second;
  second.mutable_notice()->set_title("Library closed on Friday");
  second.set_request_id("post-2");
  v1::Notice posted_second;
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kOfficer);
    ASSERT_TRUE(stub->PostNotice(&ctx, second, &posted_second).ok());
  }

  v1::Notice got;
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAnalyst);
    v1::GetNoticeRequest get;
    get.set_name(posted.name());
    grpc::Status s = stub->GetNotice(&ctx, get, &got);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  EXPECT_EQ(got.SerializeAsString(), posted.SerializeAsString());

  // [START test_event]
  // One event per notice, in order: the retry published nothing.
  std::vector<v1::Notice> events = PostedUntil(posted_second.name());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].SerializeAsString(), posted.SerializeAsString());
  EXPECT_EQ(events[1].SerializeAsString(), posted_second.SerializeAsString());

  EXPECT_EQ(service_->Stop(), 0);  // SIGTERM: drains and exits 0
  service_.reset();
  // [END test_event]
}

TEST_P(NoticesServiceTest, BadRequestsNameTheField) {
  auto stub = v1::NoticesService::NewStub(service_->channel());
  grpc::ClientContext ctx;
  Prepare(&ctx, auth::Role::kOfficer);
  v1::PostNoticeRequest post;
  post.mutable_notice()->set_title(std::string(201, 'x'));  // over the proto's max_bytes
  v1::Notice posted;
  grpc::Status s = stub->PostNotice(&ctx, post, &posted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("notice.title"), std::string::npos) << s.error_message();

  grpc::ClientContext get_ctx;
  Prepare(&get_ctx, auth::Role::kOfficer);
  v1::GetNoticeRequest get;
  get.set_name("notices/none");
  EXPECT_EQ(stub->GetNotice(&get_ctx, get, &posted).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(NoticesServiceTest, EveryRpcIsInThePolicyAndEnforced) {
  // The service's own RPCs and those the runtime serves in every service.
  std::vector<std::string> methods = wp::testing::AllMethods({"wp.examples.v1.NoticesService"});
  for (const auto& [method, roles] : runtime::PlatformPolicy()) methods.push_back(method);
  const authz::RoleTable table = runtime::ServicePolicy(AccessPolicy());
  EXPECT_EQ(table.size(), methods.size()) << "the policy names an RPC that does not exist";
  for (const std::string& method : methods) {
    ASSERT_EQ(table.count(method), 1u) << method << " is missing from the access policy";
    EXPECT_EQ(wp::testing::CallRaw(service_->channel(), method, "").error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << method;
    for (auth::Role role : auth::AllRoles()) {
      const std::vector<std::string> authorities =
          role == auth::Role::kAuthorityOfficer ? std::vector<std::string>{"GCC"} : std::vector<std::string>{};
      grpc::Status s = wp::testing::CallRaw(service_->channel(), method,
                                            wp::testing::TestBearer(role, "walker", authorities));
      if (table.at(method).count(role) == 1) {
        EXPECT_NE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role) << " " << method;
      } else {
        EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role) << " " << method;
      }
    }
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(NoticesServiceTest);

}  // namespace
}  // namespace wp::examples::notices
