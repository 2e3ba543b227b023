// `wpctl usage reach`, `usage baseline add|list` and `usage target
// add|list|status`: reach, baselines and targets in the westos service.
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/targets_views.h"
#include "tools/wpctl/usage_views.h"
#include "tools/wpctl/values.h"
#include "wp/westos/v1/targets.grpc.pb.h"

namespace wp::wpctl {
namespace {

using Stub = targets::UsageTargetService::Stub;

std::unique_ptr<Stub> TargetStub(const CommandEnv& env) {
  return targets::UsageTargetService::NewStub(env.client->channel("westos"));
}

// A required date option, as --name.
absl::StatusOr<common::v1::Date> RequiredDate(const Args& args, absl::string_view name) {
  absl::StatusOr<std::optional<common::v1::Date>> date = DateOption(args, name, false);
  if (!date.ok()) return date.status();
  if (!date->has_value()) return UsageError(absl::StrCat("--", name, " is required"));
  return **date;
}

absl::StatusOr<double> NumberOption(const Args& args, absl::string_view name, double fallback) {
  if (!args.Has(std::string(name))) return fallback;
  double value = 0;
  if (!absl::SimpleAtod(args.Get(std::string(name)), &value)) {
    return UsageError(absl::StrCat("--", name, ": \"", args.Get(std::string(name)), "\" is not a number"));
  }
  return value;
}

// --role learner|teacher (one or both, comma-separated) as roles of a filter.
absl::Status AddRoles(const Args& args, targets::UsageFilter* filter) {
  if (!args.Has("role")) return absl::OkStatus();
  for (absl::string_view word : absl::StrSplit(args.Get("role"), ',', absl::SkipWhitespace())) {
    absl::StatusOr<usage::UserRole> role = ParseUserRole(word);
    if (!role.ok()) return role.status();
    filter->add_roles(*role);
  }
  return absl::OkStatus();
}

std::string Named(absl::string_view collection, const std::string& name) {
  return absl::StrContains(name, "/") ? name : absl::StrCat(collection, "/", name);
}

CommandResult BaselineAdd(const CommandEnv& env, const Args& args) {
  if (args.positional.size() != 2) return UsageError("usage baseline add NAME --from D --to D");
  targets::CreateBaselineRequest request;
  request.set_baseline_id(args.positional[1]);
  absl::StatusOr<common::v1::Date> from = RequiredDate(args, "from");
  if (!from.ok()) return from.status();
  absl::StatusOr<common::v1::Date> to = RequiredDate(args, "to");
  if (!to.ok()) return to.status();
  *request.mutable_baseline()->mutable_from() = *from;
  *request.mutable_baseline()->mutable_to() = *to;
  if (args.Has("title")) request.mutable_baseline()->set_title(args.Get("title"));
  absl::StatusOr<std::optional<std::string>> authority = AuthorityOption(args, "authority");
  if (!authority.ok()) return authority.status();
  if (authority->has_value()) request.mutable_baseline()->mutable_filter()->add_authorities(**authority);
  if (absl::Status s = AddRoles(args, request.mutable_baseline()->mutable_filter()); !s.ok()) return s;
  auto stub = TargetStub(env);
  absl::StatusOr<targets::Baseline> created = env.client->Call(stub.get(), &Stub::CreateBaseline, request);
  if (!created.ok()) return created.status();
  return Print(env, *created, BaselinesText({*created}));
}

CommandResult TargetAdd(const CommandEnv& env, const Args& args) {
  if (args.positional.size() != 2) return UsageError("usage target add NAME --kind K --start D --deadline D --value V");
  targets::CreateTargetRequest request;
  request.set_target_id(args.positional[1]);
  targets::Target* t = request.mutable_target();
  if (!args.Has("kind")) return UsageError("--kind is required: growth, reach or positive-ratings");
  absl::StatusOr<targets::TargetKind> kind = ParseTargetKind(args.Get("kind"));
  if (!kind.ok()) return kind.status();
  t->set_kind(*kind);
  if (args.Has("baseline")) t->set_baseline(Named("baselines", args.Get("baseline")));
  absl::StatusOr<common::v1::Date> start = RequiredDate(args, "start");
  if (!start.ok()) return start.status();
  absl::StatusOr<common::v1::Date> deadline = RequiredDate(args, "deadline");
  if (!deadline.ok()) return deadline.status();
  *t->mutable_start_date() = *start;
  *t->mutable_deadline() = *deadline;
  if (!args.Has("value")) return UsageError("--value is required (percent)");
  absl::StatusOr<double> value = NumberOption(args, "value", 0);
  if (!value.ok()) return value.status();
  t->set_target_value(*value);
  absl::StatusOr<double> start_value = NumberOption(args, "start-value", 0);
  if (!start_value.ok()) return start_value.status();
  t->set_start_value(*start_value);
  absl::StatusOr<double> tolerance = NumberOption(args, "tolerance", 0);
  if (!tolerance.ok()) return tolerance.status();
  t->set_amber_tolerance(*tolerance);
  if (args.Has("title")) t->set_title(args.Get("title"));
  absl::StatusOr<std::optional<std::string>> authority = AuthorityOption(args, "authority");
  if (!authority.ok()) return authority.status();
  if (authority->has_value()) t->set_authority(**authority);
  if (absl::Status s = AddRoles(args, t->mutable_filter()); !s.ok()) return s;
  auto stub = TargetStub(env);
  absl::StatusOr<targets::Target> created = env.client->Call(stub.get(), &Stub::CreateTarget, request);
  if (!created.ok()) return created.status();
  return Print(env, *created, TargetsText({*created}));
}

CommandResult TargetStatus(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::optional<common::v1::Date>> as_of = DateOption(args, "as-of", false);
  if (!as_of.ok()) return as_of.status();
  auto stub = TargetStub(env);
  if (args.positional.size() == 2) {
    targets::GetTargetStatusRequest request;
    request.set_name(Named("targets", args.positional[1]));
    if (as_of->has_value()) *request.mutable_as_of() = **as_of;
    absl::StatusOr<targets::TargetStatus> status = env.client->Call(stub.get(), &Stub::GetTargetStatus, request);
    if (!status.ok()) return status.status();
    return Print(env, *status, TargetStatusText({*status}));
  }
  targets::EvaluateTargetsRequest request;
  if (as_of->has_value()) *request.mutable_as_of() = **as_of;
  absl::StatusOr<targets::EvaluateTargetsResponse> all = env.client->Call(stub.get(), &Stub::EvaluateTargets, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, TargetStatusText({all->statuses().begin(), all->statuses().end()}));
}

}  // namespace

CommandResult UsageReach(const CommandEnv& env, const Args& args) {
  targets::GetReachRequest request;
  absl::StatusOr<common::v1::Date> from = RequiredDate(args, "from");
  if (!from.ok()) return from.status();
  absl::StatusOr<common::v1::Date> to = RequiredDate(args, "to");
  if (!to.ok()) return to.status();
  *request.mutable_from() = *from;
  *request.mutable_to() = *to;
  if (args.Has("role")) {
    absl::StatusOr<usage::UserRole> role = ParseUserRole(args.Get("role"));
    if (!role.ok()) return role.status();
    request.set_role(*role);
  }
  auto stub = TargetStub(env);
  absl::StatusOr<targets::ReachReport> report = env.client->Call(stub.get(), &Stub::GetReach, request);
  if (!report.ok()) return report.status();
  return Print(env, *report, ReachText(*report));
}

CommandResult UsageBaseline(const CommandEnv& env, const Args& args) {
  const std::string& action = args.positional.at(0);
  if (action == "add") return BaselineAdd(env, args);
  if (action == "list" && args.positional.size() == 1) {
    auto stub = TargetStub(env);
    absl::StatusOr<targets::ListBaselinesResponse> list =
        env.client->Call(stub.get(), &Stub::ListBaselines, targets::ListBaselinesRequest());
    if (!list.ok()) return list.status();
    return Print(env, *list, BaselinesText({list->baselines().begin(), list->baselines().end()}));
  }
  return UsageError(absl::StrCat("usage baseline: \"", action, "\" is not add NAME or list"));
}

CommandResult UsageTarget(const CommandEnv& env, const Args& args) {
  const std::string& action = args.positional.at(0);
  if (action == "add") return TargetAdd(env, args);
  if (action == "status") return TargetStatus(env, args);
  if (action == "list" && args.positional.size() == 1) {
    auto stub = TargetStub(env);
    absl::StatusOr<targets::ListTargetsResponse> list =
        env.client->Call(stub.get(), &Stub::ListTargets, targets::ListTargetsRequest());
    if (!list.ok()) return list.status();
    return Print(env, *list, TargetsText({list->targets().begin(), list->targets().end()}));
  }
  return UsageError(absl::StrCat("usage target: \"", action, "\" is not add NAME, list or status [NAME]"));
}

}  // namespace wp::wpctl
