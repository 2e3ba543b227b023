#include "services/workstreams/projects/project_plan_file.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/status/field_errors.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/tracker_row.h"
#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {
namespace {

enum Column { kProject, kTask, kOutcomes, kParticipants, kTimescale, kResources, kNotes, kResponsible, kStatus, kRef, kColumns };

// Header words as people write them, lower case, spaces collapsed.
struct ColumnName {
  Column column;
  const char* names[4];
};
constexpr ColumnName kColumnNames[] = {
    {kProject, {"project title", "project", "project name", nullptr}},
    {kTask, {"specific tasks", "specific task", "tasks", "task"}},
    {kOutcomes, {"expected outcomes", "expected outcome", "outcomes", nullptr}},
    {kParticipants, {"participants", "participant", nullptr, nullptr}},
    {kTimescale, {"timescale", "timescales", "expected timescale", nullptr}},
    {kResources, {"resources", "resource implications", "resource", nullptr}},
    {kNotes, {"notes", "note", nullptr, nullptr}},
    {kResponsible, {"responsible", "who is responsible", "lead", nullptr}},
    {kStatus, {"status", nullptr, nullptr, nullptr}},
    {kRef, {"ref", nullptr, nullptr, nullptr}},
};
constexpr const char* kHeader[kColumns] = {"Project title", "Specific tasks", "Expected outcomes", "Participants",
                                           "Timescale",     "Resources",      "Notes",             "Responsible",
                                           "Status",        "Ref"};
constexpr int kHeaderSearchRows = 10;
constexpr size_t kMaxRejectionBytes = 1000;
constexpr size_t kMaxProjectTitleBytes = 500;  // as governance's plans allow

// A rejected row's problems as one reason of at most kMaxRejectionBytes
// (ShortenText adds "..." to what it cuts).
std::string Reason(const std::vector<std::string>& problems) {
  return ShortenText(absl::StrJoin(problems, "; "), kMaxRejectionBytes - 3);
}

std::string Key(absl::string_view cell) {
  std::string key;
  for (absl::string_view word : absl::StrSplit(absl::AsciiStrToLower(cell), ' ', absl::SkipEmpty())) {
    absl::StrAppend(&key, key.empty() ? "" : " ", absl::StripAsciiWhitespace(word));
  }
  return key;
}

using ColumnIndex = std::array<int, kColumns>;  // cell index, -1 when absent

std::optional<ColumnIndex> HeaderColumns(const table::TableRow& row) {
  ColumnIndex index;
  index.fill(-1);
  for (int i = 0; i < static_cast<int>(row.cells.size()); ++i) {
    const std::string key = Key(row.cells[i]);
    for (const ColumnName& c : kColumnNames) {
      for (const char* name : c.names) {
        if (name != nullptr && key == name && index[c.column] < 0) index[c.column] = i;
      }
    }
  }
  if (index[kProject] < 0 || index[kTask] < 0) return std::nullopt;
  return index;
}

std::string Cell(const table::TableRow& row, const ColumnIndex& index, Column column) {
  const int i = index[column];
  if (i < 0 || i >= static_cast<int>(row.cells.size())) return "";
  return std::string(absl::StripAsciiWhitespace(row.cells[i]));
}

// One entry per line, list bullets dropped ("- ", "* ", "• ").
std::vector<std::string> Entries(absl::string_view cell, bool semicolons_split) {
  std::vector<std::string> entries;
  for (absl::string_view line : absl::StrSplit(cell, absl::ByAnyChar(semicolons_split ? "\n;" : "\n"))) {
    line = absl::StripAsciiWhitespace(line);
    // Until none is left, so an entry written back out reads the same.
    for (bool dropped = true; dropped;) {
      dropped = false;
      for (absl::string_view bullet : {"- ", "* ", "\xE2\x80\xA2 "}) {
        if (absl::StartsWith(line, bullet)) {
          line = absl::StripAsciiWhitespace(line.substr(bullet.size()));
          dropped = true;
        }
      }
    }
    if (!line.empty()) entries.emplace_back(line);
  }
  return entries;
}

// The row's cells, or every problem with them.
void ReadRow(const table::TableRow& in, const ColumnIndex& index, bool has_status, ProjectPlanRow* row,
             std::vector<std::string>* problems) {
  for (size_t i = 0; i < in.cells.size(); ++i) {
    if (const std::optional<size_t> bad = FindBadTextByte(in.cells[i])) {
      problems->push_back(absl::StrCat("cell ", i + 1, " is not UTF-8 text (", DescribeBadTextByte(in.cells[i], *bad), ")"));
      return;
    }
  }
  row->task = Cell(in, index, kTask);
  if (row->task.size() > kMaxTaskBytes) problems->push_back(absl::StrCat("Specific tasks is over ", kMaxTaskBytes, " bytes"));
  row->outcomes = Entries(Cell(in, index, kOutcomes), false);
  for (const std::string& entry : Entries(Cell(in, index, kParticipants), true)) {
    absl::StatusOr<v1::Participant> participant = ParseParticipant(entry);
    if (participant.ok()) {
      row->participants.push_back(*participant);
    } else {
      problems->push_back(std::string(participant.status().message()));
    }
  }
  // The rules the project's action plan keeps, checked here so that a bad
  // outcome or participant costs only its row.
  v1::Project plan;
  for (const std::string& outcome : row->outcomes) plan.add_expected_outcomes(outcome);
  for (const v1::Participant& participant : row->participants) *plan.add_participants() = participant;
  for (const FieldViolation& f : FieldViolationsOf(ValidateActionPlan(plan, "row"))) {
    problems->push_back(absl::StrCat(absl::StartsWith(f.field, "row.participants") ? "Participants: "
                                                                                   : "Expected outcomes: ",
                                     f.description));
  }
  const std::string timescale = Cell(in, index, kTimescale);
  if (absl::AsciiStrToLower(timescale) == "ongoing") {
    row->ongoing = true;
  } else if (absl::StatusOr<std::optional<CalendarDate>> date = ParseExpectedDate(timescale); date.ok()) {
    row->expected_date = *date;
  } else {
    // The tracker's date rules name its column; here the column is Timescale.
    absl::string_view why = date.status().message();
    absl::ConsumePrefix(&why, "Expected Date ");
    problems->push_back(absl::StrCat("Timescale ", why, " (or \"Ongoing\")"));
  }
  row->resources = Cell(in, index, kResources);
  row->notes = Cell(in, index, kNotes);
  if (row->resources.size() > kMaxTaskTextBytes) problems->push_back(absl::StrCat("Resources is over ", kMaxTaskTextBytes, " bytes"));
  if (row->notes.size() > kMaxTaskTextBytes) problems->push_back(absl::StrCat("Notes is over ", kMaxTaskTextBytes, " bytes"));
  if (index[kResponsible] >= 0) {
    row->responsible = Cell(in, index, kResponsible);
    if (row->responsible->size() > kMaxLeadBytes) problems->push_back(absl::StrCat("Responsible is over ", kMaxLeadBytes, " bytes"));
  }
  if (has_status) {
    const std::string status = Cell(in, index, kStatus);
    if (!status.empty()) {
      absl::StatusOr<ItemStatus> parsed = ParseStatusWord(status);
      if (parsed.ok()) {
        row->status = *parsed;
      } else {
        problems->push_back(std::string(parsed.status().message()));
      }
    }
  }
  const std::string ref = Cell(in, index, kRef);
  if (!ref.empty()) {
    absl::StatusOr<PlanRef> parsed = ParseRef(ref);
    if (parsed.ok()) {
      row->ref = FormatRef(*parsed);
    } else {
      problems->push_back(std::string(parsed.status().message()));
    }
  }
  if (row->task.empty() && (row->ongoing || row->expected_date || !row->resources.empty() || !row->notes.empty() ||
                            row->status || !row->ref.empty())) {
    problems->push_back("Specific tasks is empty, but the row has a timescale, resources, notes, status or ref");
  }
}

std::string TimescaleText(const v1::PlanItem& task) {
  if (task.ongoing()) return "Ongoing";
  if (!task.has_expected_date()) return "";
  return FormatDate({task.expected_date().year(), task.expected_date().month(), task.expected_date().day()});
}

ItemStatus ItemStatusOf(v1::PlanItemStatus status) {
  switch (status) {
    case v1::ON_TRACK: return ItemStatus::kOnTrack;
    case v1::COMPLETE: return ItemStatus::kComplete;
    case v1::SUPERSEDED: return ItemStatus::kSuperseded;
    default: return ItemStatus::kNotStarted;
  }
}

}  // namespace

