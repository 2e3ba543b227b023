// `wpctl learning stats` and `wpctl learning events`: the learning
// service's figures and its events.
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/learning_views.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/values.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"

namespace wp::wpctl {
namespace {

std::string Named(absl::string_view collection, const std::string& name) {
  return absl::StrContains(name, "/") ? name : absl::StrCat(collection, "/", name);
}

}  // namespace

CommandResult LearningStats(const CommandEnv& env, const Args& args) {
  learning::GetStatisticsRequest request;
  if (args.Has("event")) request.set_event(Named("events", args.Get("event")));
  if (args.Has("programme")) request.set_programme(Named("programmes", args.Get("programme")));
  if (args.Has("workstream")) request.set_workstream(args.Get("workstream"));
  if (args.Has("authority")) request.set_authority(args.Get("authority"));
  for (const char* name : {"from", "to"}) {
    absl::StatusOr<std::optional<common::v1::Date>> date = DateOption(args, name, false);
    if (!date.ok()) return date.status();
    if (date->has_value()) *(std::string(name) == "from" ? request.mutable_from() : request.mutable_to()) = **date;
  }
  if (args.Has("by")) {
    absl::StatusOr<learning::StatisticsSplit> split = ParseStatisticsSplit(args.Get("by"));
    if (!split.ok()) return split.status();
    request.set_split(*split);
  }
  using Stub = learning::StatisticsService::Stub;
  auto stub = learning::StatisticsService::NewStub(env.client->channel("learning"));
  absl::StatusOr<learning::Statistics> statistics = env.client->Call(stub.get(), &Stub::GetStatistics, request);
  if (!statistics.ok()) return statistics.status();
  return Print(env, *statistics, StatisticsText(*statistics));
}

CommandResult LearningEvents(const CommandEnv& env, const Args& args) {
  learning::ListEventsRequest request;
  if (args.Has("programme")) request.set_programme(Named("programmes", args.Get("programme")));
  request.set_page_size(500);
  using Stub = learning::ProgrammesService::Stub;
  auto stub = learning::ProgrammesService::NewStub(env.client->channel("learning"));
  learning::ListEventsResponse all;
  do {
    absl::StatusOr<learning::ListEventsResponse> page = env.client->Call(stub.get(), &Stub::ListEvents, request);
    if (!page.ok()) return page.status();
    for (learning::LearningEvent& e : *page->mutable_events()) *all.add_events() = std::move(e);
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  return Print(env, all, LearningEventsText({all.events().begin(), all.events().end()}));
}

}  // namespace wp::wpctl
