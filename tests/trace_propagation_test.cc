// One trace followed end to end, across two service binaries and the bus,
// all real (nats-server with JetStream, redis-server, and SQLite files or
// PostgreSQL databases: each test runs on both engines):
// a client calls governance with a W3C traceparent; the call's answer names
// the trace; the event governance writes carries it in its envelope and as
// the NATS header `traceparent`; the workstreams service, consuming that
// event, writes its log lines for it with the same trace_id. Workstreams
// runs with --log_format=json and has its level raised to debug at run time
// through LoggingService, so both are checked on the real process too.
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "libs/auth/claims_json.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "libs/trace/traceparent.h"
#include "wp/common/v1/event.pb.h"
#include "wp/common/v1/logging.grpc.pb.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"

namespace wp {
namespace {

namespace gov = wp::governance::v1;
using bus::test_util::Eventually;

constexpr char kTraceId[] = "0af7651916cd43dd8448eb211c80319c";
constexpr char kTraceparent[] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

class TracePropagationTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    governance_ = Start(WP_GOVERNANCE_BIN, "governance", {});
    ASSERT_NE(governance_, nullptr);
    // At info, so its per-event debug line shows only once the level is raised.
    workstreams_ = Start(WP_WORKSTREAMS_BIN, "workstreams", {"--log_format=json", "--log_level=info"});
    ASSERT_NE(workstreams_, nullptr);
  }

