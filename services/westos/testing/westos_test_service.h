// End-to-end tests of westos, set up once: a real nats-server and
// redis-server, the westos binary as a real process on the test's store
// engine (a SQLite file or a fresh PostgreSQL database, test_store.h), and
// other service binaries (e.g. governance) on the same servers.
// WestosEndToEndTest is the fixture of tests run on each engine; Authorize
// puts a test token and a deadline on a call.
//
// Not thread-safe: owned by one test thread.
#ifndef WP_SERVICES_WESTOS_TESTING_WESTOS_TEST_SERVICE_H_
#define WP_SERVICES_WESTOS_TESTING_WESTOS_TEST_SERVICE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/service_stack.h"
#include "libs/testing/test_store.h"

namespace wp::westos {

class WestosTestService {
 public:
  ~WestosTestService() { Stop(); }

  // Starts nats-server and redis-server.
  absl::Status StartServers() { return stack_.StartServers(); }
  // Starts `binary` on the servers with its own store `store_name` on
  // `engine`, and waits until it serves (libs/testing/service_stack.h).
  absl::StatusOr<std::unique_ptr<wp::testing::ServiceProcess>> StartService(
      const std::string& binary, wp::testing::Engine engine, const std::string& store_name,
      std::vector<std::string> flags = {}) {
    return stack_.StartService(binary, engine, store_name, std::move(flags));
  }
  // Starts westos (store "westos") with `flags`; the servers must be up.
  absl::Status StartWestos(wp::testing::Engine engine, std::vector<std::string> flags = {});
  // Both: the servers, then westos.
  absl::Status Start(wp::testing::Engine engine, std::vector<std::string> flags = {});
  // Stops westos, then redis and nats (services from StartService are the
  // caller's: stop them first). Safe to call twice.
  void Stop();

  wp::testing::ServiceProcess& westos() { return *westos_; }
  std::shared_ptr<grpc::Channel> channel() const { return westos_->channel(); }
  wp::testing::NatsServer& nats() { return stack_.nats(); }

 private:
  wp::testing::ServiceStack stack_;
  std::unique_ptr<wp::testing::ServiceProcess> westos_;
};

// The fixture of an end-to-end test on each engine; instantiate the suite
// with ::testing::Values(kSqlite, kPostgres) and EngineNamer. A test
// needing flags overrides WestosFlags().
class WestosEndToEndTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override;
  void TearDown() override { stack_.Stop(); }
  virtual std::vector<std::string> WestosFlags() const { return {}; }

  // A client of one of westos's gRPC services, e.g. Stub<v1::UsageService>().
  template <typename Service>
  std::unique_ptr<typename Service::Stub> Stub() {
    return Service::NewStub(stack_.channel());
  }
  wp::testing::ServiceProcess& westos() { return stack_.westos(); }

  WestosTestService stack_;
};

// Calls as `role` (libs/testing/service_stack.h).
using wp::testing::Authorize;

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TESTING_WESTOS_TEST_SERVICE_H_
