// The service runtime against real nats-server, redis-server and SQLite,
// with no service of its own: it serves health, publishes what is written
// through its database, advances the generation after a commit, and shuts
// down cleanly on SIGTERM.
#include "libs/runtime/service_runtime.h"

#include <signal.h>

#include <atomic>
#include <thread>

#include "google/protobuf/wrappers.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/runtime/runtime_test_support.h"
#include "libs/store/backup.h"
#include "libs/store/outbox.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/server_process.h"
#include "libs/testing/test_tokens.h"

namespace wp::runtime {
namespace {

using bus::test_util::Eventually;

const char kName[] = "runtimetest";

class ServiceRuntimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server::InstallShutdownSignalHandlers(); }

  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    config_ = TestServiceConfig(kName, nats_.url(), redis_.url());
  }

  ServiceSpec Spec() {
    ServiceSpec spec;
    spec.name = kName;
    spec.migrations = {{1, "items", "CREATE TABLE items (name TEXT PRIMARY KEY)"}};
    return spec;
  }

  grpc::health::v1::HealthCheckResponse::ServingStatus Health(int port) {
    auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                       grpc::InsecureChannelCredentials());
    auto stub = grpc::health::v1::Health::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (!stub->Check(&ctx, request, &response).ok()) return grpc::health::v1::HealthCheckResponse::UNKNOWN;
    return response.status();
  }

  int64_t WriteItem(ServiceRuntime& rt, const std::string& name) { return WriteTestItem(rt, kName, name); }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  ServiceConfig config_;
};

TEST_F(ServiceRuntimeTest, ServesHealthAndPublishesWhatIsWritten) {
  auto rt = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(rt.ok()) << rt.status();
  EXPECT_FALSE((*rt)->store_id().empty());
  EXPECT_NE((*rt)->cache(), nullptr);
  ASSERT_TRUE((*rt)->Start().ok());
  EXPECT_EQ(Health((*rt)->port()), grpc::health::v1::HealthCheckResponse::SERVING);

  // A commit advances the generation at once (the commit listener) ...
  const int64_t seq = WriteItem(**rt, "one");
  EXPECT_GT(seq, 0);
  EXPECT_EQ((*rt)->generation().current(), seq);
  // ... and the relay publishes the event to the service's stream.
  EXPECT_TRUE(Eventually([&] {
    auto n = bus::test_util::StreamMessageCount((*rt)->nats(), bus::StreamNameFor(kName));
    return n.ok() && *n == 1;
  }));
  const int port = (*rt)->port();
  (*rt)->Shutdown();
  EXPECT_NE(Health(port), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(ServiceRuntimeTest, RunReturnsCleanlyOnSigtermAfterFlushingTheOutbox) {
  const int port = wp::testing::FreePort();
  config_.listen_address = absl::StrCat("127.0.0.1:", port);
  auto rt = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(rt.ok()) << rt.status();
  std::atomic<bool> consumer_like_started{false};
  std::atomic<bool> consumer_like_stopped{false};
  (*rt)->AddBackgroundTask(
      "the test task",
      [&] {
        consumer_like_started = true;
        return absl::OkStatus();
      },
      [&] { consumer_like_stopped = true; });
  int exit_status = -1;
  std::thread runner([&] { exit_status = (*rt)->Run(); });
  ASSERT_TRUE(Eventually([&] { return consumer_like_started.load(); }));
  ASSERT_TRUE(Eventually(
      [&] { return Health(port) == grpc::health::v1::HealthCheckResponse::SERVING; }));
  WriteItem(**rt, "two");
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  runner.join();
  EXPECT_EQ(exit_status, 0);
  EXPECT_TRUE(consumer_like_stopped.load());
  // What was committed before the signal went out before the relay stopped.
  auto n = bus::test_util::StreamMessageCount((*rt)->nats(), bus::StreamNameFor(kName));
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 1u);
}

TEST_F(ServiceRuntimeTest, StartUpErrorNamesTheStep) {
  config_.redis_url = "not-a-redis-url";
  auto rt = ServiceRuntime::Create(config_, Spec());
  ASSERT_FALSE(rt.ok());
  EXPECT_NE(rt.status().message().find("bad redis_url"), std::string::npos) << rt.status();
}

int64_t CountItems(store::Database& db) {
  auto n = store::ReadValue<int64_t>(db, [](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM outbox");
    if (!row.ok()) return row.status();
    return row->Int(0);
  });
  EXPECT_TRUE(n.ok()) << n.status();
  return n.ok() ? *n : -1;
}

TEST_F(ServiceRuntimeTest, RestoresFromABackupBeforeOpeningTheStore) {
  const std::string backup = wp::testing::MakeTempDir("runtime-backup") + "/backup.db";
  std::string old_id;
  {
    auto rt = ServiceRuntime::Create(config_, Spec());
    ASSERT_TRUE(rt.ok()) << rt.status();
    old_id = (*rt)->store_id();
    WriteItem(**rt, "one");
    WriteItem(**rt, "two");
    ASSERT_TRUE(store::BackupTo((*rt)->db(), backup).ok());
    WriteItem(**rt, "three");  // after the backup: gone once it is restored
  }
  config_.restore_from = backup;
  auto rt = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(rt.ok()) << rt.status();
  EXPECT_EQ(CountItems((*rt)->db()), 2);
  EXPECT_EQ((*rt)->generation().current(), 2);
  // A new identity: nothing cached for the store before the restore is read.
  EXPECT_FALSE((*rt)->store_id().empty());
  EXPECT_NE((*rt)->store_id(), old_id);
  // Writes go on from the backup's outbox position.
  EXPECT_EQ(WriteItem(**rt, "four"), 3);
}

TEST_F(ServiceRuntimeTest, RefusesToRestoreAnotherServicesStore) {
  const std::string backup = wp::testing::MakeTempDir("runtime-backup") + "/other.db";
  {
    auto other = store::OpenSqlite({wp::testing::MakeTempDir("runtime-other") + "/other.db"},
                                   {{1, "sessions", "CREATE TABLE sessions (id TEXT)"}});
    ASSERT_TRUE(other.ok()) << other.status();
    ASSERT_TRUE(store::BackupTo(**other, backup).ok());
  }
  config_.restore_from = backup;
  auto rt = ServiceRuntime::Create(config_, Spec());
  EXPECT_EQ(rt.status().code(), absl::StatusCode::kFailedPrecondition) << rt.status();
  EXPECT_NE(rt.status().message().find("cannot restore the store"), std::string::npos) << rt.status();
}

}  // namespace
}  // namespace wp::runtime
