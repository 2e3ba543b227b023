// Two replicas of each service on one PostgreSQL database (real servers:
// PostgreSQL 15, nats-server, redis-server, the service binaries). Writes go
// to both replicas from several threads; one replica of each service is
// killed with SIGKILL mid-run. Then: every acknowledged write is present;
// each change's event is on the stream exactly once; the surviving replica
// published what the dead one left in the outbox; a retried request id
// answers the same on either replica; and both replicas serve the same
// tracker summary.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/status/grpc_status.h"
#include "libs/store/open_store.h"
#include "libs/store/outbox.h"
#include "libs/testing/postgres_server.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "services/governance/core/migrations.h"
#include "services/workstreams/migrations.h"
#include "wp/common/v1/event.pb.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp {
namespace {

using bus::test_util::Eventually;
using testing::ServiceOptions;
using testing::ServiceProcess;
namespace ws = wp::workstreams::v1;
namespace gov = wp::governance::v1;

constexpr char kPeriod[] = "2018-21";
constexpr int kWorkstreams = 4;
constexpr int kWriters = 4;         // client threads per service
constexpr int kWritesPerWriter = 40;
constexpr int kKillAfterWrites = 60;  // acknowledged writes of a service before one replica dies

void Prepare(grpc::ClientContext* ctx) {
  ctx->AddMetadata("authorization", testing::TestBearer(auth::Role::kOfficer, "replicas-test"));
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
}

// The names of resources whose creation a replica acknowledged.
class Acknowledged {
 public:
  void Add(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    names_.insert(name);
  }
  std::set<std::string> names() const {
    std::lock_guard<std::mutex> lock(mu_);
    return names_;
  }
  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return names_.size();
  }

 private:
  mutable std::mutex mu_;
  std::set<std::string> names_;
};

class ReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    absl::StatusOr<testing::PostgresServer*> pg = testing::SharedPostgres();
    ASSERT_TRUE(pg.ok()) << pg.status();
    auto gov_url = (*pg)->CreateDatabase("replicas_governance");
    ASSERT_TRUE(gov_url.ok()) << gov_url.status();
    gov_url_ = *gov_url;
    auto ws_url = (*pg)->CreateDatabase("replicas_workstreams");
    ASSERT_TRUE(ws_url.ok()) << ws_url.status();
    ws_url_ = *ws_url;
    bus::NatsOptions options;
    options.url = nats_.url();
    options.name = "replicas-test-reader";
    auto reader = bus::NatsConnection::Connect(options);
    ASSERT_TRUE(reader.ok()) << reader.status();
    reader_ = std::move(*reader);
  }

  std::unique_ptr<ServiceProcess> Start(const char* binary, const std::string& store_url) {
    ServiceOptions options;
    options.binary = binary;
    options.data_dir = testing::MakeTempDir("wp-replica");
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    options.store_url = store_url;
    options.extra_flags = {"--log_level=info"};
    auto service = std::make_unique<ServiceProcess>(options);
    absl::Status s = service->Start();
    EXPECT_TRUE(s.ok()) << s << "\n" << testing::ReadFileOrEmpty(service->log_path());
    return s.ok() ? std::move(service) : nullptr;
  }

  // Each change's event once on `stream`, and the same events as the outbox
  // of `store_url` holds, all of them marked sent.
  void ExpectStreamMatchesOutboxOnce(const std::string& stream, const std::string& store_url,
                                     const std::vector<store::Migration>& migrations) {
    auto location = store::ParseStoreLocation(store_url, "");
    ASSERT_TRUE(location.ok());
    auto db = store::OpenStore(*location, migrations);
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE(Eventually([&] {
      auto unsent = store::FetchUnsent(**db, 1);
      return unsent.ok() && unsent->empty();
    })) << "the surviving replica did not publish what was left in the outbox";
    auto outbox = store::ReadValue<std::set<std::string>>(
        **db, [](store::Transaction& tx) -> absl::StatusOr<std::set<std::string>> {
          auto rows = tx.Query("SELECT event_id FROM outbox");
          if (!rows.ok()) return rows.status();
          std::set<std::string> ids;
          for (const store::Row& r : *rows) ids.insert(r.Text(0));
          return ids;
        });
    ASSERT_TRUE(outbox.ok()) << outbox.status();
    std::map<std::string, int> on_stream;
    // The broker may still be taking the last publishes.
    Eventually([&] {
      auto n = bus::test_util::StreamMessageCount(*reader_, stream);
      return n.ok() && *n >= outbox->size();
    });
    auto messages = bus::test_util::ReadStream(*reader_, stream);
    ASSERT_TRUE(messages.ok()) << messages.status();
    int64_t last_position = 0;
    for (const auto& m : *messages) {
      common::v1::Event e;
      ASSERT_TRUE(e.ParseFromString(m.data));
      ++on_stream[e.id()];
      // One publisher at a time: the stream is in outbox order.
      EXPECT_GT(e.source_sequence(), last_position) << stream;
      last_position = e.source_sequence();
    }
    for (const auto& [id, times] : on_stream) EXPECT_EQ(times, 1) << stream << " event " << id;
    std::set<std::string> stream_ids;
    for (const auto& [id, times] : on_stream) stream_ids.insert(id);
    EXPECT_EQ(stream_ids, *outbox) << stream;
  }

  testing::NatsServer nats_;
  testing::RedisServer redis_;
  std::string gov_url_, ws_url_;
  std::unique_ptr<bus::NatsConnection> reader_;
};

