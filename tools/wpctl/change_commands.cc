// `wpctl changes list|watch`: a service's change feed (libs/changes), every
// change it committed in order. --service picks whose feed (workstreams by
// default), --after the position to start after, --type the entity types
// (comma-separated, e.g. plan_item,workstream); `list` prints at most --limit
// changes (1000).
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/output.h"
#include "wp/common/v1/changes.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using Stub = common::ChangeFeedService::Stub;

// Changes `changes list` prints at most, unless --limit says otherwise.
constexpr int kDefaultListLimit = 1000;

absl::StatusOr<std::unique_ptr<Stub>> StubFor(const CommandEnv& env, const Args& args) {
  const std::string service = args.Get("service", "workstreams");
  if (std::shared_ptr<grpc::Channel> channel = env.client->channel(service)) {
    return common::ChangeFeedService::NewStub(channel);
  }
  std::vector<std::string> known;
  for (const ServiceAddress& s : Services()) known.push_back(s.service);
  return UsageError(absl::StrCat("--service: \"", service, "\" is not one of ", absl::StrJoin(known, ", ")));
}

// --after N: a position (0, the start, when absent and `fallback` is 0).
absl::StatusOr<int64_t> AfterOption(const Args& args) {
  int64_t after = 0;
  if (args.Has("after") && (!absl::SimpleAtoi(args.Get("after"), &after) || after < 0)) {
    return UsageError(absl::StrCat("--after: \"", args.Get("after"), "\" is not a position (0 or more)"));
  }
  return after;
}

std::vector<std::string> TypesOption(const Args& args) {
  if (!args.Has("type")) return {};
  return absl::StrSplit(args.Get("type"), ',', absl::SkipWhitespace());
}

std::string ChangeLine(const common::Change& c) {
  return absl::StrFormat("%-8d %-23s %-45s %s%s%s\n", c.position(), TimeText(c.occurred_at()), c.type(),
                         c.has_tombstone() ? "DELETED " : "", c.resource_name(),
                         c.actor().empty() ? "" : absl::StrCat("  (", c.actor(), ")"));
}

std::string Header() {
  return absl::StrFormat("%-8s %-23s %-45s %s\n", "POSITION", "OCCURRED", "TYPE", "RESOURCE");
}

// One change as the chosen output shows it: a line of text or of JSON.
absl::Status WriteChange(const CommandEnv& env, const common::Change& change) {
  if (!env.json) {
    *env.out << ChangeLine(change) << std::flush;
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> json = ToJson(change, /*one_line=*/true);
  if (!json.ok()) return json.status();
  *env.out << *json << std::flush;
  return absl::OkStatus();
}

}  // namespace

CommandResult ChangesList(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  absl::StatusOr<int64_t> after = AfterOption(args);
  if (!after.ok()) return after.status();
  int limit = kDefaultListLimit;
  if (args.Has("limit") && (!absl::SimpleAtoi(args.Get("limit"), &limit) || limit < 1)) {
    return UsageError(absl::StrCat("--limit: \"", args.Get("limit"), "\" is not a count (1 or more)"));
  }
  common::ListChangesRequest request;
  request.set_after_position(*after);
  for (const std::string& type : TypesOption(args)) request.add_entity_types(type);
  // Pages until the limit, so a long feed never has to fit in memory at once.
  common::ListChangesResponse all;
  while (true) {
    request.set_page_size(std::min(1000, limit - all.changes_size()));
    auto page = env.client->Call(stub->get(), &Stub::ListChanges, request);
    if (!page.ok()) return page.status();
    all.MergeFrom(*page);
    all.set_next_page_token(page->next_page_token());
    if (page->next_page_token().empty() || all.changes_size() >= limit) break;
    request.set_page_token(page->next_page_token());
  }
  std::string text = all.changes().empty() ? "" : Header();
  for (const common::Change& change : all.changes()) absl::StrAppend(&text, ChangeLine(change));
  absl::StrAppend(&text, all.changes_size(), " changes; ",
                  all.next_page_token().empty() ? "next time use" : "more follow: continue with",
                  " --after ", all.resume_position(), "\n");
  return Print(env, all, text);
}

CommandResult ChangesWatch(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  common::WatchChangesRequest request;
  if (args.Has("after")) {
    absl::StatusOr<int64_t> after = AfterOption(args);
    if (!after.ok()) return after.status();
    request.set_after_position(*after);
  } else {
    // From now on: after the newest position held.
    auto bounds = env.client->Call(stub->get(), &Stub::GetChangeFeedBounds, common::GetChangeFeedBoundsRequest());
    if (!bounds.ok()) return bounds.status();
    request.set_after_position(bounds->newest_position());
  }
  for (const std::string& type : TypesOption(args)) request.add_entity_types(type);

  grpc::ClientContext context;
  env.client->Prepare(&context);
  // A watch lasts until Ctrl-C: no deadline.
  context.set_deadline(std::chrono::system_clock::time_point::max());
  std::unique_ptr<grpc::ClientReader<common::WatchChangesResponse>> reader =
      (*stub)->WatchChanges(&context, request);
  if (!env.json) {
    *env.err << "watching changes after position " << request.after_position() << " (Ctrl-C stops)\n";
  }
  common::WatchChangesResponse message;
  while (reader->Read(&message)) {
    for (const common::Change& change : message.changes()) {
      if (absl::Status s = WriteChange(env, change); !s.ok()) {
        context.TryCancel();  // Finish() must still run before the reader goes
        reader->Finish();
        return s;
      }
    }
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  return kExitOk;
}

}  // namespace wp::wpctl
