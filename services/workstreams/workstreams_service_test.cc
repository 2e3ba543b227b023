// End-to-end tests of the workstreams service binary against a real
// nats-server (JetStream), redis-server and store (a SQLite file or a
// PostgreSQL database: each test runs on both), all started here.
// They prove what the service promises: one event per change, none lost to a
// crash or a NATS restart, a cached summary that is never stale, answers
// without Redis, and clear errors for bad requests.
#include <hiredis/hiredis.h>

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/nats_connection.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/event.pb.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {
namespace {

using bus::test_util::Eventually;
using wp::testing::NatsServer;
using wp::testing::RedisServer;
using wp::testing::ServiceOptions;
using wp::testing::ServiceProcess;

constexpr char kStream[] = "WP_WORKSTREAMS";
constexpr char kPeriod[] = "2018-21";

class WorkstreamsServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    data_dir_ = wp::testing::MakeTempDir("wp-workstreams");
    // Every start in a test (restarts, a second replica) uses this store.
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), "workstreams");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    store_url_ = *store_url;
    service_ = StartService(data_dir_);
    ASSERT_NE(service_, nullptr);
    bus::NatsOptions options;
    options.url = nats_.url();
    options.name = "test-reader";
    options.reconnect_wait = absl::Milliseconds(100);
    auto connection = bus::NatsConnection::Connect(options);
    ASSERT_TRUE(connection.ok()) << connection.status();
    reader_ = std::move(*connection);
  }

  void TearDown() override {
    reader_.reset();
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  std::unique_ptr<ServiceProcess> StartService(const std::string& data_dir,
                                               std::vector<std::string> flags = {}) {
    ServiceOptions options;
    options.extra_flags = std::move(flags);
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = data_dir;
    options.store_url = store_url_;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    auto service = std::make_unique<ServiceProcess>(options);
    absl::Status s = service->Start();
    EXPECT_TRUE(s.ok()) << s;
    return s.ok() ? std::move(service) : nullptr;
  }

  std::unique_ptr<v1::WorkstreamsService::Stub> Stub(const ServiceProcess& service) {
    return v1::WorkstreamsService::NewStub(service.channel());
  }

  static void Prepare(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kOfficer, "integration-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  grpc::Status CreateWorkstream(const ServiceProcess& service, int number) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(number);
    request.mutable_workstream()->set_title(absl::StrCat("Workstream ", number));
    v1::Workstream response;
    return Stub(service)->CreateWorkstream(&ctx, request, &response);
  }

  grpc::Status CreateItem(const ServiceProcess& service, const std::string& ref,
                          v1::PlanItemStatus status, v1::PlanItem* out = nullptr) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(ref);
    request.mutable_plan_item()->set_task(absl::StrCat("Task ", ref));
    request.mutable_plan_item()->set_status(status);
    v1::PlanItem response;
    grpc::Status s = Stub(service)->CreatePlanItem(&ctx, request, &response);
    if (out) *out = response;
    return s;
  }

  absl::StatusOr<v1::TrackerSummary> Summary(const ServiceProcess& service) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::GetTrackerSummaryRequest request;
    request.set_plan_period(kPeriod);
    request.mutable_as_of()->set_year(2019);
    request.mutable_as_of()->set_month(6);
    request.mutable_as_of()->set_day(1);
    v1::TrackerSummary response;
    grpc::Status s = Stub(service)->GetTrackerSummary(&ctx, request, &response);
    if (!s.ok()) return FromGrpcStatus(s);
    return response;
  }

  // Every event on the stream, parsed, in stream order.
  std::vector<wp::common::v1::Event> StreamEvents() {
    std::vector<wp::common::v1::Event> events;
    auto messages = bus::test_util::ReadStream(*reader_, kStream);
    if (!messages.ok()) return events;
    for (const auto& m : *messages) {
      wp::common::v1::Event e;
      EXPECT_TRUE(e.ParseFromString(m.data));
      EXPECT_EQ(m.msg_id, e.id());
      EXPECT_EQ(m.subject, e.type());
      events.push_back(e);
    }
    return events;
  }

  size_t StreamCount() {
    auto n = bus::test_util::StreamMessageCount(*reader_, kStream);
    return n.ok() ? static_cast<size_t>(*n) : 0;
  }

  // Keys the service cached its summaries under.
  std::vector<std::string> CachedSummaryKeys() {
    std::vector<std::string> keys;
    redisContext* c = redisConnect("127.0.0.1", redis_.port());
    if (c == nullptr || c->err) return keys;
    auto* reply = static_cast<redisReply*>(redisCommand(c, "KEYS wp:workstreams:tracker_summary:*"));
    if (reply && reply->type == REDIS_REPLY_ARRAY) {
      for (size_t i = 0; i < reply->elements; ++i) keys.emplace_back(reply->element[i]->str);
    }
    freeReplyObject(reply);
    redisFree(c);
    return keys;
  }

  void OverwriteCached(const std::string& key, const std::string& value) {
    redisContext* c = redisConnect("127.0.0.1", redis_.port());
    ASSERT_TRUE(c != nullptr && !c->err);
    auto* reply = static_cast<redisReply*>(
        redisCommand(c, "SET %b %b", key.data(), key.size(), value.data(), value.size()));
    freeReplyObject(reply);
    redisFree(c);
  }

  NatsServer nats_;
  RedisServer redis_;
  std::string data_dir_;
  std::string store_url_;  // "" for SQLite under data_dir_
  std::unique_ptr<ServiceProcess> service_;
  std::unique_ptr<bus::NatsConnection> reader_;
};

