// Test-only: the stack an end-to-end test runs service binaries on: a real
// nats-server and redis-server on free ports, and service binaries as real
// processes, each with its own store on the test's engine (a SQLite file
// under a fresh data folder, or a fresh PostgreSQL database, test_store.h),
// all on the same servers. Also Authorize, which puts a test token and a
// deadline on a call.
//
// Not thread-safe: owned by one test thread.
#ifndef WP_LIBS_TESTING_SERVICE_STACK_H_
#define WP_LIBS_TESTING_SERVICE_STACK_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "libs/auth/roles.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"

namespace wp::testing {

class ServiceStack {
 public:
  ~ServiceStack() { Stop(); }

  // Starts nats-server and redis-server.
  absl::Status StartServers();
  // Starts `binary` on the servers with its own store `store_name` on
  // `engine`, and waits until it serves. The caller owns the process: stop
  // it before the stack.
  absl::StatusOr<std::unique_ptr<ServiceProcess>> StartService(const std::string& binary, Engine engine,
                                                               const std::string& store_name,
                                                               std::vector<std::string> flags = {});
  // Stops redis and nats. Safe to call twice.
  void Stop();

  NatsServer& nats() { return nats_; }
  RedisServer& redis() { return redis_; }

 private:
  NatsServer nats_;
  RedisServer redis_;
};

// Calls as `role`: a test bearer token for `subject` (test_tokens.h) over
// `authorities`, and a deadline `timeout` from now.
void Authorize(grpc::ClientContext* ctx, auth::Role role, const std::string& subject,
               std::vector<std::string> authorities = {}, absl::Duration timeout = absl::Seconds(60));

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_SERVICE_STACK_H_