absl::StatusOr<ProjectPlanFile> ParseProjectPlan(absl::string_view text, std::optional<table::Format> format) {
  ProjectPlanFile file;
  file.format = format ? *format : table::DetectFormat(text);
  table::TableReader reader(text, file.format);
  table::TableRow in;
  std::optional<ColumnIndex> index;
  int rows_seen = 0;
  std::string project;  // carried down from the rows above
  while (true) {
    absl::StatusOr<bool> next = reader.Next(&in);
    if (!next.ok()) return next.status();
    if (!*next) break;
    ++rows_seen;
    if (!index) {
      if (in.over_limit.empty()) index = HeaderColumns(in);
      if (index) {
        file.header_line = in.line;
        file.has_timescale = (*index)[kTimescale] >= 0;
        file.has_resources = (*index)[kResources] >= 0;
        file.has_notes = (*index)[kNotes] >= 0;
        file.has_responsible = (*index)[kResponsible] >= 0;
        file.has_status = (*index)[kStatus] >= 0;
      } else if (rows_seen >= kHeaderSearchRows) {
        break;
      }
      continue;
    }
    if (static_cast<int>(file.rows.size() + file.rejections.size()) >= kMaxProjectPlanRows) {
      return absl::InvalidArgumentError(absl::StrCat("the file has more than ", kMaxProjectPlanRows,
                                                     " rows; an action plan holds tens: split it"));
    }
    bool blank = true;
    for (const std::string& cell : in.cells) blank = blank && absl::StripAsciiWhitespace(cell).empty();
    if (blank) continue;
    if (!in.over_limit.empty()) {
      file.rejections.push_back({in.line, project, Reason({in.over_limit})});
      continue;
    }
    // Only a readable title is carried down to the rows below; a row whose
    // title is not is rejected by its cell checks, and so are rows that
    // would have carried it.
    const std::string title = Cell(in, *index, kProject);
    if (!title.empty()) project = FindBadTextByte(title) ? std::string() : title;
    ProjectPlanRow row;
    row.line = in.line;
    row.project = project;
    std::vector<std::string> problems;
    ReadRow(in, *index, file.has_status, &row, &problems);
    if (project.empty()) problems.insert(problems.begin(), "no Project title on this row or above it");
    if (project.size() > kMaxProjectTitleBytes) {
      problems.insert(problems.begin(), absl::StrCat("Project title is over ", kMaxProjectTitleBytes, " bytes"));
    }
    if (!problems.empty()) {
      file.rejections.push_back({in.line, project, Reason(problems)});
      continue;
    }
    file.rows.push_back(std::move(row));
  }
  if (!index) {
    return absl::InvalidArgumentError(
        "no header row naming \"Project title\" and \"Specific tasks\" in the first 10 rows; the columns are "
        "Project title, Specific tasks, Expected outcomes, Participants, Timescale, Resources, Notes "
        "(and optionally Responsible, Status, Ref)");
  }
  return file;
}

std::string WriteProjectPlan(const std::vector<ProjectPlanExport>& projects, table::Format format) {
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(std::begin(kHeader), std::end(kHeader));
  for (const ProjectPlanExport& p : projects) {
    std::vector<std::string> participants;
    for (const v1::Participant& participant : p.project.participants()) {
      participants.push_back(ParticipantText(participant));
    }
    const std::string outcomes = absl::StrJoin(p.project.expected_outcomes(), "\n");
    const std::string people = absl::StrJoin(participants, "\n");
    if (p.tasks.empty()) {
      rows.push_back({p.project.title(), "", outcomes, people, "", "", "", "", "", ""});
      continue;
    }
    bool first = true;
    for (const v1::PlanItem& task : p.tasks) {
      rows.push_back({p.project.title(), task.task(), first ? outcomes : "", first ? people : "",
                      TimescaleText(task), task.resources(), task.plan_notes(), task.lead(),
                      std::string(StatusWord(ItemStatusOf(task.status()))), task.ref()});
      first = false;
    }
  }
  return std::string(table::kUtf8Bom) + table::WriteTable(rows, format);
}

}  // namespace wp::workstreams
