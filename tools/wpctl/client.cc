#include "tools/wpctl/client.h"

#include <utility>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace wp::wpctl {
namespace {

// gRPC refuses replies above 4 MB by default; a whole tracker export can be
// bigger than that.
constexpr int kMaxReplyBytes = 64 * 1024 * 1024;

}  // namespace

Client::Client(ClientOptions options) : options_(std::move(options)) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxReplyBytes);
  // No TLS yet: the services listen in plain text on a private network.
  channel_ = grpc::CreateCustomChannel(options_.server, grpc::InsecureChannelCredentials(),
                                       arguments);
  workstreams_ = v1::WorkstreamsService::NewStub(channel_);
  networks_ = v1::NetworksService::NewStub(channel_);
}

void Client::Prepare(grpc::ClientContext* context) const {
  if (!options_.actor.empty()) context->AddMetadata("x-wp-actor", options_.actor);
  if (options_.timeout > absl::ZeroDuration() && options_.timeout != absl::InfiniteDuration()) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + options_.timeout));
  }
}

}  // namespace wp::wpctl
