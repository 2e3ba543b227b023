// `wpctl networks list|get`: specialist networks and forums.
#include "tools/wpctl/commands.h"
#include "tools/wpctl/names.h"
#include "tools/wpctl/network_views.h"

namespace wp::wpctl {
namespace {

using Stub = v1::NetworksService::Stub;

}  // namespace

CommandResult NetworksList(const CommandEnv& env, const Args& args) {
  v1::ListNetworksRequest request;
  auto all = env.client->CallAllPages(env.client->networks(), &Stub::ListNetworks, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, NetworksText(*all));
}

CommandResult NetworksGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = NetworkName(args.positional.at(0));
  if (!name.ok()) return name.status();
  v1::GetNetworkRequest request;
  request.set_name(*name);
  auto network = env.client->Call(env.client->networks(), &Stub::GetNetwork, request);
  if (!network.ok()) return network.status();
  return Print(env, *network, NetworkText(*network));
}

}  // namespace wp::wpctl
