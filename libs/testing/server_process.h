// Starts real servers (nats-server, redis-server, a service binary) for tests
// that cross a process boundary, on free ports, and stops them afterwards.
//
// Not thread-safe: one test thread owns each ServerProcess.
#ifndef WP_LIBS_TESTING_SERVER_PROCESS_H_
#define WP_LIBS_TESTING_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace wp::testing {

// A TCP port nobody listens on right now (bound to port 0 and released).
int FreePort();

// A fresh empty folder under $TMPDIR, removed by the caller or left for debugging.
std::string MakeTempDir(const std::string& prefix);

// True once something accepts TCP connections on 127.0.0.1:port.
bool WaitForPort(int port, absl::Duration timeout);

class ServerProcess {
 public:
  // argv[0] is the program path. Output goes to `log_path` when not empty.
  ServerProcess(std::vector<std::string> argv, std::string log_path = "");
  ~ServerProcess();  // Stops with SIGKILL if still running.
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  absl::Status Start(const std::vector<std::string>& extra_env = {});
  // SIGTERM, then SIGKILL after `grace`; returns the exit status.
  int Stop(absl::Duration grace = absl::Seconds(10));
  // Waits up to `timeout` for the process to exit by itself; returns its
  // exit status, or -1 if it is still running.
  int WaitForExit(absl::Duration timeout);
  // SIGKILL now: a crash as far as the process can tell.
  void Kill();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

 private:
  std::vector<std::string> argv_;
  std::string log_path_;
  pid_t pid_ = -1;
};

// nats-server with JetStream on a free port, storing under its own folder.
class NatsServer {
 public:
  NatsServer();
  absl::Status Start();
  void Stop();
  // Stops and starts again on the same port and store folder.
  absl::Status Restart();
  int port() const { return port_; }
  std::string url() const;

 private:
  int port_;
  std::string store_dir_;
  std::unique_ptr<ServerProcess> process_;
};

// redis-server on a free port without persistence.
class RedisServer {
 public:
  RedisServer();
  absl::Status Start();
  void Stop();
  int port() const { return port_; }
  std::string url() const;

 private:
  int port_;
  std::unique_ptr<ServerProcess> process_;
};

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_SERVER_PROCESS_H_
