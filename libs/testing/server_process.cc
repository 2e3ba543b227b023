#include "libs/testing/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

#ifndef WP_NATS_SERVER_BIN
#define WP_NATS_SERVER_BIN "nats-server"
#endif
#ifndef WP_REDIS_SERVER_BIN
#define WP_REDIS_SERVER_BIN "redis-server"
#endif

namespace wp::testing {

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string MakeTempDir(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = absl::StrCat(tmp ? tmp : "/tmp", "/", prefix, "-XXXXXX");
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  char* made = ::mkdtemp(buffer.data());
  return made ? std::string(made) : std::string();
}

bool WaitForPort(int port, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    if (ok) return true;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return false;
}

ServerProcess::ServerProcess(std::vector<std::string> argv, std::string log_path)
    : argv_(std::move(argv)), log_path_(std::move(log_path)) {}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Kill();
}

absl::Status ServerProcess::Start(const std::vector<std::string>& extra_env) {
  if (pid_ > 0) return absl::FailedPreconditionError("already running");
  pid_t pid = ::fork();
  if (pid < 0) return absl::InternalError(absl::StrCat("fork: ", std::strerror(errno)));
  if (pid == 0) {
    // Child: own process group so signals to the test do not reach it twice.
    ::setpgid(0, 0);
    for (const std::string& kv : extra_env) ::putenv(::strdup(kv.c_str()));
    if (!log_path_.empty()) {
      int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
      }
    }
    std::vector<char*> args;
    for (const std::string& a : argv_) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    std::fprintf(stderr, "exec %s failed: %s\n", args[0], std::strerror(errno));
    ::_exit(127);
  }
  pid_ = pid;
  return absl::OkStatus();
}

int ServerProcess::Stop(absl::Duration grace) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  const absl::Time deadline = absl::Now() + grace;
  int status = 0;
  while (absl::Now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

int ServerProcess::WaitForExit(absl::Duration timeout) {
  if (pid_ <= 0) return -1;
  const absl::Time deadline = absl::Now() + timeout;
  int status = 0;
  while (absl::Now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  return -1;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

NatsServer::NatsServer() : port_(FreePort()), store_dir_(MakeTempDir("wp-nats")) {}

absl::Status NatsServer::Start() {
  process_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{WP_NATS_SERVER_BIN, "-js", "-sd", store_dir_, "-a", "127.0.0.1",
                               "-p", std::to_string(port_)},
      store_dir_ + "/nats.log");
  if (absl::Status s = process_->Start(); !s.ok()) return s;
  if (!WaitForPort(port_, absl::Seconds(15))) {
    return absl::UnavailableError(absl::StrCat("nats-server did not listen on ", port_));
  }
  return absl::OkStatus();
}

void NatsServer::Stop() {
  if (process_) process_->Stop();
}

absl::Status NatsServer::Restart() {
  Stop();
  return Start();
}

std::string NatsServer::url() const { return absl::StrCat("nats://127.0.0.1:", port_); }

RedisServer::RedisServer() : port_(FreePort()) {}

absl::Status RedisServer::Start() {
  process_ = std::make_unique<ServerProcess>(std::vector<std::string>{
      WP_REDIS_SERVER_BIN, "--port", std::to_string(port_), "--bind", "127.0.0.1", "--save", "",
      "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"});
  if (absl::Status s = process_->Start(); !s.ok()) return s;
  if (!WaitForPort(port_, absl::Seconds(15))) {
    return absl::UnavailableError(absl::StrCat("redis-server did not listen on ", port_));
  }
  return absl::OkStatus();
}

void RedisServer::Stop() {
  if (process_) process_->Stop();
}

std::string RedisServer::url() const { return absl::StrCat("redis://127.0.0.1:", port_); }

}  // namespace wp::testing
