#include "tools/wpctl/client.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_format.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace wp::wpctl {
namespace {

// gRPC refuses replies above 4 MB by default; a whole tracker export can be
// bigger than that.
constexpr int kMaxReplyBytes = 64 * 1024 * 1024;

}  // namespace

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
  client.channel_ = grpc::CreateCustomChannel(client.options_.server, credentials, arguments);
  client.workstreams_ = v1::WorkstreamsService::NewStub(client.channel_);
  client.networks_ = v1::NetworksService::NewStub(client.channel_);
  client.governance_channel_ =
      grpc::CreateCustomChannel(client.options_.governance_server, credentials, arguments);
  client.governance_ = gov::GovernanceService::NewStub(client.governance_channel_);
  client.plans_ = gov::PlansService::NewStub(client.governance_channel_);
  return client;
}

std::string NewRequestId() {
  absl::BitGen gen;
  return absl::StrFormat("%016x%016x", absl::Uniform<uint64_t>(gen), absl::Uniform<uint64_t>(gen));
}

void Client::Prepare(grpc::ClientContext* context) const {
  if (!options_.token.empty()) context->AddMetadata("authorization", "Bearer " + options_.token);
  if (options_.timeout > absl::ZeroDuration() && options_.timeout != absl::InfiniteDuration()) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + options_.timeout));
  }
}

}  // namespace wp::wpctl
