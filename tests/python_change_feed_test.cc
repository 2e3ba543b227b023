// The change feed followed from another language: examples/python/
// follow_changes.py, with modules generated from the proto files, reads the
// events of a running workstreams service (real nats-server, redis-server
// and SQLite file), payloads included, in order. Keeps the docs/events.md
// example true.
#include <sys/wait.h>

#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp {
namespace {

namespace v1 = wp::workstreams::v1;

struct Output {
  int exit_code = -1;
  std::string text;
};

Output RunShell(const std::string& command) {
  Output out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out.text.append(buffer, n);
  const int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

class PythonChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    testing::ServiceOptions options;
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = testing::MakeTempDir("wp-python-feed");
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<testing::ServiceProcess>(options);
    ASSERT_TRUE(service_->Start().ok());
  }

  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  Output Follow(const std::string& token, const std::string& extra = "") {
    return RunShell(absl::StrCat("PYTHONPATH='", WP_PYTHON_GEN_DIR, "' /usr/bin/python3 '", WP_FOLLOW_CHANGES,
                            "' --server ", service_->address(), " --token '", token, "' --once ", extra));
  }

  testing::NatsServer nats_;
  testing::RedisServer redis_;
  std::unique_ptr<testing::ServiceProcess> service_;
};

TEST_F(PythonChangeFeedTest, APythonClientReadsTheEventsInOrder) {
  auto stub = v1::WorkstreamsService::NewStub(service_->channel());
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", testing::TestBearer(auth::Role::kOfficer, "python-test"));
  v1::CreateWorkstreamRequest request;
  request.mutable_workstream()->set_plan_period("2026-27");
  request.mutable_workstream()->set_number(1);
  request.mutable_workstream()->set_title("Wellbeing for Learning");
  v1::Workstream created;
  ASSERT_TRUE(stub->CreateWorkstream(&ctx, request, &created).ok());

  const std::string token = testing::TestToken(auth::Role::kAnalyst, "python-test");
  Output out = Follow(token);
  ASSERT_EQ(out.exit_code, 0) << out.text;
  EXPECT_NE(out.text.find("\"type\": \"wp.workstreams.workstream.created\""), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("\"resource\": \"planPeriods/2026-27/workstreams/1\""), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("\"title\": \"Wellbeing for Learning\""), std::string::npos) << out.text;  // the payload

  // Resuming after the last position reads nothing more.
  Output resumed = Follow(token, "--after 1");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.text;
  EXPECT_EQ(resumed.text, "");

  Output refused = Follow("not-a-token");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.text.find("UNAUTHENTICATED"), std::string::npos) << refused.text;
}

}  // namespace
}  // namespace wp
