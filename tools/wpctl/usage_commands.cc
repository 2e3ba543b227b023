// `wpctl usage import|query|retract`: usage of the online school in the
// westos service.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "grpcpp/support/sync_stream.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/usage_views.h"
#include "tools/wpctl/values.h"
#include "wp/westos/v1/privacy.grpc.pb.h"
#include "wp/westos/v1/statements.grpc.pb.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::wpctl {
namespace {

constexpr size_t kChunkBytes = 1 << 20;  // the most one ImportUsageCsv message may carry
constexpr size_t kMaxStatementBytes = 16 << 20;  // the most one SendStatements request may carry

std::unique_ptr<usage::UsageService::Stub> UsageStub(const CommandEnv& env) {
  return usage::UsageService::NewStub(env.client->channel("westos"));
}

std::vector<std::string> ListOption(const Args& args, absl::string_view name) {
  if (!args.Has(std::string(name))) return {};
  return absl::StrSplit(args.Get(std::string(name)), ',', absl::SkipWhitespace());
}

// The filter from --authority, --role, --sector, --simd, --subject, --level, --content.
absl::StatusOr<usage::UsageFilter> FilterOf(const Args& args) {
  usage::UsageFilter filter;
  absl::StatusOr<std::vector<std::string>> authorities = AuthorityListOption(args, "authority");
  if (!authorities.ok()) return authorities.status();
  for (const std::string& a : *authorities) filter.add_authorities(a);
  for (const std::string& r : ListOption(args, "role")) {
    absl::StatusOr<usage::UserRole> role = ParseUserRole(r);
    if (!role.ok()) return role.status();
    filter.add_roles(*role);
  }
  for (const std::string& s : ListOption(args, "sector")) {
    absl::StatusOr<usage::Sector> sector = ParseSectorWord(s);
    if (!sector.ok()) return sector.status();
    filter.add_sectors(*sector);
  }
  for (const std::string& q : ListOption(args, "simd")) {
    absl::StatusOr<int> simd = ParseInt(q, 0, 5);
    if (!simd.ok()) return absl::InvalidArgumentError(absl::StrCat("--simd: ", simd.status().message()));
    filter.add_simd(*simd);
  }
  for (const std::string& s : ListOption(args, "subject")) filter.add_subjects(s);
  for (const std::string& l : ListOption(args, "level")) filter.add_levels(l);
  for (const std::string& c : ListOption(args, "content")) filter.add_content_ids(c);
  return filter;
}

}  // namespace

CommandResult UsageImport(const CommandEnv& env, const Args& args) {
  const std::string path = args.positional.at(0);
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return absl::NotFoundError(absl::StrCat("cannot open ", path));
    in = &file;
  }
  auto stub = UsageStub(env);
  grpc::ClientContext context;
  env.client->Prepare(&context);
  context.set_deadline(std::chrono::system_clock::time_point::max());  // millions of rows take a while
  auto stream = stub->ImportUsageCsv(&context);

  // The file goes out a chunk at a time while answers come back; flow control
  // holds the sender back when the service is busy storing.
  bool read_failed = false;
  std::thread sender([&] {
    std::string chunk(kChunkBytes, '\0');
    usage::ImportUsageCsvRequest request;
    while (*in) {
      in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const std::streamsize got = in->gcount();
      if (got <= 0) break;
      request.set_chunk(chunk.data(), static_cast<size_t>(got));
      if (!stream->Write(request)) return;
    }
    read_failed = in->bad();
    stream->WritesDone();
  });

  const absl::Time start = absl::Now();
  const bool redraw = isatty(STDERR_FILENO) == 1;
  usage::ImportUsageCsvProgress message, last;
  int64_t problems = 0;
  while (stream->Read(&message)) {
    if (!message.ignored_columns().empty() && last.rows() == 0 && !env.json) {
      *env.err << "ignored columns: " << absl::StrJoin(message.ignored_columns(), ", ") << "\n";
    }
    for (const usage::CsvRowProblem& problem : message.problems()) {
      ++problems;
      if (redraw) *env.err << "\r\033[K";
      if (!env.json) *env.out << CsvProblemText(problem) << "\n";
    }
    if (env.json) {
      absl::StatusOr<std::string> json = ToJson(message, /*one_line=*/true);
      if (json.ok()) *env.out << *json << std::flush;
    }
    const std::string line = CsvProgressText(message, absl::ToDoubleSeconds(absl::Now() - start));
    *env.err << (redraw ? "\r\033[K" : "") << line << (redraw ? "" : "\n") << std::flush;
    last = message;
  }
  if (redraw) *env.err << "\n";
  sender.join();
  grpc::Status status = stream->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  if (read_failed) return absl::DataLossError(absl::StrCat("reading ", path, " failed part way"));
  if (!env.json) {
    *env.out << "processed " << GroupedNumber(last.rows()) << " rows in "
             << absl::StrFormat("%.1f", absl::ToDoubleSeconds(absl::Now() - start)) << " s: accepted "
             << GroupedNumber(last.totals().accepted()) << ", duplicates " << GroupedNumber(last.totals().duplicates())
             << ", conflicts " << GroupedNumber(last.totals().conflicts()) << ", rejected "
             << GroupedNumber(last.totals().rejected()) << "\n";
  }
  return problems > 0 ? kExitRowsRejected : kExitOk;
}

