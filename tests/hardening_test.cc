// What any client may send the services, however large or malformed, gets a
// prompt, clear and bounded answer, and no answer shows internal detail.
// Runs the real workstreams and governance binaries (with nats-server and
// redis-server, on each store engine) and calls them as a client would, with
// short deadlines: an answer too big for the client's trailers used to reset
// the stream and leave the client waiting for its deadline.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "libs/auth/token_minter.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/audit.grpc.pb.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using auth::Role;
using wp::testing::TestBearer;
namespace ws = wp::workstreams::v1;
namespace gov = wp::governance::v1;

// Every answer here must come well inside this.
constexpr auto kDeadline = std::chrono::seconds(5);

class HardeningTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  static void SetUpTestSuite() {
    nats_ = new wp::testing::NatsServer();
    redis_ = new wp::testing::RedisServer();
    ASSERT_TRUE(nats_->Start().ok());
    ASSERT_TRUE(redis_->Start().ok());
  }

  // The services are shared by the tests of one engine: started for its
  // first test (ctest runs one engine per process, so only once).
  void SetUp() override {
    if (workstreams_ != nullptr && governance_ != nullptr && engine_ == GetParam()) return;
    StopServices();
    engine_ = GetParam();
    seeded_ = false;
    workstreams_ = StartService(WP_WORKSTREAMS_BIN, "wp-hardening-workstreams", "hardening_workstreams");
    governance_ = StartService(WP_GOVERNANCE_BIN, "wp-hardening-governance", "hardening_governance");
    ASSERT_NE(workstreams_, nullptr);
    ASSERT_NE(governance_, nullptr);
  }

  static void StopServices() {
    for (wp::testing::ServiceProcess* service : {workstreams_, governance_}) {
      if (service) service->Stop();
      delete service;
    }
    workstreams_ = governance_ = nullptr;
  }

  static void TearDownTestSuite() {
    StopServices();
    redis_->Stop();
    nats_->Stop();
    delete redis_;
    delete nats_;
  }

  wp::testing::ServiceProcess* StartService(const std::string& binary, const std::string& dir,
                                            const std::string& store_name) {
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), store_name);
    EXPECT_TRUE(store_url.ok()) << store_url.status();
    if (!store_url.ok()) return nullptr;
    wp::testing::ServiceOptions options;
    options.binary = binary;
    options.data_dir = wp::testing::MakeTempDir(dir);
    options.store_url = *store_url;
    options.nats_url = nats_->url();
    options.redis_url = redis_->url();
    auto* service = new wp::testing::ServiceProcess(std::move(options));
    absl::Status s = service->Start();
    EXPECT_TRUE(s.ok()) << s;
    if (s.ok()) return service;
    delete service;
    return nullptr;
  }

  static void Prepare(grpc::ClientContext* ctx, const std::string& bearer) {
    if (!bearer.empty()) ctx->AddMetadata("authorization", bearer);
    ctx->set_deadline(std::chrono::system_clock::now() + kDeadline);
  }

  static std::string Officer() { return TestBearer(Role::kOfficer, "hardening-test"); }

  // A validly signed token whose subject pads it to about `bytes`.
  static std::string BearerOfSize(size_t bytes) {
    auth::MintOptions options;
    options.issuer = wp::testing::kTestIssuer;
    options.audience = wp::testing::kTestAudience;
    options.subject = "x";
    options.role = Role::kBoard;
    options.ttl = absl::Hours(1);
    options.hs256_secret = wp::testing::kTestJwtSecret;
    std::string token = *auth::MintToken(options, absl::Now());
    // Base64 makes 4 characters of 3 bytes.
    options.subject = std::string((bytes - token.size()) * 3 / 4, 's');
    return "Bearer " + *auth::MintToken(options, absl::Now());
  }

  // Once per pair of services (seeded_).
  static void CreateWorkstreamAndItem() {
    if (seeded_) return;
    auto stub = ws::WorkstreamsService::NewStub(workstreams_->channel());
    {
      grpc::ClientContext ctx;
      Prepare(&ctx, Officer());
      ws::CreateWorkstreamRequest request;
      request.mutable_workstream()->set_plan_period("2022-23");
      request.mutable_workstream()->set_number(3);
      request.mutable_workstream()->set_title("Workstream 3");
      ws::Workstream created;
      ASSERT_TRUE(stub->CreateWorkstream(&ctx, request, &created).ok());
    }
    {
      grpc::ClientContext ctx;
      Prepare(&ctx, Officer());
      ws::CreatePlanItemRequest request;
      request.mutable_plan_item()->set_plan_period("2022-23");
      request.mutable_plan_item()->set_ref("3.1");
      request.mutable_plan_item()->set_task("Task 3.1");
      request.mutable_plan_item()->set_status(ws::NOT_STARTED);
      ws::PlanItem created;
      grpc::Status s = stub->CreatePlanItem(&ctx, request, &created);
      ASSERT_TRUE(s.ok()) << s.error_message();
    }
    {
      grpc::ClientContext ctx;
      Prepare(&ctx, Officer());
      ws::CreateNetworkRequest request;
      request.set_network_id("maths-leads");
      request.mutable_network()->set_title("Maths leads");
      request.mutable_network()->set_kind(ws::SPECIALIST_NETWORK);
      request.mutable_network()->set_owning_workstream("planPeriods/2022-23/workstreams/3");
      ws::Network created;
      grpc::Status s = ws::NetworksService::NewStub(workstreams_->channel())->CreateNetwork(&ctx, request, &created);
      ASSERT_TRUE(s.ok()) << s.error_message();
    }
    seeded_ = true;
  }

  static grpc::Status SetCoordinator(const std::string& bearer, const std::string& authority) {
    auto stub = ws::NetworksService::NewStub(workstreams_->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx, bearer);
    ws::SetCoordinatorRequest request;
    request.set_name("networks/maths-leads");
    request.mutable_coordinator()->set_authority(authority);
    request.mutable_coordinator()->set_person("New Person");
    ws::Network network;
    return stub->SetCoordinator(&ctx, request, &network);
  }

  static grpc::Status ListNetworks(const std::string& bearer, std::vector<std::string> extra = {}) {
    auto stub = ws::NetworksService::NewStub(workstreams_->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx, bearer);
    for (size_t i = 0; i + 1 < extra.size(); i += 2) ctx.AddMetadata(extra[i], extra[i + 1]);
    ws::ListNetworksRequest request;
    ws::ListNetworksResponse response;
    return stub->ListNetworks(&ctx, request, &response);
  }

  // Sends `bytes` as the request message of `method`, as a broken client would.
  static grpc::Status SendRaw(wp::testing::ServiceProcess* service, const std::string& method,
                              const std::string& bytes, const std::string& bearer) {
    grpc::GenericStub stub(service->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx, bearer);
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    grpc::Status result;
    stub.UnaryCall(&ctx, method, grpc::StubOptions(), &request, &response, [&](grpc::Status s) {
      std::lock_guard<std::mutex> lock(mu);
      result = std::move(s);
      done = true;
      cv.notify_one();
    });
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done; });
    return result;
  }

  static std::string Log(const wp::testing::ServiceProcess& service) {
    return wp::testing::ReadFileOrEmpty(service.log_path());
  }

  static wp::testing::NatsServer* nats_;
  static wp::testing::RedisServer* redis_;
  static wp::testing::ServiceProcess* workstreams_;
  static wp::testing::ServiceProcess* governance_;
  static wp::testing::Engine engine_;  // of the running services
  static bool seeded_;                 // CreateWorkstreamAndItem ran on them
};