  void TearDown() override {
    if (workstreams_) workstreams_->Stop();
    if (governance_) governance_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  // Each service on a store of its own, named after `store_name`.
  std::unique_ptr<wp::testing::ServiceProcess> Start(const std::string& binary, const std::string& store_name,
                                                     std::vector<std::string> flags) {
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), store_name);
    EXPECT_TRUE(store_url.ok()) << store_url.status();
    if (!store_url.ok()) return nullptr;
    wp::testing::ServiceOptions options;
    options.binary = binary;
    options.data_dir = wp::testing::MakeTempDir("wp-trace");
    options.store_url = *store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    options.extra_flags = std::move(flags);
    auto service = std::make_unique<wp::testing::ServiceProcess>(options);
    absl::Status s = service->Start();
    EXPECT_TRUE(s.ok()) << s;
    return s.ok() ? std::move(service) : nullptr;
  }

  static void Prepare(grpc::ClientContext* ctx, auth::Role role = auth::Role::kOfficer) {
    ctx->AddMetadata("authorization", wp::testing::TestBearer(role, "trace-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  // The JSON log lines of workstreams that parse, as objects.
  std::vector<google::protobuf::Struct> WorkstreamsLogLines() {
    std::vector<google::protobuf::Struct> out;
    const std::string text = wp::testing::ReadFileOrEmpty(workstreams_->log_path());
    for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
      if (auto parsed = auth::ParseJsonObject(line)) out.push_back(*std::move(parsed));
    }
    return out;
  }

  static std::string Field(const google::protobuf::Struct& line, const std::string& key) {
    auto it = line.fields().find(key);
    return it == line.fields().end() ? "" : it->second.string_value();
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> governance_;
  std::unique_ptr<wp::testing::ServiceProcess> workstreams_;
};

TEST_P(TracePropagationTest, AGovernanceWriteIsTracedIntoTheWorkstreamsLogs) {
  // Workstreams' per-event line is at debug: raise its level while it runs.
  auto logging = wp::common::v1::LoggingService::NewStub(workstreams_->channel());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAdmin);
    wp::common::v1::LogSettings settings;
    grpc::Status s = logging->GetLogLevel(&ctx, wp::common::v1::GetLogLevelRequest(), &settings);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(settings.level(), wp::common::v1::LOG_LEVEL_INFO);
    EXPECT_EQ(settings.format(), "json");
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kOfficer);
    wp::common::v1::SetLogLevelRequest request;
    request.set_level(wp::common::v1::LOG_LEVEL_DEBUG);
    wp::common::v1::LogSettings settings;
    EXPECT_EQ(logging->SetLogLevel(&ctx, request, &settings).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);  // admins only
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAdmin);
    wp::common::v1::SetLogLevelRequest request;
    request.set_level(wp::common::v1::LOG_LEVEL_DEBUG);
    wp::common::v1::LogSettings settings;
    grpc::Status s = logging->SetLogLevel(&ctx, request, &settings);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(settings.level(), wp::common::v1::LOG_LEVEL_DEBUG);
    EXPECT_EQ(settings.format(), "json");
  }

  // What a Board sponsor needs in governance: a plan and a director on the Board.
  auto plans = gov::PlansService::NewStub(governance_->channel());
  auto governance = gov::GovernanceService::NewStub(governance_->channel());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    gov::CreatePlanRequest request;
    request.set_plan_id("2022-23");
    request.mutable_plan()->set_title("Regional Improvement Plan 2022-23");
    request.mutable_plan()->set_session_span("2022-23");
    gov::PlanWorkstream* ws = request.mutable_plan()->add_workstreams();
    ws->set_number(1);
    ws->set_title("Wellbeing for Learning");
    gov::Plan plan;
    grpc::Status s = plans->CreatePlan(&ctx, request, &plan);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    gov::CreatePersonRequest request;
    request.set_person_id("director-inv");
    request.mutable_person()->set_display_name("Director of Education, Inverclyde");
    request.mutable_person()->set_authority("INV");
    gov::Person person;
    grpc::Status s = governance->CreatePerson(&ctx, request, &person);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    gov::CreateMembershipRequest request;
    request.set_parent("bodies/board");
    request.mutable_membership()->set_person("people/director-inv");
    request.mutable_membership()->set_role(gov::Membership::DIRECTOR);
    request.mutable_membership()->set_authority("INV");
    request.mutable_membership()->mutable_start_date()->set_year(2020);
    request.mutable_membership()->mutable_start_date()->set_month(8);
    request.mutable_membership()->mutable_start_date()->set_day(1);
    gov::Membership membership;
    grpc::Status s = governance->CreateMembership(&ctx, request, &membership);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // The traced write.
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    ctx.AddMetadata("traceparent", kTraceparent);
    gov::AssignSponsorRequest request;
    request.set_parent("plans/2022-23");
    request.mutable_sponsorship()->set_workstream_number(1);
    request.mutable_sponsorship()->set_sponsor("people/director-inv");
    request.mutable_sponsorship()->mutable_start_date()->set_year(2022);
    request.mutable_sponsorship()->mutable_start_date()->set_month(8);
    request.mutable_sponsorship()->mutable_start_date()->set_day(16);
    gov::Sponsorship sponsorship;
    grpc::Status s = plans->AssignSponsor(&ctx, request, &sponsorship);
    ASSERT_TRUE(s.ok()) << s.error_message();
    // The answer names the trace and the server's own span in it.
    const auto& sent = ctx.GetServerInitialMetadata();
    auto id = sent.find("x-request-id");
    ASSERT_NE(id, sent.end());
    EXPECT_EQ(std::string(id->second.data(), id->second.size()), kTraceId);
    auto tp = sent.find("traceparent");
    ASSERT_NE(tp, sent.end());
    std::optional<trace::TraceParent> span =
        trace::ParseTraceParent(std::string(tp->second.data(), tp->second.size()));
    ASSERT_TRUE(span.has_value());
    EXPECT_EQ(span->trace_id, kTraceId);
    EXPECT_NE(span->parent_id, "b7ad6b7169203331");
  }

  // On the bus: the envelope and the NATS header carry the trace.
  auto reader = bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(nats_, "trace-reader"));
  ASSERT_TRUE(reader.ok()) << reader.status();
  std::vector<bus::test_util::StoredMessage> traced;
  EXPECT_TRUE(Eventually([&] {
    traced.clear();
    auto stored = bus::test_util::ReadStream(**reader, "WP_GOVERNANCE");
    if (!stored.ok()) return false;
    for (const auto& m : *stored) {
      if (m.subject == "wp.governance.sponsor.assigned") traced.push_back(m);
    }
    return !traced.empty();
  })) << "governance never published wp.governance.sponsor.assigned";
  ASSERT_EQ(traced.size(), 1u);
  wp::common::v1::Event event;
  ASSERT_TRUE(event.ParseFromString(traced[0].data));
  EXPECT_EQ(event.trace_id(), kTraceId);
  EXPECT_EQ(event.traceparent(), traced[0].traceparent);
  std::optional<trace::TraceParent> header = trace::ParseTraceParent(traced[0].traceparent);
  ASSERT_TRUE(header.has_value()) << traced[0].traceparent;
  EXPECT_EQ(header->trace_id, kTraceId);

  // In the consumer's logs: the line for that event carries the trace id.
  google::protobuf::Struct handled;
  EXPECT_TRUE(Eventually([&] {
    for (const auto& line : WorkstreamsLogLines()) {
      if (Field(line, "msg") == "event handled" && Field(line, "event") == event.id()) {
        handled = line;
        return true;
      }
    }
    return false;
  })) << "workstreams never logged handling the event:\n"
      << wp::testing::ReadFileOrEmpty(workstreams_->log_path());
  EXPECT_EQ(Field(handled, "trace_id"), kTraceId);
  EXPECT_EQ(Field(handled, "type"), "wp.governance.sponsor.assigned");
  EXPECT_EQ(Field(handled, "svc"), "workstreams");
  EXPECT_EQ(Field(handled, "level"), "debug");

  // The trace ends with the handling: no line about anything but an event carries it.
  for (const auto& line : WorkstreamsLogLines()) {
    if (Field(line, "trace_id") == kTraceId) {
      EXPECT_FALSE(Field(line, "event").empty()) << Field(line, "msg");
    }
  }
}

