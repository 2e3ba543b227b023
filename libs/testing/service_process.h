// Runs a service binary for a test, as production would run it, and waits
// until its gRPC health check says SERVING.
//
// Not thread-safe: owned by one test thread.
#ifndef WP_LIBS_TESTING_SERVICE_PROCESS_H_
#define WP_LIBS_TESTING_SERVICE_PROCESS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "grpcpp/channel.h"
#include "libs/testing/server_process.h"

namespace wp::testing {

struct ServiceOptions {
  std::string binary;
  std::string data_dir;
  std::string nats_url;
  std::string redis_url;
  // --store_url: empty for SQLite under data_dir, or a PostgreSQL url
  // (postgres_server.h makes one per test).
  std::string store_url;
  int port = 0;  // 0: a free port is chosen
  std::vector<std::string> extra_flags;
  // Tokens are verified with this secret (test_tokens.h signs with it);
  // empty for none (then pass --jwt_rs256_public_key_file in extra_flags).
  std::string jwt_secret = "test-secret-for-integration-tests-only-0123456789";
  // TLS: when set, the service serves TLS with these files and the test
  // channel trusts `tls_root_file`; otherwise plaintext is allowed.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_root_file;
  std::string tls_client_ca_file;
  // Client certificate the test channel presents (mutual TLS), PEM files.
  std::string client_cert_file;
  std::string client_key_file;
};

class ServiceProcess {
 public:
  explicit ServiceProcess(ServiceOptions options);

  // Starts and waits (up to 30 s) for SERVING.
  absl::Status Start();
  // SIGTERM and wait: a graceful drain. Returns the exit status.
  int Stop();
  // SIGKILL: a crash.
  void Kill();

  int port() const { return options_.port; }
  std::string address() const;
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  const std::string& log_path() const { return log_path_; }
  // The running process's id (benchmarks read its memory); -1 when stopped.
  pid_t pid() const { return process_ ? process_->pid() : -1; }

 private:
  ServiceOptions options_;
  std::string log_path_;
  std::unique_ptr<ServerProcess> process_;
  std::shared_ptr<grpc::Channel> channel_;
};

// The file's text, or "" when `path` is empty or unreadable.
std::string ReadFileOrEmpty(const std::string& path);

// True once the health service at `channel` answers SERVING.
bool WaitForServing(const std::shared_ptr<grpc::Channel>& channel, absl::Duration timeout);

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_SERVICE_PROCESS_H_