wp::testing::NatsServer* HardeningTest::nats_ = nullptr;
wp::testing::RedisServer* HardeningTest::redis_ = nullptr;
wp::testing::ServiceProcess* HardeningTest::workstreams_ = nullptr;
wp::testing::ServiceProcess* HardeningTest::governance_ = nullptr;
wp::testing::Engine HardeningTest::engine_ = wp::testing::Engine::kSqlite;
bool HardeningTest::seeded_ = false;

// (5) A filter SQLite cannot run used to come back as INTERNAL with the SQL
// error's text.
TEST_P(HardeningTest, ServerFaultsShowAReferenceNotTheirText) {
  CreateWorkstreamAndItem();
  auto stub = ws::WorkstreamsService::NewStub(workstreams_->channel());
  grpc::ClientContext ctx;
  Prepare(&ctx, Officer());
  ws::ListPlanItemsRequest request;
  request.set_plan_period("2022-23");
  request.set_lead(std::string(60000, 'a'));
  ws::ListPlanItemsResponse response;
  grpc::Status s = stub->ListPlanItems(&ctx, request, &response);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error_message(), Not(HasSubstr("LIKE")));
  EXPECT_THAT(s.error_message(), Not(HasSubstr("GLOB")));
  EXPECT_THAT(s.error_message(), Not(HasSubstr("SELECT")));
  EXPECT_LE(s.error_message().size(), 1024u);
  if (s.error_code() == grpc::StatusCode::INTERNAL) {
    EXPECT_THAT(s.error_message(), MatchesRegex("internal error \\(ref [0-9a-f]{16}\\)"));
    const std::string ref = s.error_message().substr(s.error_message().size() - 17, 16);
    const std::string log = Log(*workstreams_);
    const size_t at = log.find("ref=" + ref);
    ASSERT_NE(at, std::string::npos) << "the reference must lead an operator to the error";
    const size_t line_start = log.rfind('\n', at) + 1;
    const std::string line = log.substr(line_start, log.find('\n', at) - line_start);
    EXPECT_THAT(line, HasSubstr("level=error"));
    EXPECT_THAT(line, HasSubstr("pattern too complex"));
  }
}