// What every answer tells the client, refused calls included.
TEST_P(TracePropagationTest, EveryAnswerNamesItsTrace) {
  auto plans = gov::PlansService::NewStub(governance_->channel());
  auto answer_of = [&](const std::vector<std::pair<std::string, std::string>>& metadata, bool with_token,
                       grpc::StatusCode expected) {
    grpc::ClientContext ctx;
    if (with_token) Prepare(&ctx);
    for (const auto& [key, value] : metadata) ctx.AddMetadata(key, value);
    gov::ListPlansRequest request;
    gov::ListPlansResponse response;
    EXPECT_EQ(plans->ListPlans(&ctx, request, &response).error_code(), expected);
    std::pair<std::string, std::string> out;
    const auto& sent = ctx.GetServerInitialMetadata();
    if (auto it = sent.find("x-request-id"); it != sent.end()) out.first.assign(it->second.data(), it->second.size());
    if (auto it = sent.find("traceparent"); it != sent.end()) out.second.assign(it->second.data(), it->second.size());
    return out;
  };
  // A client's own id, kept as before; refused for want of a token, still named.
  auto [kept, kept_span] = answer_of({{"x-request-id", "client-trace-0001"}}, false,
                                     grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(kept, "client-trace-0001");
  EXPECT_TRUE(trace::ParseTraceParent(kept_span).has_value()) << kept_span;
  // A traceparent wins over an x-request-id.
  auto [joined, joined_span] = answer_of({{"traceparent", kTraceparent}, {"x-request-id", "other"}}, true,
                                         grpc::StatusCode::OK);
  EXPECT_EQ(joined, kTraceId);
  // A malformed traceparent and nothing else: a new trace, never a refusal.
  auto [fresh, fresh_span] = answer_of({{"traceparent", "00-NOT-A-TRACE"}}, true, grpc::StatusCode::OK);
  EXPECT_TRUE(trace::IsValidTraceId(fresh)) << fresh;
  ASSERT_TRUE(trace::ParseTraceParent(fresh_span).has_value()) << fresh_span;
  EXPECT_EQ(trace::ParseTraceParent(fresh_span)->trace_id, fresh);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TracePropagationTest);

}  // namespace
}  // namespace wp
