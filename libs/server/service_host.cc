#include "libs/server/service_host.h"

#include <signal.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/server_builder.h"
#include "libs/log/log.h"
#include "libs/server/logging_interceptor.h"

namespace wp::server {
namespace {

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

void BlockShutdownSignals() {
  sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

ServiceHost::ServiceHost(const ServiceConfig& config) : config_(config) {}

ServiceHost::~ServiceHost() {
  if (server_) Shutdown(absl::Seconds(1));
}

void ServiceHost::AddService(grpc::Service* service) { services_.push_back(service); }

absl::Status ServiceHost::Start() {
  grpc::EnableDefaultHealthCheckService(true);
  if (config_.reflection) grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  builder.AddListeningPort(config_.listen_address, grpc::InsecureServerCredentials(), &port_);
  for (grpc::Service* service : services_) builder.RegisterService(service);

  // The chain runs in order for every call. Authentication and metrics join here.
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> chain;
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
  sigset_t set = ShutdownSignals();
  int signal = 0;
  sigwait(&set, &signal);
  log::Info("shutdown signal", {{"signal", std::to_string(signal)}});
  return signal;
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