// Sends one write with its request id, alternating replicas and, once the
// first is dead, only to the survivor (replicas[1]); a write that fails
// (its replica died) is retried with the same id, so it counts once
// whichever replica took it. `call` returns the written resource's name,
// or nullopt when the call failed.
void WriteWithRetries(const std::vector<ServiceProcess*>& replicas, int i, const std::atomic<bool>& a_dead,
                      Acknowledged& acked,
                      const std::function<std::optional<std::string>(ServiceProcess&)>& call) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    ServiceProcess* target = (a_dead.load() || (i + attempt) % 2 == 1) ? replicas[1] : replicas[0];
    if (std::optional<std::string> name = call(*target)) {
      acked.Add(*name);
      return;
    }
  }
}

void WritePlanItems(std::vector<ServiceProcess*> replicas, int writer, std::atomic<bool>& a_dead,
                    Acknowledged& acked) {
  for (int i = 0; i < kWritesPerWriter; ++i) {
    ws::CreatePlanItemRequest request;
    const int workstream = 1 + (writer + i) % kWorkstreams;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(absl::StrCat(workstream, ".", 100 + writer * kWritesPerWriter + i));
    request.mutable_plan_item()->set_task(absl::StrCat("Task of writer ", writer, " number ", i));
    request.mutable_plan_item()->set_status(i % 3 == 0 ? ws::COMPLETE : ws::ON_TRACK);
    request.set_request_id(absl::StrCat("writer-", writer, "-", i));
    WriteWithRetries(replicas, i, a_dead, acked, [&](ServiceProcess& target) -> std::optional<std::string> {
      grpc::ClientContext ctx;
      Prepare(&ctx);
      ws::PlanItem item;
      if (!ws::WorkstreamsService::NewStub(target.channel())->CreatePlanItem(&ctx, request, &item).ok()) {
        return std::nullopt;
      }
      return item.name();
    });
  }
}

void WritePeople(std::vector<ServiceProcess*> replicas, int writer, std::atomic<bool>& a_dead,
                 Acknowledged& acked) {
  for (int i = 0; i < kWritesPerWriter; ++i) {
    gov::CreatePersonRequest request;
    request.set_person_id(absl::StrCat("person-", writer, "-", i));
    request.mutable_person()->set_display_name(absl::StrCat("Person ", writer, " ", i));
    request.set_request_id(absl::StrCat("person-writer-", writer, "-", i));
    WriteWithRetries(replicas, i, a_dead, acked, [&](ServiceProcess& target) -> std::optional<std::string> {
      grpc::ClientContext ctx;
      Prepare(&ctx);
      gov::Person person;
      if (!gov::GovernanceService::NewStub(target.channel())->CreatePerson(&ctx, request, &person).ok()) {
        return std::nullopt;
      }
      return person.name();
    });
  }
}