// (6) Hundreds of violations, each naming its field, made an error too big to send.
TEST_P(HardeningTest, AHugeListOfBadLinesGetsAPromptBoundedAnswer) {
  auto stub = gov::GovernanceService::NewStub(governance_->channel());
  grpc::ClientContext ctx;
  Prepare(&ctx, Officer());
  gov::RecordMeetingHeldRequest request;
  request.set_name("bodies/board/meetings/1");
  // As many names as the proto allows, each breaking the single-line rule
  // (a longer list is refused whole by the declared limit). The answer must
  // come before the call's deadline, not as DEADLINE_EXCEEDED.
  for (int i = 0; i < 200; ++i) request.mutable_attendance()->add_others_present("a\nguest!!");
  gov::Meeting meeting;
  grpc::Status s = stub->RecordMeetingHeld(&ctx, request, &meeting);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_THAT(s.error_message(), HasSubstr("attendance.others_present[0]"));
  EXPECT_THAT(s.error_message(), HasSubstr("more"));
  EXPECT_LE(s.error_message().size(), 1024u);
  EXPECT_LT(s.error_details().size(), 4096u);
}

TEST_P(HardeningTest, OneHugeFieldGetsAPromptBoundedAnswer) {
  auto stub = gov::GovernanceService::NewStub(governance_->channel());
  grpc::ClientContext ctx;
  Prepare(&ctx, Officer());
  gov::RecordMeetingHeldRequest request;
  request.set_name("bodies/board/meetings/1");
  request.mutable_attendance()->add_others_present(std::string(400 * 1024, 'g') + "\n");
  gov::Meeting meeting;
  grpc::Status s = stub->RecordMeetingHeld(&ctx, request, &meeting);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_LE(s.error_message().size(), 1024u);
}

// (6, 9) SetCoordinator echoed the authority into its refusal.
TEST_P(HardeningTest, AHugeAuthorityIsInvalidForEveryCaller) {
  CreateWorkstreamAndItem();
  const std::string huge(100 * 1024, 'G');
  for (const std::string& bearer : {Officer(), TestBearer(Role::kAuthorityOfficer, "gcc.officer", {"GCC"})}) {
    grpc::Status s = SetCoordinator(bearer, huge);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
    EXPECT_THAT(s.error_message(), HasSubstr("coordinator.authority"));
    EXPECT_LE(s.error_message().size(), 1024u);
  }
  // A NUL in the code is escaped in the log, never written raw.
  grpc::Status s = SetCoordinator(Officer(), std::string("GC\0C", 4));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Log(*workstreams_).find('\0'), std::string::npos);
}

// (9) The refusal of an authority officer acting for another authority says why.
TEST_P(HardeningTest, AnAuthorityOfficersRefusalSaysWhy) {
  CreateWorkstreamAndItem();
  const std::string glasgow = TestBearer(Role::kAuthorityOfficer, "gcc.officer", {"GCC"});
  grpc::Status s = SetCoordinator(glasgow, "SLC");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("may not set the coordinator for SLC"));
  // An authority typed in Latin-1 is not UTF-8, so the service cannot decode
  // the request; gRPC answered that with INTERNAL and an empty message.
  grpc::Status latin1 = SetCoordinator(glasgow, "GC\xC9");
  EXPECT_EQ(latin1.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(latin1.error_message(), HasSubstr("invalid UTF-8"));
}

// (9) docs/security.md promises tokens up to 16 KiB.
TEST_P(HardeningTest, ASixteenKibTokenIsAccepted) {
  const std::string bearer = BearerOfSize(16 * 1024 - 64);
  ASSERT_GT(bearer.size(), 15u * 1024);
  grpc::Status s = ListNetworks(bearer);
  EXPECT_TRUE(s.ok()) << s.error_code() << ": " << s.error_message();
}

