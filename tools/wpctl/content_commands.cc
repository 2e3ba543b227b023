// `wpctl content add|show|list|import` and `wpctl coverage target
// add|list|remove`, `coverage report`: the online school's content
// catalogue and coverage targets in the westos service.
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/content_views.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/usage_views.h"
#include "tools/wpctl/values.h"
#include "wp/westos/v1/content.grpc.pb.h"

namespace wp::wpctl {
namespace {

std::unique_ptr<content::ContentService::Stub> ContentStub(const CommandEnv& env) {
  return content::ContentService::NewStub(env.client->channel("westos"));
}

// Sets `*out` from the date option `name` when given.
absl::Status SetDate(const Args& args, absl::string_view name, common::v1::Date* out) {
  absl::StatusOr<std::optional<common::v1::Date>> date = DateOption(args, name, false);
  if (!date.ok()) return date.status();
  if (date->has_value()) *out = **date;
  return absl::OkStatus();
}

absl::Status SetSector(const Args& args, content::Sector* out) {
  if (!args.Has("sector")) return absl::OkStatus();
  absl::StatusOr<usage::Sector> sector = ParseSectorWord(args.Get("sector"));
  if (!sector.ok()) return sector.status();
  *out = *sector;
  return absl::OkStatus();
}

CommandResult TargetAdd(const CommandEnv& env, const Args& args) {
  if (args.positional.size() != 2) return UsageError("coverage target add takes one ID");
  content::CreateCoverageTargetRequest request;
  content::CoverageTarget* t = request.mutable_coverage_target();
  t->set_target_id(args.positional[1]);
  if (args.Has("subject")) t->set_subject(args.Get("subject"));
  if (args.Has("level")) t->set_level(args.Get("level"));
  if (args.Has("name")) t->set_display_name(args.Get("name"));
  content::Sector sector = content::SECTOR_UNSPECIFIED;
  if (absl::Status s = SetSector(args, &sector); !s.ok()) return s;
  t->set_sector(sector);
  absl::StatusOr<std::optional<int>> min = IntOption(args, "min", 1, 10000);
  if (!min.ok()) return min.status();
  if (min->has_value()) t->set_min_published(**min);
  if (!args.Has("deadline")) return UsageError("--deadline is required");
  if (absl::Status s = SetDate(args, "deadline", t->mutable_deadline()); !s.ok()) return s;
  auto stub = ContentStub(env);
  absl::StatusOr<content::CoverageTarget> made =
      env.client->Call(stub.get(), &content::ContentService::Stub::CreateCoverageTarget, request);
  if (!made.ok()) return made.status();
  google::protobuf::RepeatedPtrField<content::CoverageTarget> one;
  *one.Add() = *made;
  return Print(env, *made, CoverageTargetsText(one));
}

CommandResult TargetList(const CommandEnv& env, const Args& args) {
  if (args.positional.size() != 1) return UsageError("coverage target list takes no ID");
  content::ListCoverageTargetsRequest request;
  if (args.Has("subject")) request.set_subject(args.Get("subject"));
  auto stub = ContentStub(env);
  absl::StatusOr<content::ListCoverageTargetsResponse> list =
      env.client->Call(stub.get(), &content::ContentService::Stub::ListCoverageTargets, request);
  if (!list.ok()) return list.status();
  return Print(env, *list, CoverageTargetsText(list->coverage_targets()));
}

CommandResult TargetRemove(const CommandEnv& env, const Args& args) {
  if (args.positional.size() != 2) return UsageError("coverage target remove takes one ID");
  content::DeleteCoverageTargetRequest request;
  request.set_target_id(args.positional[1]);
  auto stub = ContentStub(env);
  absl::StatusOr<google::protobuf::Empty> done =
      env.client->Call(stub.get(), &content::ContentService::Stub::DeleteCoverageTarget, request);
  if (!done.ok()) return done.status();
  return Print(env, *done, absl::StrCat("removed coverage target ", request.target_id(), "\n"));
}

}  // namespace

CommandResult ContentAdd(const CommandEnv& env, const Args& args) {
  content::CreateContentItemRequest request;
  content::ContentItem* item = request.mutable_content_item();
  item->set_content_id(args.positional.at(0));
  if (args.Has("title")) item->set_title(args.Get("title"));
  if (args.Has("subject")) item->set_subject(args.Get("subject"));
  if (args.Has("level")) item->set_level(args.Get("level"));
  content::Sector sector = content::SECTOR_UNSPECIFIED;
  if (absl::Status s = SetSector(args, &sector); !s.ok()) return s;
  item->set_sector(sector);
  if (args.Has("status")) {
    absl::StatusOr<content::ContentStatus> status = ParseContentStatus(args.Get("status"));
    if (!status.ok()) return status.status();
    item->set_status(*status);
  }
  for (const auto& [option, date] :
       {std::pair{"commissioned", item->mutable_commissioned_date()}, std::pair{"uploaded", item->mutable_uploaded_date()},
        std::pair{"published", item->mutable_published_date()}}) {
    if (absl::Status s = SetDate(args, option, date); !s.ok()) return s;
  }
  auto stub = ContentStub(env);
  absl::StatusOr<content::ContentItem> made =
      env.client->Call(stub.get(), &content::ContentService::Stub::CreateContentItem, request);
  if (!made.ok()) return made.status();
  return Print(env, *made, ContentItemText(*made));
}

CommandResult ContentShow(const CommandEnv& env, const Args& args) {
  content::GetContentItemRequest request;
  request.set_content_id(args.positional.at(0));
  auto stub = ContentStub(env);
  absl::StatusOr<content::ContentItem> item =
      env.client->Call(stub.get(), &content::ContentService::Stub::GetContentItem, request);
  if (!item.ok()) return item.status();
  return Print(env, *item, ContentItemText(*item));
}

CommandResult ContentList(const CommandEnv& env, const Args& args) {
  content::ListContentItemsRequest request;
  if (args.Has("subject")) request.set_subject(args.Get("subject"));
  if (args.Has("level")) request.set_level(args.Get("level"));
  if (args.Has("status")) {
    absl::StatusOr<content::ContentStatus> status = ParseContentStatus(args.Get("status"));
    if (!status.ok()) return status.status();
    request.set_status(*status);
  }
  absl::StatusOr<std::optional<int>> page_size = IntOption(args, "page-size", 1, 1000);
  if (!page_size.ok()) return page_size.status();
  if (page_size->has_value()) request.set_page_size(**page_size);
  auto stub = ContentStub(env);
  absl::StatusOr<content::ListContentItemsResponse> all =
      env.client->CallAllPages(stub.get(), &content::ContentService::Stub::ListContentItems, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, ContentListText(all->content_items()));
}

CommandResult ContentImport(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> text = ReadWholeFile(args.positional.at(0));
  if (!text.ok()) return text.status();
  content::ImportContentItemsRequest request;
  request.set_content(*std::move(text));
  auto stub = ContentStub(env);
  absl::StatusOr<content::ImportContentItemsResponse> response =
      env.client->Call(stub.get(), &content::ContentService::Stub::ImportContentItems, request);
  if (!response.ok()) return response.status();
  absl::StatusOr<int> printed = Print(env, *response, ContentImportText(*response));
  if (!printed.ok()) return printed;
  return response->rejected() > 0 ? kExitRowsRejected : kExitOk;
}

CommandResult CoverageTarget(const CommandEnv& env, const Args& args) {
  const std::string& action = args.positional.at(0);
  if (action == "add") return TargetAdd(env, args);
  if (action == "list") return TargetList(env, args);
  if (action == "remove") return TargetRemove(env, args);
  return UsageError(absl::StrCat("coverage target: \"", action, "\" is not add, list or remove"));
}

CommandResult CoverageReport(const CommandEnv& env, const Args& args) {
  content::GetCoverageReportRequest request;
  if (absl::Status s = SetDate(args, "on", request.mutable_as_of()); !s.ok()) return s;
  absl::StatusOr<std::optional<int>> days = IntOption(args, "at-risk-days", 1, 366);
  if (!days.ok()) return days.status();
  if (days->has_value()) request.set_at_risk_days(**days);
  auto stub = ContentStub(env);
  absl::StatusOr<content::CoverageReport> report =
      env.client->Call(stub.get(), &content::ContentService::Stub::GetCoverageReport, request);
  if (!report.ok()) return report.status();
  return Print(env, *report, CoverageReportText(*report));
}

}  // namespace wp::wpctl