TEST_F(ReplicasTest, OnPostgresTwoReplicasEachLoseOneMidRunAndNothingIsLostOrDoubled) {
  auto gov_a = Start(WP_GOVERNANCE_BIN, gov_url_);
  auto gov_b = Start(WP_GOVERNANCE_BIN, gov_url_);
  auto ws_a = Start(WP_WORKSTREAMS_BIN, ws_url_);
  auto ws_b = Start(WP_WORKSTREAMS_BIN, ws_url_);
  ASSERT_TRUE(gov_a && gov_b && ws_a && ws_b);
  for (int n = 1; n <= kWorkstreams; ++n) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    ws::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(n);
    request.mutable_workstream()->set_title(absl::StrCat("Workstream ", n));
    ws::Workstream created;
    // Spread over both replicas too.
    ServiceProcess& target = n % 2 == 0 ? *ws_a : *ws_b;
    ASSERT_TRUE(ws::WorkstreamsService::NewStub(target.channel())->CreateWorkstream(&ctx, request, &created).ok());
  }

  std::atomic<bool> ws_a_dead{false}, gov_a_dead{false};
  Acknowledged items, people;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back(WritePlanItems, std::vector<ServiceProcess*>{ws_a.get(), ws_b.get()}, w,
                         std::ref(ws_a_dead), std::ref(items));
    writers.emplace_back(WritePeople, std::vector<ServiceProcess*>{gov_a.get(), gov_b.get()}, w,
                         std::ref(gov_a_dead), std::ref(people));
  }
  // Mid-run: SIGKILL one replica of each service.
  ASSERT_TRUE(Eventually([&] { return items.size() >= kKillAfterWrites; }));
  ws_a->Kill();
  ws_a_dead = true;
  ASSERT_TRUE(Eventually([&] { return people.size() >= kKillAfterWrites; }));
  gov_a->Kill();
  gov_a_dead = true;
  for (std::thread& t : writers) t.join();

  // Every write was acknowledged in the end (retried on the survivor), and
  // every acknowledged one is there.
  EXPECT_EQ(items.size(), static_cast<size_t>(kWriters * kWritesPerWriter));
  EXPECT_EQ(people.size(), static_cast<size_t>(kWriters * kWritesPerWriter));
  for (const std::string& name : items.names()) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    ws::GetPlanItemRequest request;
    request.set_name(name);
    ws::PlanItem item;
    EXPECT_TRUE(ws::WorkstreamsService::NewStub(ws_b->channel())->GetPlanItem(&ctx, request, &item).ok()) << name;
  }
  for (const std::string& name : people.names()) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    gov::GetPersonRequest request;
    request.set_name(name);
    gov::Person person;
    EXPECT_TRUE(gov::GovernanceService::NewStub(gov_b->channel())->GetPerson(&ctx, request, &person).ok()) << name;
  }

  // The survivors publish what the dead left; each event once, in order.
  ExpectStreamMatchesOutboxOnce("WP_WORKSTREAMS", ws_url_, workstreams::Migrations());
  ExpectStreamMatchesOutboxOnce("WP_GOVERNANCE", gov_url_, governance::Migrations());

  // A replica started again serves the same summary as the survivor, and a
  // retried request id answers with the item it made first, on either.
  auto ws_c = Start(WP_WORKSTREAMS_BIN, ws_url_);
  ASSERT_NE(ws_c, nullptr);
  auto summary_of = [&](ServiceProcess& replica) -> absl::StatusOr<ws::TrackerSummary> {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    ws::GetTrackerSummaryRequest request;
    request.set_plan_period(kPeriod);
    request.mutable_as_of()->set_year(2019);
    request.mutable_as_of()->set_month(6);
    request.mutable_as_of()->set_day(1);
    ws::TrackerSummary summary;
    grpc::Status s = ws::WorkstreamsService::NewStub(replica.channel())->GetTrackerSummary(&ctx, request, &summary);
    if (!s.ok()) return FromGrpcStatus(s);
    summary.clear_computed_at();
    return summary;
  };
  auto on_b = summary_of(*ws_b);
  auto on_c = summary_of(*ws_c);
  ASSERT_TRUE(on_b.ok() && on_c.ok());
  EXPECT_EQ(on_b->totals().total(), kWriters * kWritesPerWriter);
  EXPECT_EQ(on_b->SerializeAsString(), on_c->SerializeAsString());
  for (ServiceProcess* replica : {ws_b.get(), ws_c.get()}) {
    ws::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref("1.999");
    request.mutable_plan_item()->set_task("Retried on both replicas");
    request.mutable_plan_item()->set_status(ws::ON_TRACK);
    request.set_request_id("retried-everywhere");
    grpc::ClientContext ctx;
    Prepare(&ctx);
    ws::PlanItem item;
    ASSERT_TRUE(ws::WorkstreamsService::NewStub(replica->channel())->CreatePlanItem(&ctx, request, &item).ok());
    EXPECT_EQ(item.name(), absl::StrCat("planPeriods/", kPeriod, "/planItems/1.999"));
  }
  // One change, one event, even though two replicas were asked.
  ExpectStreamMatchesOutboxOnce("WP_WORKSTREAMS", ws_url_, workstreams::Migrations());
  // ... and both serve the summary with it (the cache follows the change).
  EXPECT_TRUE(Eventually([&] {
    auto b = summary_of(*ws_b);
    auto c = summary_of(*ws_c);
    return b.ok() && c.ok() && b->totals().total() == kWriters * kWritesPerWriter + 1 &&
           b->SerializeAsString() == c->SerializeAsString();
  }));
  ws_c->Stop();
  ws_b->Stop();
  gov_b->Stop();
}

}  // namespace
}  // namespace wp
