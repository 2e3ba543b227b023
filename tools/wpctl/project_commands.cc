// `wpctl projects list|get|set|add-task|import|export`: project action
// plans (outcomes, participants, notes and tasks of a plan's projects).
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "services/workstreams/projects/project_rules.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/names.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/project_views.h"
#include "tools/wpctl/tracker_options.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

using Stub = v1::ProjectsService::Stub;

absl::StatusOr<std::string> ProjectArg(const Args& args) {
  return ProjectName(args.positional.at(0), args.Get("period"));
}

// "A; B" -> {"A", "B"}, blanks dropped.
std::vector<std::string> Entries(absl::string_view text) {
  std::vector<std::string> entries;
  for (absl::string_view entry : absl::StrSplit(text, ';', absl::SkipWhitespace())) {
    entries.emplace_back(absl::StripAsciiWhitespace(entry));
  }
  return entries;
}

}  // namespace

CommandResult ProjectsList(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> period = args.Required("period");
  if (!period.ok()) return period.status();
  auto workstream = IntOption(args, "workstream", 1, 99);
  if (!workstream.ok()) return workstream.status();
  auto statuses = ParseProjectStatusList(args.Get("status"));
  if (!statuses.ok()) return statuses.status();
  v1::ListProjectsRequest request;
  request.set_plan_period(*period);
  request.set_workstream_number(workstream->value_or(0));
  for (v1::ProjectStatus status : *statuses) request.add_statuses(status);
  auto projects = env.client->Call(env.client->projects(), &Stub::ListProjects, request);
  if (!projects.ok()) return projects.status();
  return Print(env, *projects, ProjectsText(*projects));
}

CommandResult ProjectsGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ProjectArg(args);
  if (!name.ok()) return name.status();
  v1::GetProjectRequest request;
  request.set_name(*name);
  auto project = env.client->Call(env.client->projects(), &Stub::GetProject, request);
  if (!project.ok()) return project.status();
  v1::ListPlanItemsRequest tasks_request;
  tasks_request.set_plan_period(project->plan_period());
  tasks_request.set_project(project->name());
  auto tasks = env.client->CallAllPages(env.client->workstreams(), &v1::WorkstreamsService::Stub::ListPlanItems,
                                        tasks_request);
  if (!tasks.ok()) return tasks.status();
  std::vector<v1::PlanItem> list(tasks->plan_items().begin(), tasks->plan_items().end());
  return Print(env, *project, ProjectText(*project, list));
}

CommandResult ProjectsSet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ProjectArg(args);
  if (!name.ok()) return name.status();
  v1::UpdateProjectRequest request;
  v1::Project* project = request.mutable_project();
  project->set_name(*name);
  project->set_etag(args.Get("etag"));
  if (args.Has("outcomes")) {
    for (const std::string& outcome : Entries(args.Get("outcomes"))) project->add_expected_outcomes(outcome);
    request.mutable_update_mask()->add_paths("expected_outcomes");
  }
  if (args.Has("participants")) {
    for (const std::string& entry : Entries(args.Get("participants"))) {
      // Read as the service reads a Participants cell.
      absl::StatusOr<v1::Participant> participant = workstreams::ParseParticipant(entry);
      if (!participant.ok()) return UsageError(absl::StrCat("--participants: ", participant.status().message()));
      *project->add_participants() = *participant;
    }
    request.mutable_update_mask()->add_paths("participants");
  }
  if (args.Has("notes")) {
    project->set_notes(args.Get("notes"));
    request.mutable_update_mask()->add_paths("notes");
  }
  if (request.update_mask().paths().empty()) {
    return UsageError("say what to change: --outcomes, --participants or --notes");
  }
  auto updated = env.client->Call(env.client->projects(), &Stub::UpdateProject, request);
  if (!updated.ok()) return updated.status();
  return Print(env, *updated, ProjectText(*updated, {}));
}

CommandResult ProjectsAddTask(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ProjectArg(args);
  if (!name.ok()) return name.status();
  absl::StatusOr<std::string> task = args.Required("task");
  if (!task.ok()) return task.status();
  auto due = DateOption(args, "due", /*allow_month_only=*/true);
  if (!due.ok()) return due.status();
  if (due->has_value() && args.Switch("ongoing")) return UsageError("give --due or --ongoing, not both");
  v1::PlanItemStatus status = v1::NOT_STARTED;
  if (args.Has("status")) {
    auto parsed = ParseStatus(args.Get("status"));
    if (!parsed.ok()) return parsed.status();
    status = *parsed;
  }
  v1::CreatePlanItemRequest request;
  v1::PlanItem* item = request.mutable_plan_item();
  // The period is the project's: planPeriods/{period}/projects/{id}.
  const std::vector<std::string> parts = absl::StrSplit(*name, '/');
  item->set_plan_period(parts.size() > 1 ? parts[1] : "");
  item->set_project(*name);
  item->set_ref(args.Get("ref"));
  item->set_task(*task);
  item->set_lead(args.Get("lead"));
  item->set_status(status);
  if (due->has_value()) *item->mutable_expected_date() = **due;
  item->set_ongoing(args.Switch("ongoing"));
  item->set_resources(args.Get("resources"));
  item->set_plan_notes(args.Get("notes"));
  request.set_request_id(args.Has("request-id") ? args.Get("request-id") : NewRequestId());
  auto created = CallOnce(env, env.client->workstreams(), &v1::WorkstreamsService::Stub::CreatePlanItem, request);
  if (!created.ok()) return created.status();
  return Print(env, *created, absl::StrCat("added ", created->ref(), " to ", *name, "\n"));
}

CommandResult ProjectsImport(const CommandEnv& env, const Args& args) {
  absl::StatusOr<v1::ImportProjectPlanRequest> request = ImportRequest<v1::ImportProjectPlanRequest>(args);
  if (!request.ok()) return request.status();
  auto response = env.client->Call(env.client->projects(), &Stub::ImportProjectPlan, *request);
  if (!response.ok()) return response.status();
  CommandResult printed = Print(env, *response, ProjectImportText(*response));
  if (!printed.ok() || *printed != kExitOk) return printed;
  return response->rejected() > 0 ? kExitRowsRejected : kExitOk;
}

CommandResult ProjectsExport(const CommandEnv& env, const Args& args) {
  absl::StatusOr<v1::ExportProjectPlanRequest> request = ExportRequest<v1::ExportProjectPlanRequest>(args);
  if (!request.ok()) return request.status();
  request->set_project(args.Get("project"));
  auto response = env.client->Call(env.client->projects(), &Stub::ExportProjectPlan, *request);
  if (!response.ok()) return response.status();
  return WriteExport(env, args, response->content());
}

}  // namespace wp::wpctl
