#include "tools/wpctl/project_views.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/item_views.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;

std::string ParticipantLine(const v1::Participant& p) {
  std::string kind = p.kind() == v1::Participant::PERSON         ? "person"
                     : p.kind() == v1::Participant::ORGANISATION ? "organisation"
                                                                 : "role";
  std::string line = absl::StrCat(p.name(), " (", kind);
  if (!p.organisation().empty()) absl::StrAppend(&line, ", ", p.organisation());
  return line + ")";
}

// "3/5 complete", with overdue and on-hold counts when there are any.
std::string CountsText(const v1::StatusCounts& c) {
  if (c.total() == 0) return "no tasks";
  std::string text = absl::StrCat(c.complete(), "/", c.total(), " complete");
  if (c.overdue() > 0) absl::StrAppend(&text, ", ", c.overdue(), " overdue");
  if (c.stale() > 0) absl::StrAppend(&text, ", ", c.stale(), " stale");
  if (c.on_hold() > 0) absl::StrAppend(&text, ", ", c.on_hold(), " on hold");
  return text;
}

}  // namespace

std::string ProjectStatusWord(v1::ProjectStatus status) {
  if (status == v1::PROJECT_STATUS_UNSPECIFIED || !v1::ProjectStatus_IsValid(status)) return "-";
  return absl::AsciiStrToLower(v1::ProjectStatus_Name(status).substr(std::string("PROJECT_").size()));
}

absl::StatusOr<std::vector<v1::ProjectStatus>> ParseProjectStatusList(absl::string_view text) {
  std::vector<v1::ProjectStatus> statuses;
  for (absl::string_view word : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    const std::string name = absl::StrCat("PROJECT_", absl::AsciiStrToUpper(absl::StripAsciiWhitespace(word)));
    v1::ProjectStatus status;
    if (!v1::ProjectStatus_Parse(name, &status) || status == v1::PROJECT_STATUS_UNSPECIFIED) {
      return UsageError(absl::StrCat("\"", word, "\" is not a project status: active, prioritised, paused, withdrawn"));
    }
    statuses.push_back(status);
  }
  return statuses;
}

std::string ProjectsText(const v1::ListProjectsResponse& response) {
  if (response.projects().empty()) return "no projects\n";
  Table table({{"WS", Align::kRight}, {"ID"}, {"STATUS"}, {"TITLE"}, {"TASKS"}});
  for (const v1::Project& p : response.projects()) {
    table.AddRow({absl::StrCat(p.workstream_number()), p.project_id(), ProjectStatusWord(p.status()),
                  Truncate(p.title(), kTitleWidth), CountsText(p.task_counts())});
  }
  return absl::StrCat(table.Render(), response.projects_size(), response.projects_size() == 1 ? " project\n" : " projects\n");
}

std::string ProjectText(const v1::Project& p, const std::vector<v1::PlanItem>& tasks) {
  std::vector<std::string> outcomes;
  for (const std::string& o : p.expected_outcomes()) outcomes.push_back("- " + o);
  std::vector<std::string> participants;
  for (const v1::Participant& participant : p.participants()) participants.push_back(ParticipantLine(participant));
  std::string out = FieldsText({{"name", p.name()},
                                {"title", p.title()},
                                {"workstream", p.workstream()},
                                {"status", ProjectStatusWord(p.status())},
                                {"description", p.description()},
                                {"expected outcomes", absl::StrJoin(outcomes, "\n")},
                                {"participants", absl::StrJoin(participants, "\n")},
                                {"notes", p.notes()},
                                {"tasks", CountsText(p.task_counts())},
                                {"updated", TimeText(p.update_time())},
                                {"etag", p.etag()}});
  if (tasks.empty()) return out;
  v1::ListPlanItemsResponse items;
  for (const v1::PlanItem& t : tasks) *items.add_plan_items() = t;
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  return absl::StrCat(out, "\n", PlanItemsText(items, today));
}

std::string ProjectImportText(const v1::ImportProjectPlanResponse& response) {
  std::string out;
  // Identical reasons are told once, with every line they apply to.
  std::vector<std::string> reasons;
  std::map<std::string, std::vector<int>> lines_of;
  for (const v1::ImportRowResult& r : response.results()) {
    if (r.outcome() == v1::ImportRowResult::CREATED) {
      absl::StrAppend(&out, "created ", r.ref(), " (line ", r.line(), ")\n");
    } else if (r.outcome() == v1::ImportRowResult::UPDATED) {
      absl::StrAppend(&out, "updated ", r.ref(), " (line ", r.line(), ")\n");
    } else if (r.outcome() == v1::ImportRowResult::REJECTED) {
      if (lines_of[r.reason()].empty()) reasons.push_back(r.reason());
      lines_of[r.reason()].push_back(r.line());
    }
  }
  for (const std::string& reason : reasons) {
    const std::vector<int>& lines = lines_of[reason];
    absl::StrAppend(&out, "rejected ", lines.size() == 1 ? "line " : "lines ", absl::StrJoin(lines, ", "), ": ",
                    reason, "\n");
  }
  for (const std::string& project : response.projects_updated()) {
    absl::StrAppend(&out, "updated outcomes or participants of ", project, "\n");
  }
  absl::StrAppend(&out, response.dry_run() ? "dry run, nothing changed: would have processed " : "processed ",
                  response.results_size(), response.results_size() == 1 ? " row: " : " rows: ", response.created(),
                  " created, ", response.updated(), " updated, ", response.unchanged(), " unchanged, ",
                  response.rejected(), " rejected\n");
  return out;
}

}  // namespace wp::wpctl
