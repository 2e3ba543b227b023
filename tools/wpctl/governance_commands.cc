// `wpctl authorities|population|people|bodies|members|meetings|decisions|actions`:
// the governance service's structure, meetings and what they decided.
#include "libs/calendar/dates.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/governance_requests.h"
#include "tools/wpctl/governance_views.h"

namespace wp::wpctl {
namespace {

using Stub = gov::GovernanceService::Stub;

// MEETING, the first operand: "board/12" or a full name.
absl::StatusOr<std::string> MeetingArg(const Args& args) {
  return MeetingName(args.positional.at(0));
}

}  // namespace

CommandResult AuthoritiesList(const CommandEnv& env, const Args& args) {
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListAuthorities,
                                      gov::ListAuthoritiesRequest());
  if (!all.ok()) return all.status();
  return Print(env, *all, AuthoritiesText(*all));
}

CommandResult PopulationGet(const CommandEnv& env, const Args& args) {
  auto request = PopulationGetRequest(args);
  if (!request.ok()) return request.status();
  auto population = env.client->Call(env.client->governance(), &Stub::GetPopulation, *request);
  if (!population.ok()) return population.status();
  return Print(env, *population, PopulationText(*population));
}

CommandResult PopulationSet(const CommandEnv& env, const Args& args) {
  auto request = PopulationSetRequest(args);
  if (!request.ok()) return request.status();
  auto population = env.client->Call(env.client->governance(), &Stub::UpdatePopulation, *request);
  if (!population.ok()) return population.status();
  return Print(env, *population, PopulationText(*population));
}

CommandResult PopulationRegion(const CommandEnv& env, const Args& args) {
  auto request = RegionPopulationRequest(args);
  if (!request.ok()) return request.status();
  auto region = env.client->Call(env.client->governance(), &Stub::GetRegionPopulation, *request);
  if (!region.ok()) return region.status();
  return Print(env, *region, RegionPopulationText(*region));
}

CommandResult PeopleList(const CommandEnv& env, const Args& args) {
  auto request = PeopleListRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListPeople, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, PeopleText(*all));
}

CommandResult BodiesList(const CommandEnv& env, const Args& args) {
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListBodies,
                                      gov::ListBodiesRequest());
  if (!all.ok()) return all.status();
  return Print(env, *all, BodiesText(*all));
}

CommandResult BodiesGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = BodyName(args.positional.at(0));
  if (!name.ok()) return name.status();
  gov::GetBodyRequest request;
  request.set_name(*name);
  auto body = env.client->Call(env.client->governance(), &Stub::GetBody, request);
  if (!body.ok()) return body.status();
  return Print(env, *body, BodyText(*body));
}

CommandResult MembersList(const CommandEnv& env, const Args& args) {
  auto request = MembersListRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListMemberships, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, MembershipsText(*all));
}

CommandResult MeetingsList(const CommandEnv& env, const Args& args) {
  auto request = MeetingsListRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListMeetings, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, MeetingsText(*all));
}

CommandResult MeetingsGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = MeetingArg(args);
  if (!name.ok()) return name.status();
  gov::GetMeetingRequest request;
  request.set_name(*name);
  auto meeting = env.client->Call(env.client->governance(), &Stub::GetMeeting, request);
  if (!meeting.ok()) return meeting.status();
  return Print(env, *meeting, MeetingText(*meeting));
}

CommandResult MeetingsPack(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = MeetingArg(args);
  if (!name.ok()) return name.status();
  gov::GetMeetingPackRequest request;
  request.set_name(*name);
  auto pack = env.client->Call(env.client->governance(), &Stub::GetMeetingPack, request);
  if (!pack.ok()) return pack.status();
  return Print(env, *pack, MeetingPackText(*pack));
}

CommandResult DecisionsList(const CommandEnv& env, const Args& args) {
  auto request = DecisionsListRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListDecisions, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, DecisionsText(*all));
}

CommandResult ActionsList(const CommandEnv& env, const Args& args) {
  // The service judges overdue on UTC days; asking with the same day agrees with it.
  auto request = ActionsListRequest(args, calendar::TodayUtc());
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->governance(), &Stub::ListActions, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, ActionsText(*all));
}

}  // namespace wp::wpctl