TEST_P(WorkstreamsServiceTest, EveryChangePublishesExactlyOneEvent) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  v1::PlanItem item;
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK, &item).ok());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(item.name());
    request.mutable_plan_item()->set_status(v1::COMPLETE);
    request.mutable_update_mask()->add_paths("status");
    v1::PlanItem updated;
    ASSERT_TRUE(Stub(*service_)->UpdatePlanItem(&ctx, request, &updated).ok());
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::AddProgressNoteRequest request;
    request.set_name(item.name());
    request.mutable_note()->set_text("Report shared with the Board");
    v1::PlanItem noted;
    ASSERT_TRUE(Stub(*service_)->AddProgressNote(&ctx, request, &noted).ok());
  }
  const std::vector<std::string> expected = {
      "wp.workstreams.workstream.created", "wp.workstreams.plan_item.created",
      "wp.workstreams.plan_item.updated", "wp.workstreams.plan_item.status_changed",
      "wp.workstreams.plan_item.progress_noted"};
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= expected.size(); }));
  absl::SleepFor(absl::Milliseconds(300));  // let any duplicate show up
  std::vector<wp::common::v1::Event> events = StreamEvents();
  ASSERT_EQ(events.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(events[i].type(), expected[i]);
    EXPECT_EQ(events[i].source(), "workstreams");
    EXPECT_EQ(events[i].actor(), "integration-test");
    if (i > 0) {
      EXPECT_GT(events[i].source_sequence(), events[i - 1].source_sequence());
    }
  }
  EXPECT_EQ(events[1].subject(), "planPeriods/2018-21/planItems/1.1");
  v1::PlanItemStatusChanged change;
  ASSERT_TRUE(events[3].payload().UnpackTo(&change));
  EXPECT_EQ(change.change().from_status(), v1::ON_TRACK);
  EXPECT_EQ(change.change().to_status(), v1::COMPLETE);
}

