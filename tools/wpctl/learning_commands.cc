// `wpctl learning stats|events|export-stats|survey-summary|attendance`:
// the learning service's figures, its events, the spreadsheets it exports
// and one practitioner's attendance.
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/learning_views.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/values.h"
#include "wp/learning/v1/evaluations.grpc.pb.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"

namespace wp::wpctl {
namespace {

std::string Named(absl::string_view collection, const std::string& name) {
  return absl::StrContains(name, "/") ? name : absl::StrCat(collection, "/", name);
}

// The request `learning stats` and `learning export-stats` share.
absl::StatusOr<learning::GetStatisticsRequest> StatisticsRequestOf(const Args& args) {
  learning::GetStatisticsRequest request;
  if (args.Has("event")) request.set_event(Named("events", args.Get("event")));
  if (args.Has("programme")) request.set_programme(Named("programmes", args.Get("programme")));
  if (args.Has("workstream")) request.set_workstream(args.Get("workstream"));
  absl::StatusOr<std::optional<std::string>> authority = AuthorityOption(args, "authority");
  if (!authority.ok()) return authority.status();
  if (authority->has_value()) request.set_authority(**authority);
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
  return request;
}

// --format csv|tsv, as `tracker export` takes it (the two enums number
// CSV and TSV alike).
absl::StatusOr<learning::TableFormat> LearningTableFormat(const Args& args) {
  absl::StatusOr<workstreams::v1::TableFormat> format = TableFormatOption(args, "format");
  if (!format.ok()) return format.status();
  return static_cast<learning::TableFormat>(*format);
}

}  // namespace

CommandResult LearningStats(const CommandEnv& env, const Args& args) {
  absl::StatusOr<learning::GetStatisticsRequest> request = StatisticsRequestOf(args);
  if (!request.ok()) return request.status();
  using Stub = learning::StatisticsService::Stub;
  auto stub = learning::StatisticsService::NewStub(env.client->channel("learning"));
  absl::StatusOr<learning::Statistics> statistics = env.client->Call(stub.get(), &Stub::GetStatistics, *request);
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

CommandResult LearningExportStats(const CommandEnv& env, const Args& args) {
  learning::ExportStatisticsRequest request;
  absl::StatusOr<learning::GetStatisticsRequest> query = StatisticsRequestOf(args);
  if (!query.ok()) return query.status();
  *request.mutable_query() = *std::move(query);
  absl::StatusOr<learning::TableFormat> format = LearningTableFormat(args);
  if (!format.ok()) return format.status();
  request.set_format(*format);
  using Stub = learning::StatisticsService::Stub;
  auto stub = learning::StatisticsService::NewStub(env.client->channel("learning"));
  absl::StatusOr<learning::ExportStatisticsResponse> file =
      env.client->Call(stub.get(), &Stub::ExportStatistics, request);
  if (!file.ok()) return file.status();
  return WriteExport(env, args, file->content());
}

CommandResult LearningSurveySummary(const CommandEnv& env, const Args& args) {
  learning::ExportSurveySummaryRequest request;
  if (args.Has("event")) request.set_event(Named("events", args.Get("event")));
  if (args.Has("programme")) request.set_programme(Named("programmes", args.Get("programme")));
  absl::StatusOr<learning::TableFormat> format = LearningTableFormat(args);
  if (!format.ok()) return format.status();
  request.set_format(*format);
  using Stub = learning::EvaluationsService::Stub;
  auto stub = learning::EvaluationsService::NewStub(env.client->channel("learning"));
  absl::StatusOr<learning::ExportSurveySummaryResponse> file =
      env.client->Call(stub.get(), &Stub::ExportSurveySummary, request);
  if (!file.ok()) return file.status();
  return WriteExport(env, args, file->content());
}

CommandResult LearningAttendance(const CommandEnv& env, const Args& args) {
  learning::GetPractitionerAttendanceRequest request;
  request.set_practitioner(Named("practitioners", args.positional.at(0)));
  for (const char* name : {"from", "to"}) {
    absl::StatusOr<std::optional<common::v1::Date>> date = DateOption(args, name, false);
    if (!date.ok()) return date.status();
    if (date->has_value()) *(std::string(name) == "from" ? request.mutable_from() : request.mutable_to()) = **date;
  }
  using Stub = learning::PractitionersService::Stub;
  auto stub = learning::PractitionersService::NewStub(env.client->channel("learning"));
  absl::StatusOr<learning::PractitionerAttendance> attendance =
      env.client->Call(stub.get(), &Stub::GetPractitionerAttendance, request);
  if (!attendance.ok()) return attendance.status();
  return Print(env, *attendance, PractitionerAttendanceText(*attendance));
}

}  // namespace wp::wpctl
