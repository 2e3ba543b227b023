// `wpctl networks list|get|health|set-coordinator|set-cadence`: specialist
// networks and forums, and how sustainable each is.
#include "tools/wpctl/commands.h"
#include "tools/wpctl/names.h"
#include "tools/wpctl/network_views.h"
#include "tools/wpctl/values.h"
#include "tools/wpctl/governance_names.h"

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
  auto as_of = DateOption(args, "as-of", /*allow_month_only=*/false);
  if (!as_of.ok()) return as_of.status();
  if (as_of->has_value()) *request.mutable_as_of() = **as_of;
  auto network = env.client->Call(env.client->networks(), &Stub::GetNetwork, request);
  if (!network.ok()) return network.status();
  return Print(env, *network, NetworkText(*network));
}

CommandResult NetworksHealth(const CommandEnv& env, const Args& args) {
  v1::ListNetworkSustainabilityRequest request;
  auto as_of = DateOption(args, "as-of", /*allow_month_only=*/false);
  if (!as_of.ok()) return as_of.status();
  if (as_of->has_value()) *request.mutable_as_of() = **as_of;
  auto response = env.client->Call(env.client->networks(), &Stub::ListNetworkSustainability, request);
  if (!response.ok()) return response.status();
  return Print(env, *response, NetworkHealthText(*response));
}

CommandResult NetworksSetCoordinator(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = NetworkName(args.positional.at(0));
  if (!name.ok()) return name.status();
  auto start = DateOption(args, "start", /*allow_month_only=*/false);
  if (!start.ok()) return start.status();
  auto until = DateOption(args, "until", /*allow_month_only=*/false);
  if (!until.ok()) return until.status();
  v1::SetCoordinatorRequest request;
  request.set_name(*name);
  request.set_etag(args.Get("etag"));
  // So that the retry below (or the user's own) applies it once.
  request.set_request_id(NewRequestId());
  v1::Coordinator* coordinator = request.mutable_coordinator();
  absl::StatusOr<std::string> authority = AuthorityCode(args.positional.at(1));
  if (!authority.ok()) return authority.status();
  coordinator->set_authority(*authority);
  // No PERSON: the authority's coordinator is removed.
  if (args.positional.size() > 2) coordinator->set_person(args.positional.at(2));
  if (start->has_value()) *coordinator->mutable_start_date() = **start;
  if (until->has_value()) *coordinator->mutable_term_end_date() = **until;
  auto network = CallOnce(env, env.client->networks(), &Stub::SetCoordinator, request);
  if (!network.ok()) return network.status();
  return Print(env, *network, NetworkText(*network));
}

CommandResult NetworksSetCadence(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = NetworkName(args.positional.at(0));
  if (!name.ok()) return name.status();
  absl::StatusOr<int> per_year = ParseInt(args.positional.at(1), 1, 52);
  if (!per_year.ok()) return per_year.status();
  v1::SetMeetingCadenceRequest request;
  request.set_name(*name);
  request.set_expected_meetings_per_year(*per_year);
  request.set_etag(args.Get("etag"));
  auto network = env.client->Call(env.client->networks(), &Stub::SetMeetingCadence, request);
  if (!network.ok()) return network.status();
  return Print(env, *network, NetworkText(*network));
}

}  // namespace wp::wpctl