// A first import into an empty period, as a new officer runs it: refused
// once naming the missing workstreams, then a dry run (nothing changes, no
// event), then the import that creates them.
TEST_P(WorkstreamsServiceTest, FirstImportIntoANewPeriodAfterADryRun) {
  auto import = [&](bool create, bool dry_run, std::vector<v1::ImportTrackerProgress>* messages) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ImportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_content(
        "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
        "1.1,Map the networks,Ann Boyd,On track,,\n"
        "1.2,Survey the coordinators,Ann Boyd,Not started,,\n"
        "2.1,Agree a statement,Neil Cowan,Complete,,\n");
    request.set_create_missing_workstreams(create);
    request.set_dry_run(dry_run);
    if (create) {
      request.add_workstream_titles()->set_number(1);
      request.mutable_workstream_titles(0)->set_title("Wellbeing for Learning");
    }
    auto reader = Stub(*service_)->ImportTracker(&ctx, request);
    v1::ImportTrackerProgress progress;
    while (reader->Read(&progress)) messages->push_back(progress);
    return reader->Finish();
  };
  auto workstreams = [&] {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ListWorkstreamsRequest request;
    request.set_plan_period(kPeriod);
    v1::ListWorkstreamsResponse response;
    EXPECT_TRUE(Stub(*service_)->ListWorkstreams(&ctx, request, &response).ok());
    return response;
  };

  std::vector<v1::ImportTrackerProgress> refused;
  grpc::Status s = import(/*create=*/false, /*dry_run=*/false, &refused);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  EXPECT_NE(s.error_message().find("has no workstreams 1, 2 (3 rows refer to them)"), std::string::npos)
      << s.error_message();
  EXPECT_TRUE(refused.empty());

  std::vector<v1::ImportTrackerProgress> dry;
  s = import(/*create=*/true, /*dry_run=*/true, &dry);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_FALSE(dry.empty());
  EXPECT_TRUE(dry.back().dry_run());
  EXPECT_EQ(dry.back().created(), 3);
  ASSERT_EQ(dry.front().created_workstreams_size(), 2);
  EXPECT_EQ(dry.front().created_workstreams(0).title(), "Wellbeing for Learning");
  EXPECT_EQ(workstreams().workstreams_size(), 0);

  std::vector<v1::ImportTrackerProgress> real;
  s = import(/*create=*/true, /*dry_run=*/false, &real);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(real.back().created(), 3);
  const v1::ListWorkstreamsResponse made = workstreams();
  ASSERT_EQ(made.workstreams_size(), 2);
  EXPECT_EQ(made.workstreams(0).lead_officer(), "Ann Boyd");
  EXPECT_EQ(made.workstreams(1).title(), "Workstream 2");

  // Only the real import reached the stream: two workstreams, three items.
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= 5; }));
  absl::SleepFor(absl::Milliseconds(300));
  std::vector<std::string> types;
  for (const auto& e : StreamEvents()) types.push_back(e.type());
  EXPECT_EQ(types, (std::vector<std::string>{
                       "wp.workstreams.workstream.created", "wp.workstreams.workstream.created",
                       "wp.workstreams.plan_item.created", "wp.workstreams.plan_item.created",
                       "wp.workstreams.plan_item.created"}));
}

TEST_P(WorkstreamsServiceTest, CrashAfterCommitBeforePublishLosesNoEvent) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(Eventually([&] { return StreamCount() == 1; }));
  // With NATS gone, writes are acknowledged from the outbox alone...
  nats_.Stop();
  for (int task = 1; task <= 5; ++task) {
    ASSERT_TRUE(CreateItem(*service_, absl::StrCat("1.", task), v1::NOT_STARTED).ok());
  }
  // ...and the process dies before its relay could publish them.
  service_->Kill();
  ASSERT_TRUE(nats_.Start().ok());
  service_ = StartService(data_dir_);
  ASSERT_NE(service_, nullptr);
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= 6; }));
  absl::SleepFor(absl::Milliseconds(300));
  std::vector<wp::common::v1::Event> events = StreamEvents();
  ASSERT_EQ(events.size(), 6u);
  std::set<std::string> subjects;
  for (const auto& e : events) subjects.insert(e.subject());
  for (int task = 1; task <= 5; ++task) {
    EXPECT_EQ(subjects.count(absl::StrCat("planPeriods/2018-21/planItems/1.", task)), 1u);
  }
}

TEST_P(WorkstreamsServiceTest, RepeatedCrashesNeitherLoseNorDuplicateEvents) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  int acknowledged = 1;
  for (int round = 0; round < 4; ++round) {
    for (int i = 1; i <= 6; ++i) {
      const int task = round * 6 + i;
      if (CreateItem(*service_, absl::StrCat("1.", task), v1::ON_TRACK).ok()) ++acknowledged;
    }
    service_->Kill();  // wherever the relay happens to be
    service_ = StartService(data_dir_);
    ASSERT_NE(service_, nullptr);
  }
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= static_cast<size_t>(acknowledged); }));
  absl::SleepFor(absl::Milliseconds(500));
  std::vector<wp::common::v1::Event> events = StreamEvents();
  std::set<std::string> ids;
  for (const auto& e : events) ids.insert(e.id());
  EXPECT_EQ(events.size(), static_cast<size_t>(acknowledged));
  EXPECT_EQ(ids.size(), events.size()) << "an event was published twice";
}

