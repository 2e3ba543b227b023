#include "libs/testing/service_process.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"
#include "grpcpp/security/credentials.h"

namespace wp::testing {

std::string ReadFileOrEmpty(const std::string& path) {
  if (path.empty()) return "";
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool WaitForServing(const std::shared_ptr<grpc::Channel>& channel, absl::Duration timeout) {
  auto health = grpc::health::v1::Health::NewStub(channel);
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&ctx, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  return false;
}

ServiceProcess::ServiceProcess(ServiceOptions options) : options_(std::move(options)) {
  if (options_.port == 0) options_.port = FreePort();
  log_path_ = options_.data_dir + "/service.log";
}

std::string ServiceProcess::address() const { return absl::StrCat("127.0.0.1:", options_.port); }

absl::Status ServiceProcess::Start() {
  std::vector<std::string> argv = {options_.binary,
                                   absl::StrCat("--port=", options_.port),
                                   absl::StrCat("--data_dir=", options_.data_dir),
                                   absl::StrCat("--nats_url=", options_.nats_url),
                                   absl::StrCat("--redis_url=", options_.redis_url),
                                   "--log_level=debug",
                                   // No metrics endpoint unless a test asks for one
                                   // in extra_flags (the last --metrics_port wins):
                                   // the default (gRPC port + 1000) may be taken when
                                   // tests run side by side, and a port picked by the
                                   // kernel (0) can be the very port chosen above for
                                   // gRPC, freed a moment ago.
                                   "--metrics_port=-1"};
  if (!options_.jwt_secret.empty()) {
    argv.push_back(absl::StrCat("--jwt_hs256_secret=", options_.jwt_secret));
  }
  if (options_.tls_cert_file.empty()) {
    argv.push_back("--allow_plaintext");
  } else {
    argv.push_back(absl::StrCat("--tls_cert_file=", options_.tls_cert_file));
    argv.push_back(absl::StrCat("--tls_key_file=", options_.tls_key_file));
    if (!options_.tls_client_ca_file.empty()) {
      argv.push_back(absl::StrCat("--tls_client_ca_file=", options_.tls_client_ca_file));
    }
  }
  if (!options_.store_url.empty()) argv.push_back(absl::StrCat("--store_url=", options_.store_url));
  argv.insert(argv.end(), options_.extra_flags.begin(), options_.extra_flags.end());
  process_ = std::make_unique<ServerProcess>(argv, log_path_);
  if (absl::Status s = process_->Start(); !s.ok()) return s;
  // Connect only once the port listens, and retry fast: gRPC's default
  // reconnect backoff would add seconds to every start.
  WaitForPort(options_.port, absl::Seconds(30));
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 500);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!options_.tls_cert_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFileOrEmpty(options_.tls_root_file);
    ssl.pem_cert_chain = ReadFileOrEmpty(options_.client_cert_file);
    ssl.pem_private_key = ReadFileOrEmpty(options_.client_key_file);
    credentials = grpc::SslCredentials(ssl);
    args.SetSslTargetNameOverride("localhost");
  }
  channel_ = grpc::CreateCustomChannel(address(), credentials, args);
  if (!WaitForServing(channel_, absl::Seconds(30))) {
    return absl::UnavailableError(
        absl::StrCat(options_.binary, " did not become SERVING; see ", log_path_));
  }
  return absl::OkStatus();
}

int ServiceProcess::Stop() {
  // An idle client connection would hold the server's drain open for a while.
  channel_.reset();
  return process_ ? process_->Stop() : -1;
}

void ServiceProcess::Kill() {
  if (process_) process_->Kill();
}

}  // namespace wp::testing