CommandResult UsageQuery(const CommandEnv& env, const Args& args) {
  usage::QueryUsageRequest request;
  absl::StatusOr<std::optional<common::v1::Date>> from = DateOption(args, "from", false);
  if (!from.ok()) return from.status();
  absl::StatusOr<std::optional<common::v1::Date>> to = DateOption(args, "to", false);
  if (!to.ok()) return to.status();
  if (!from->has_value() || !to->has_value()) return absl::InvalidArgumentError("--from and --to are required");
  *request.mutable_from() = **from;
  *request.mutable_to() = **to;
  absl::StatusOr<usage::UsageFilter> filter = FilterOf(args);
  if (!filter.ok()) return filter.status();
  *request.mutable_filter() = *filter;
  if (args.Has("period")) {
    absl::StatusOr<usage::Period> period = ParsePeriod(args.Get("period"));
    if (!period.ok()) return period.status();
    request.set_period(*period);
  }
  std::vector<usage::Dimension> by;
  if (args.Has("by")) {
    absl::StatusOr<std::vector<usage::Dimension>> dims = ParseDimensions(args.Get("by"), "by");
    if (!dims.ok()) return dims.status();
    by = *dims;
    for (usage::Dimension d : by) request.add_group_by(d);
  }
  auto stub = UsageStub(env);
  absl::StatusOr<usage::UsageReport> report = env.client->Call(stub.get(), &usage::UsageService::Stub::QueryUsage, request);
  if (!report.ok()) return report.status();
  return Print(env, *report, UsageReportText(*report, by, request.period() != usage::PERIOD_UNSPECIFIED));
}

CommandResult UsageRetract(const CommandEnv& env, const Args& args) {
  usage::RetractUsageEventsRequest request;
  for (const std::string& id : args.positional) request.add_event_ids(id);
  if (args.Has("reason")) request.set_reason(args.Get("reason"));
  auto stub = UsageStub(env);
  absl::StatusOr<usage::RetractUsageEventsResponse> response =
      env.client->Call(stub.get(), &usage::UsageService::Stub::RetractUsageEvents, request);
  if (!response.ok()) return response.status();
  std::string text;
  for (const usage::RetractionResult& r : response->results()) {
    absl::StrAppend(&text, r.event_id(), ": ", EnumWord(usage::RetractionResult::State_descriptor(), r.state()), "\n");
  }
  absl::StrAppend(&text, "retracted ", response->retracted(), "\n");
  return Print(env, *response, text);
}

CommandResult UsageXapi(const CommandEnv& env, const Args& args) {
  const std::string& path = args.positional.at(0);
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  if (text->size() > kMaxStatementBytes) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", text->size(), " bytes is over the 16 MiB one call takes; "
                                                   "split the statements into several files"));
  }
  usage::SendStatementsRequest request;
  request.set_statements(*std::move(text));
  auto stub = usage::StatementService::NewStub(env.client->channel("westos"));
  absl::StatusOr<usage::SendStatementsResponse> response =
      env.client->Call(stub.get(), &usage::StatementService::Stub::SendStatements, request);
  if (!response.ok()) return response.status();
  // Only what needs a look is listed: accepted and duplicate go by in the totals.
  std::string out;
  bool refused = false;
  for (const usage::StatementResult& r : response->results()) {
    if (r.outcome() != usage::REJECTED && r.outcome() != usage::CONFLICT) continue;
    refused = true;
    absl::StrAppend(&out, StatementResultText(r), "\n");
  }
  absl::StrAppend(&out, StatementTotalsText(*response), "\n");
  absl::StatusOr<int> printed = Print(env, *response, out);
  if (!printed.ok()) return printed;
  return refused ? kExitRowsRejected : kExitOk;
}

CommandResult UsageErase(const CommandEnv& env, const Args& args) {
  if (!args.Has("reason")) return absl::InvalidArgumentError("--reason is required (a request reference, not the id)");
  usage::EraseUserRequest request;
  request.set_user_id(args.positional.at(0));
  request.set_reason(args.Get("reason"));
  auto stub = usage::UsagePrivacyService::NewStub(env.client->channel("westos"));
  absl::StatusOr<usage::EraseUserResponse> response =
      env.client->Call(stub.get(), &usage::UsagePrivacyService::Stub::EraseUser, request);
  if (!response.ok()) return response.status();
  return Print(env, *response,
               response->found()
                   ? absl::StrCat("erased: ", GroupedNumber(response->events()), " events no longer count, on ",
                                  GroupedNumber(response->days()), " days\n")
                   : "not found: no usage of this id is kept (never seen, or erased already)\n");
}

CommandResult UsagePurge(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::optional<common::v1::Date>> before = DateOption(args, "before", false);
  if (!before.ok()) return before.status();
  if (!before->has_value()) return absl::InvalidArgumentError("--before is required");
  usage::PurgeEventsRequest request;
  *request.mutable_before() = **before;
  request.set_dry_run(args.Switch("dry-run"));
  auto stub = usage::UsagePrivacyService::NewStub(env.client->channel("westos"));
  absl::StatusOr<usage::PurgeEventsResponse> response =
      env.client->Call(stub.get(), &usage::UsagePrivacyService::Stub::PurgeEvents, request);
  if (!response.ok()) return response.status();
  return Print(env, *response, PurgeText(*response));
}

}  // namespace wp::wpctl