TEST_P(WorkstreamsServiceTest, EventsSurviveANatsRestart) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
  ASSERT_TRUE(Eventually([&] { return StreamCount() == 2; }));
  nats_.Stop();
  ASSERT_TRUE(CreateItem(*service_, "1.2", v1::ON_TRACK).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.3", v1::COMPLETE).ok());
  ASSERT_TRUE(nats_.Start().ok());
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= 4; }));
  absl::SleepFor(absl::Milliseconds(300));
  std::vector<wp::common::v1::Event> events = StreamEvents();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[2].subject(), "planPeriods/2018-21/planItems/1.2");
  EXPECT_EQ(events[3].subject(), "planPeriods/2018-21/planItems/1.3");
}

TEST_P(WorkstreamsServiceTest, SummaryIsServedFromRedisAndInvalidatedByChanges) {
  // Without the in-process copy, so that what Redis holds is what is served.
  service_->Stop();
  service_ = StartService(data_dir_, {"--near_cache_entries=0"});
  ASSERT_NE(service_, nullptr);
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
  auto first = Summary(*service_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->totals().total(), 1);
  std::vector<std::string> keys = CachedSummaryKeys();
  ASSERT_EQ(keys.size(), 1u);

  // Doctor the cached copy: if the next answer shows it, it came from Redis.
  v1::TrackerSummary doctored = *first;
  doctored.mutable_totals()->set_total(999);
  OverwriteCached(keys[0], doctored.SerializeAsString());
  auto cached = Summary(*service_);
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(cached->totals().total(), 999);

  // A change moves the data generation: the doctored copy is never read again.
  ASSERT_TRUE(CreateItem(*service_, "1.2", v1::COMPLETE).ok());
  auto fresh = Summary(*service_);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->totals().total(), 2);
  EXPECT_EQ(fresh->totals().complete(), 1);
  EXPECT_EQ(fresh->totals().on_track(), 1);
  EXPECT_DOUBLE_EQ(fresh->totals().share_complete(), 0.5);
}

TEST_P(WorkstreamsServiceTest, AnotherReplicasChangeReachesTheCacheThroughEvents) {
  // A second replica on the same store: its writes reach this replica only
  // as events on the bus.
  auto other = StartService(data_dir_);
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
  auto before = Summary(*service_);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->totals().total(), 1);

  ASSERT_TRUE(CreateItem(*other, "1.2", v1::ON_TRACK).ok());
  EXPECT_TRUE(Eventually([&] {
    auto s = Summary(*service_);
    return s.ok() && s->totals().total() == 2;
  }));
  other->Stop();
}

TEST_P(WorkstreamsServiceTest, SummaryStillAnswersWithoutRedis) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
  ASSERT_TRUE(Summary(*service_).ok());
  redis_.Stop();
  for (int i = 0; i < 3; ++i) {
    auto summary = Summary(*service_);
    ASSERT_TRUE(summary.ok()) << summary.status();
    EXPECT_EQ(summary->totals().total(), 1);
  }
  ASSERT_TRUE(CreateItem(*service_, "1.2", v1::NOT_STARTED).ok());
  auto summary = Summary(*service_);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->totals().total(), 2);
  // Redis back: the next generation's summary is stored there again.
  ASSERT_TRUE(redis_.Start().ok());
  int task = 3;
  EXPECT_TRUE(Eventually([&] {
    if (!CreateItem(*service_, absl::StrCat("1.", task++), v1::NOT_STARTED).ok()) return false;
    auto s = Summary(*service_);
    return s.ok() && s->totals().total() == task - 1 && !CachedSummaryKeys().empty();
  }));
}

TEST_P(WorkstreamsServiceTest, BadRequestsNameTheField) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  grpc::Status s = CreateItem(*service_, "one.two", v1::ON_TRACK);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = FieldViolationsOf(FromGrpcStatus(s));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "plan_item.ref");

  s = CreateItem(*service_, "1.1", v1::PLAN_ITEM_STATUS_UNSPECIFIED);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(s))[0].field, "plan_item.status");

  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::GetPlanItemRequest get;
  get.set_name("items/1.1");
  v1::PlanItem item;
  s = Stub(*service_)->GetPlanItem(&ctx, get, &item);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(s))[0].field, "name");

  grpc::ClientContext ctx2;
  Prepare(&ctx2);
  get.set_name("planPeriods/2018-21/planItems/9.9");
  s = Stub(*service_)->GetPlanItem(&ctx2, get, &item);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  // Nothing accepted was lost along the way.
  EXPECT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
}

