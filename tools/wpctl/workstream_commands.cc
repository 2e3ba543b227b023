// `wpctl workstreams list|get|create`.
#include "tools/wpctl/commands.h"
#include "tools/wpctl/item_views.h"
#include "tools/wpctl/names.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {

namespace {
using Stub = v1::WorkstreamsService::Stub;
}  // namespace

CommandResult WorkstreamsList(const CommandEnv& env, const Args& args) {
  v1::ListWorkstreamsRequest request;
  request.set_plan_period(args.Get("period"));  // empty lists every period
  auto all = env.client->CallAllPages(env.client->workstreams(), &Stub::ListWorkstreams, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, WorkstreamsText(*all));
}

CommandResult WorkstreamsGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = WorkstreamName(args.positional.at(0), args.Get("period"));
  if (!name.ok()) return name.status();
  v1::GetWorkstreamRequest request;
  request.set_name(*name);
  auto workstream = env.client->Call(env.client->workstreams(), &Stub::GetWorkstream, request);
  if (!workstream.ok()) return workstream.status();
  return Print(env, *workstream, WorkstreamText(*workstream));
}

CommandResult WorkstreamsCreate(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> period = args.Required("period");
  if (!period.ok()) return period.status();
  absl::StatusOr<std::string> number_text = args.Required("number");
  if (!number_text.ok()) return number_text.status();
  // The API allows 1..99; checking here gives the friendlier usage message.
  absl::StatusOr<std::optional<int>> number = IntOption(args, "number", 1, 99);
  if (!number.ok()) return number.status();
  absl::StatusOr<std::string> title = args.Required("title");
  if (!title.ok()) return title.status();

  v1::CreateWorkstreamRequest request;
  v1::Workstream* ws = request.mutable_workstream();
  ws->set_plan_period(*period);
  ws->set_number(**number);
  ws->set_title(*title);
  ws->set_lead_officer(args.Get("lead"));
  auto created = env.client->Call(env.client->workstreams(), &Stub::CreateWorkstream, request);
  if (!created.ok()) return created.status();
  return Print(env, *created, WorkstreamText(*created));
}

}  // namespace wp::wpctl