TEST_P(HardeningTest, ALargerTokenIsUnauthenticatedWithAClearMessage) {
  const std::string bearer = BearerOfSize(24 * 1024);
  grpc::Status s = ListNetworks(bearer);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << s.error_message();
  EXPECT_THAT(s.error_message(), HasSubstr("at most 16384"));
}

TEST_P(HardeningTest, TwoAuthorizationEntriesAreRefused) {
  grpc::Status s = ListNetworks(Officer(), {"authorization", Officer()});
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(s.error_message(), HasSubstr("exactly one"));
  // One entry still works.
  EXPECT_TRUE(ListNetworks(Officer()).ok());
}

// (9) x-request-id is stored as the audit trace id: only a short plain id is kept.
TEST_P(HardeningTest, AnUnusableRequestIdIsReplaced) {
  auto networks = ws::NetworksService::NewStub(workstreams_->channel());
  auto create = [&](const std::string& id, const std::string& request_id) {
    CreateWorkstreamAndItem();
    grpc::ClientContext ctx;
    Prepare(&ctx, Officer());
    ctx.AddMetadata("x-request-id", request_id);
    ws::CreateNetworkRequest request;
    request.set_network_id(id);
    request.mutable_network()->set_title("Network " + id);
    request.mutable_network()->set_kind(ws::SPECIALIST_NETWORK);
    request.mutable_network()->set_owning_workstream("planPeriods/2022-23/workstreams/3");
    ws::Network created;
    grpc::Status s = networks->CreateNetwork(&ctx, request, &created);
    EXPECT_TRUE(s.ok()) << s.error_message();
  };
  auto trace_of = [&](const std::string& id) {
    auto audit = wp::common::v1::AuditService::NewStub(workstreams_->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx, TestBearer(Role::kAdmin, "auditor"));
    wp::common::v1::ListAuditRecordsRequest request;
    request.set_resource("networks/" + id);
    wp::common::v1::ListAuditRecordsResponse response;
    grpc::Status s = audit->ListAuditRecords(&ctx, request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return response.records_size() == 1 ? response.records(0).trace_id() : std::string("?");
  };
  create("kept-id", "client-trace-0001");
  EXPECT_EQ(trace_of("kept-id"), "client-trace-0001");
  const std::string long_id(10 * 1024, 'r');
  create("long-id", long_id);
  const std::string stored = trace_of("long-id");
  EXPECT_NE(stored, long_id);
  EXPECT_LE(stored.size(), 128u);
  create("spaced-id", "two words");
  EXPECT_NE(trace_of("spaced-id"), "two words");
}

// (10) Bytes that are not the request message.
TEST_P(HardeningTest, UndecodableRequestsAreInvalidArgument) {
  const std::string truncated("\x0a\xff\x01", 3);              // field 1, 255 bytes promised, 1 sent
  const std::string bad_utf8("\x0a\x03\x61\xc3\x28", 5);       // field 1 (a string) "a\xc3("
  const std::vector<std::pair<wp::testing::ServiceProcess*, std::string>> methods = {
      {workstreams_, "/wp.workstreams.v1.NetworksService/GetNetwork"},           // synchronous API
      {workstreams_, "/wp.workstreams.v1.WorkstreamsService/GetTrackerSummary"},  // callback API
      {governance_, "/wp.governance.v1.PlansService/GetBudgetSummary"},           // callback API
  };
  for (const auto& [service, method] : methods) {
    for (const std::string& bytes : {truncated, bad_utf8}) {
      grpc::Status s = SendRaw(service, method, bytes, Officer());
      EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << method << ": " << s.error_message();
      EXPECT_THAT(s.error_message(), HasSubstr("could not be decoded")) << method;
      // Authentication comes first.
      grpc::Status anonymous = SendRaw(service, method, bytes, "");
      EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
    }
  }
  // protobuf's complaint is a line in the project's format, not a raw libprotobuf line.
  for (wp::testing::ServiceProcess* service : {workstreams_, governance_}) {
    bool seen = false;
    for (absl::string_view line : absl::StrSplit(Log(*service), '\n')) {
      if (!absl::StrContains(line, "contains invalid UTF-8 data")) continue;
      seen = true;
      EXPECT_TRUE(absl::StartsWith(line, "ts=")) << line;
      EXPECT_THAT(std::string(line), HasSubstr(" msg=protobuf "));
    }
    EXPECT_TRUE(seen);
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(HardeningTest);

}  // namespace
}  // namespace wp