// A careless or hostile client's oversized fields, lists and undefined enum
// values are refused with the field named, before anything is written, at
// any depth of the request; what was accepted before stays readable.
TEST_P(WorkstreamsServiceTest, OversizedFieldsAndUndefinedValuesAreRefusedWithTheField) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  auto only_field = [](const grpc::Status& s) -> std::string {
    if (s.error_code() != grpc::StatusCode::INVALID_ARGUMENT) return "code " + std::to_string(s.error_code());
    std::vector<FieldViolation> v = FieldViolationsOf(FromGrpcStatus(s));
    return v.size() == 1 ? v[0].field : "violations: " + std::to_string(v.size());
  };
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(2);
    request.mutable_workstream()->set_title("Two");
    request.mutable_workstream()->set_lead_officer(std::string(1 << 20, 'x'));
    v1::Workstream response;
    EXPECT_EQ(only_field(Stub(*service_)->CreateWorkstream(&ctx, request, &response)),
              "workstream.lead_officer");
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(2);
    request.mutable_workstream()->set_title("Two");
    for (int i = 0; i < 10000; ++i) request.mutable_workstream()->add_board_sponsors("Sponsor");
    v1::Workstream response;
    EXPECT_EQ(only_field(Stub(*service_)->CreateWorkstream(&ctx, request, &response)),
              "workstream.board_sponsors");
  }
  {
    // Note text inside a create gets the same limit as AddProgressNote's.
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref("1.1");
    request.mutable_plan_item()->set_task("Task");
    request.mutable_plan_item()->set_status(v1::ON_TRACK);
    request.mutable_plan_item()->add_progress_notes()->set_text("fine");
    request.mutable_plan_item()->add_progress_notes()->set_text(std::string(4001, 'n'));
    v1::PlanItem response;
    EXPECT_EQ(only_field(Stub(*service_)->CreatePlanItem(&ctx, request, &response)),
              "plan_item.progress_notes[1].text");
  }
  {
    // A filter is bounded like any field, and no SQL reaches the client.
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ListPlanItemsRequest request;
    request.set_plan_period(kPeriod);
    request.set_lead(std::string(60000, '%'));
    v1::ListPlanItemsResponse response;
    grpc::Status s = Stub(*service_)->ListPlanItems(&ctx, request, &response);
    EXPECT_EQ(only_field(s), "lead");
    EXPECT_EQ(s.error_message().find("LIKE"), std::string::npos) << s.error_message();
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ExportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_format(static_cast<v1::TableFormat>(99));
    v1::ExportTrackerResponse response;
    EXPECT_EQ(only_field(Stub(*service_)->ExportTracker(&ctx, request, &response)), "format");
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ImportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_format(static_cast<v1::TableFormat>(99));
    request.set_content("ref,task\n");
    auto reader = Stub(*service_)->ImportTracker(&ctx, request);
    v1::ImportTrackerProgress progress;
    while (reader->Read(&progress)) {
    }
    EXPECT_EQ(only_field(reader->Finish()), "format");
  }
  {
    auto networks = v1::NetworksService::NewStub(service_->channel());
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateNetworkRequest request;
    request.set_network_id("numeracy");
    request.mutable_network()->set_title(std::string(1 << 20, 't'));
    request.mutable_network()->set_kind(v1::SPECIALIST_NETWORK);
    request.mutable_network()->set_owning_workstream("planPeriods/2018-21/workstreams/1");
    v1::Network response;
    EXPECT_EQ(only_field(networks->CreateNetwork(&ctx, request, &response)), "network.title");
  }
  // Nothing accepted was lost along the way.
  EXPECT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
}

