#include "libs/server/service_host.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/server_builder.h"
#include "libs/log/log.h"
#include "libs/server/logging_interceptor.h"
#include "libs/server/protobuf_log.h"
#include "libs/server/transport.h"

namespace wp::server {
namespace {

// The handler may only do async-signal-safe work: it writes the signal
// number into a pipe that WaitForShutdownSignal() reads.
int g_signal_pipe[2] = {-1, -1};

void OnShutdownSignal(int signal) {
  const unsigned char byte = static_cast<unsigned char>(signal);
  ssize_t ignored = write(g_signal_pipe[1], &byte, 1);
  (void)ignored;
}

constexpr int kMaxRequestBytes = 32 * 1024 * 1024;
// All request metadata together. gRPC's default (8 KiB in 1.51) refused a
// validly signed token above about 8 KiB with RESOURCE_EXHAUSTED before
// authentication could answer; tokens up to 16 KiB are accepted
// (libs/auth/token_verifier.h) and larger ones are refused by libs/authz with
// a clear UNAUTHENTICATED, so this leaves room for both.
constexpr int kMaxMetadataBytes = 64 * 1024;

}  // namespace

void InstallShutdownSignalHandlers() {
  if (g_signal_pipe[0] < 0 && pipe(g_signal_pipe) != 0) {
    log::Error("cannot create the signal pipe");
    std::exit(1);
  }
  struct sigaction action = {};
  action.sa_handler = OnShutdownSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

ServiceHost::ServiceHost(const ServiceConfig& config) : config_(config) {}

ServiceHost::~ServiceHost() {
  if (server_) Shutdown(absl::Seconds(1));
}

void ServiceHost::AddService(grpc::Service* service) { services_.push_back(service); }

void ServiceHost::AddInterceptor(
    std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> factory) {
  interceptors_.push_back(std::move(factory));
}

absl::Status ServiceHost::Start() {
  RouteProtobufLogs();
  grpc::EnableDefaultHealthCheckService(true);
  if (config_.reflection) grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials = MakeServerCredentials(config_);
  if (!credentials.ok()) return credentials.status();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(config_.listen_address, *credentials, &port_);
  // Without this a second process could bind the same port and silently
  // share its traffic; a busy port must be a start-up error instead.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  // gRPC's default 4 MB would refuse a large tracker or usage file in one call.
  builder.SetMaxReceiveMessageSize(kMaxRequestBytes);
  builder.AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE, kMaxMetadataBytes);
  for (grpc::Service* service : services_) builder.RegisterService(service);

  // The chain runs in order for every call. Authentication and metrics join here.
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> chain =
      std::move(interceptors_);
  chain.push_back(std::make_unique<LoggingInterceptorFactory>());
  builder.experimental().SetInterceptorCreators(std::move(chain));

  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) {
    server_.reset();
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config_.listen_address, " (port in use?)"));
  }
  SetServing(false);
  log::Info("listening", {{"address", config_.listen_address}, {"port", std::to_string(port_)}});
  return absl::OkStatus();
}

void ServiceHost::SetServing(bool serving) {
  if (!server_) return;
  // Sets the overall status and every registered service's status.
  server_->GetHealthCheckService()->SetServingStatus(serving);
  log::Info(serving ? "serving" : "not serving");
}

int ServiceHost::WaitForShutdownSignal() {
  unsigned char byte = 0;
  while (read(g_signal_pipe[0], &byte, 1) != 1) {
    if (errno != EINTR) return 0;
  }
  log::Info("shutdown signal", {{"signal", std::to_string(byte)}});
  return byte;
}

void ServiceHost::Shutdown(absl::Duration grace) {
  if (!server_) return;
  SetServing(false);
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
  server_.reset();
  log::Info("drained");
}

}  // namespace wp::server
