#include "tools/wpctl/client.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_format.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "libs/store/replay_watch.h"  // the metadata key only

namespace wp::wpctl {
namespace {

// gRPC refuses replies above 4 MB by default; a whole tracker export can be
// bigger than that.
constexpr int kMaxReplyBytes = 64 * 1024 * 1024;

}  // namespace

// [START wpctl_services]
const std::vector<ServiceAddress>& Services() {
  static const auto* services = new std::vector<ServiceAddress>{
      {"workstreams", "server", "127.0.0.1:50052"},
      {"governance", "governance_server", "127.0.0.1:50051"},
      {"westos", "westos_server", "127.0.0.1:50054"},
      {"learning", "learning_server", "127.0.0.1:50053"},
  };
  return *services;
}
// [END wpctl_services]

const ServiceAddress* FindService(absl::string_view service) {
  for (const ServiceAddress& s : Services()) {
    if (s.service == service) return &s;
  }
  return nullptr;
}

absl::StatusOr<Client> Client::Create(ClientOptions options) {
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!options.tls_ca_file.empty()) {
    std::ifstream in(options.tls_ca_file, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read --tls_ca ", options.tls_ca_file));
    std::stringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    credentials = grpc::SslCredentials(ssl);
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxReplyBytes);
  Client client;
  client.options_ = std::move(options);
  for (const ServiceAddress& service : Services()) {
    const auto it = client.options_.addresses.emplace(service.service, service.default_address).first;
    client.channels_[service.service] = grpc::CreateCustomChannel(it->second, credentials, arguments);
  }
  client.workstreams_ = v1::WorkstreamsService::NewStub(client.channel("workstreams"));
  client.networks_ = v1::NetworksService::NewStub(client.channel("workstreams"));
  client.projects_ = v1::ProjectsService::NewStub(client.channel("workstreams"));
  client.governance_ = gov::GovernanceService::NewStub(client.channel("governance"));
  client.plans_ = gov::PlansService::NewStub(client.channel("governance"));
  return client;
}

std::shared_ptr<grpc::Channel> Client::channel(absl::string_view service) const {
  auto it = channels_.find(service);
  return it == channels_.end() ? nullptr : it->second;
}

std::string Client::address(absl::string_view service) const {
  auto it = options_.addresses.find(std::string(service));
  return it == options_.addresses.end() ? "" : it->second;
}

std::string NewRequestId() {
  absl::BitGen gen;
  return absl::StrFormat("%016x%016x", absl::Uniform<uint64_t>(gen), absl::Uniform<uint64_t>(gen));
}

std::string ReplayOf(const grpc::ClientContext& context) {
  const auto& trailing = context.GetServerTrailingMetadata();
  auto it = trailing.find(store::kReplayOfMetadataKey);
  return it == trailing.end() ? "" : std::string(it->second.data(), it->second.size());
}

void Client::Prepare(grpc::ClientContext* context) const {
  if (!options_.token.empty()) context->AddMetadata("authorization", "Bearer " + options_.token);
  if (options_.timeout > absl::ZeroDuration() && options_.timeout != absl::InfiniteDuration()) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + options_.timeout));
  }
}

}  // namespace wp::wpctl