// AddProgressNote answered UNAVAILABLE can still have been applied; with a
// request id, the client's retry (here after a crash and restart) adds
// nothing the second time.
TEST_P(WorkstreamsServiceTest, ARetriedNoteIsAddedOnceEvenAcrossACrash) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK).ok());
  auto add_note = [&](const std::string& request_id, v1::PlanItem* out) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::AddProgressNoteRequest request;
    request.set_name("planPeriods/2018-21/planItems/1.1");
    request.mutable_note()->set_text("Met the cluster leads");
    request.set_request_id(request_id);
    return Stub(*service_)->AddProgressNote(&ctx, request, out);
  };
  v1::PlanItem first;
  ASSERT_TRUE(add_note("note-1", &first).ok());
  ASSERT_EQ(first.progress_notes_size(), 1);
  service_->Kill();
  service_ = StartService(data_dir_);
  ASSERT_NE(service_, nullptr);

  v1::PlanItem retried;
  ASSERT_TRUE(add_note("note-1", &retried).ok());
  EXPECT_EQ(retried.progress_notes_size(), 1);
  EXPECT_EQ(retried.etag(), first.etag());
  v1::PlanItem second;
  ASSERT_TRUE(add_note("note-2", &second).ok());
  EXPECT_EQ(second.progress_notes_size(), 2);

  // One progress_noted event per note, not per call.
  ASSERT_TRUE(Eventually([&] { return StreamCount() >= 4; }));
  absl::SleepFor(absl::Milliseconds(300));
  int noted = 0;
  for (const auto& e : StreamEvents()) noted += e.type() == "wp.workstreams.plan_item.progress_noted";
  EXPECT_EQ(noted, 2);
}

// An item's history can grow long; its update events must stay small enough
// for the bus, so the stream never stalls behind one of them.
TEST_P(WorkstreamsServiceTest, UpdateEventsStaySmallHoweverLongTheHistory) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  v1::PlanItem item;
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK, &item).ok());
  for (int i = 0; i < 100; ++i) {  // the most notes an item takes
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::AddProgressNoteRequest request;
    request.set_name(item.name());
    request.mutable_note()->set_text(std::string(3900, 'a' + i % 26));
    ASSERT_TRUE(Stub(*service_)->AddProgressNote(&ctx, request, &item).ok()) << i;
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(item.name());
    request.mutable_plan_item()->set_status(v1::COMPLETE);
    request.mutable_update_mask()->add_paths("status");
    ASSERT_TRUE(Stub(*service_)->UpdatePlanItem(&ctx, request, &item).ok());
  }
  ASSERT_TRUE(CreateWorkstream(*service_, 2).ok());
  // workstream, item, 100 notes, updated, status_changed, workstream.
  ASSERT_TRUE(Eventually([&] { return StreamCount() == 105; }));
  size_t updated_bytes = 0;
  for (const auto& e : StreamEvents()) {
    if (e.type() == "wp.workstreams.plan_item.updated") updated_bytes = e.ByteSizeLong();
  }
  EXPECT_GT(updated_bytes, 0u);
  EXPECT_LT(updated_bytes, 4096u);
}

TEST_P(WorkstreamsServiceTest, StaleEtagIsAborted) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  v1::PlanItem item;
  ASSERT_TRUE(CreateItem(*service_, "1.1", v1::ON_TRACK, &item).ok());
  auto update = [&](const std::string& etag, const std::string& task, v1::PlanItem* out) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(item.name());
    request.mutable_plan_item()->set_etag(etag);
    request.mutable_plan_item()->set_task(task);
    request.mutable_update_mask()->add_paths("task");
    return Stub(*service_)->UpdatePlanItem(&ctx, request, out);
  };
  v1::PlanItem first, second;
  ASSERT_TRUE(update(item.etag(), "First edit", &first).ok());
  grpc::Status s = update(item.etag(), "Second edit from an old read", &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::GetPlanItemRequest get;
  get.set_name(item.name());
  v1::PlanItem now;
  ASSERT_TRUE(Stub(*service_)->GetPlanItem(&ctx, get, &now).ok());
  EXPECT_EQ(now.task(), "First edit");
}

TEST_P(WorkstreamsServiceTest, GracefulStopExitsCleanly) {
  ASSERT_TRUE(CreateWorkstream(*service_, 1).ok());
  const int status = service_->Stop();
  service_.reset();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(WorkstreamsServiceTest);

}  // namespace
}  // namespace wp::workstreams
