// Backup and restore end to end: the workstreams binary against real
// nats-server, redis-server and SQLite. An online backup is taken with wpctl
// while another thread keeps writing; the service is stopped and started
// again on a fresh data folder with --restore_from; it then serves exactly
// what the backup holds, which includes every write acknowledged before the
// backup began.
#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "libs/store/sqlite_file.h"
#include "wp/common/v1/store_admin.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp {
namespace {

namespace v1 = wp::workstreams::v1;

constexpr char kPeriod[] = "2018-21";

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout only
};

CommandResult Wpctl(const std::vector<std::string>& args) {
  std::string command = WP_WPCTL_BIN;
  for (const std::string& a : args) absl::StrAppend(&command, " '", a, "'");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class BackupRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
  }
  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  void StartService(const std::string& data_dir, std::vector<std::string> flags = {}) {
    testing::ServiceOptions options;
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = data_dir;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    options.extra_flags = std::move(flags);
    service_ = std::make_unique<testing::ServiceProcess>(options);
    absl::Status s = service_->Start();
    ASSERT_TRUE(s.ok()) << s << "\n" << testing::ReadFileOrEmpty(service_->log_path());
  }

  static void Prepare(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", testing::TestBearer(auth::Role::kOfficer, "backup-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  grpc::Status CreateItem(v1::WorkstreamsService::Stub& stub, int task) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(absl::StrCat("1.", task));
    request.mutable_plan_item()->set_task(absl::StrCat("Task ", task));
    request.mutable_plan_item()->set_status(v1::ON_TRACK);
    v1::PlanItem response;
    return stub.CreatePlanItem(&ctx, request, &response);
  }

  // The refs of every plan item the service serves.
  std::set<std::string> ServedRefs() {
    auto stub = v1::WorkstreamsService::NewStub(service_->channel());
    std::set<std::string> refs;
    v1::ListPlanItemsRequest request;
    request.set_plan_period(kPeriod);
    request.set_page_size(1000);
    do {
      grpc::ClientContext ctx;
      Prepare(&ctx);
      v1::ListPlanItemsResponse page;
      grpc::Status s = stub->ListPlanItems(&ctx, request, &page);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const v1::PlanItem& item : page.plan_items()) refs.insert(item.ref());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    return refs;
  }

  std::vector<std::string> AdminFlags() {
    return {absl::StrCat("--server=", service_->address()),
            "--token=" + testing::TestToken(auth::Role::kAdmin, "backup-admin")};
  }

  testing::NatsServer nats_;
  testing::RedisServer redis_;
  std::unique_ptr<testing::ServiceProcess> service_;
};

TEST_F(BackupRestoreTest, ARestoredServiceServesWhatTheBackupHolds) {
  const std::string first_dir = testing::MakeTempDir("wp-backup-first");
  StartService(first_dir);
  auto stub = v1::WorkstreamsService::NewStub(service_->channel());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(kPeriod);
    request.mutable_workstream()->set_number(1);
    request.mutable_workstream()->set_title("Workstream 1");
    v1::Workstream created;
    ASSERT_TRUE(stub->CreateWorkstream(&ctx, request, &created).ok());
  }

  // Writes under load, each acknowledged one counted, while the backup runs.
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::atomic<bool> failed{false};
  std::thread writer([&] {
    for (int task = 1; !stop; ++task) {
      if (!CreateItem(*stub, task).ok()) {
        failed = true;
        return;
      }
      acknowledged = task;
    }
  });
  while (acknowledged < 30 && !failed) std::this_thread::yield();
  const int before = acknowledged;
  std::vector<std::string> args = {"backup", "create", "--service", "workstreams", "--label",
                                   "under-load", "--json"};
  for (const std::string& f : AdminFlags()) args.push_back(f);
  CommandResult created = Wpctl(args);
  // The writer goes on a little after the backup, so some writes are surely not in it.
  const int after_backup = acknowledged;
  while (acknowledged < after_backup + 5 && !failed) std::this_thread::yield();
  stop = true;
  writer.join();
  ASSERT_FALSE(failed);
  ASSERT_EQ(created.exit_code, 0) << created.output;
  common::v1::Backup backup;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(created.output, &backup).ok()) << created.output;
  EXPECT_EQ(backup.path(), first_dir + "/backups/" + backup.name());
  EXPECT_GE(backup.last_outbox_seq(), before + 1);  // the workstream and the items acknowledged

  // wpctl lists it.
  args = {"backup", "list", "--service", "workstreams"};
  for (const std::string& f : AdminFlags()) args.push_back(f);
  CommandResult listed = Wpctl(args);
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(listed.output.find(backup.name()), std::string::npos) << listed.output;

  // What the backup holds, read from the file itself.
  std::set<std::string> in_backup;
  {
    auto file = store::SqliteFile::Open(backup.path(), store::SqliteFile::Mode::kReadOnly);
    ASSERT_TRUE(file.ok()) << file.status();
    auto rows = (*file)->Rows("SELECT ref FROM plan_items");
    ASSERT_TRUE(rows.ok()) << rows.status();
    for (const auto& row : *rows) in_backup.insert(row[0]);
  }
  for (int task = 1; task <= before; ++task) {
    EXPECT_EQ(in_backup.count(absl::StrCat("1.", task)), 1u) << "acknowledged write 1." << task;
  }
  const std::set<std::string> served_before = ServedRefs();
  EXPECT_GT(served_before.size(), in_backup.size());

  // Stop; restore into a fresh data folder; start.
  ASSERT_EQ(service_->Stop(), 0);
  const std::string second_dir = testing::MakeTempDir("wp-backup-second");
  StartService(second_dir, {"--restore_from=" + backup.path()});
  EXPECT_EQ(ServedRefs(), in_backup);
  // It takes writes again, the ones lost with the restore among them.
  auto restored_stub = v1::WorkstreamsService::NewStub(service_->channel());
  EXPECT_TRUE(CreateItem(*restored_stub, acknowledged).ok());
}

TEST_F(BackupRestoreTest, RefusesToStartFromAFileThatIsNotABackup) {
  const std::string dir = testing::MakeTempDir("wp-backup-bad");
  const std::string bogus = dir + "/bogus.db";
  {
    std::FILE* f = std::fopen(bogus.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("not a database at all, but long enough to have a header of one hundred bytes....\n", f);
    std::fclose(f);
  }
  // A start-up error: the process exits before it serves.
  const std::string command = absl::StrCat(
      WP_WORKSTREAMS_BIN, " --port=", testing::FreePort(), " --data_dir=", dir, "/data",
      " --nats_url=", nats_.url(), " --redis_url=", redis_.url(), " --allow_plaintext",
      " --jwt_hs256_secret=", testing::kTestJwtSecret, " --restore_from=", bogus, " 2>&1");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << result.output;
  EXPECT_NE(result.output.find("cannot restore the store"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("not a SQLite database"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace wp
