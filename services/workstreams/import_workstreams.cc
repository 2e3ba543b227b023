#include "services/workstreams/import_workstreams.h"

#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/text/blank.h"
#include "services/workstreams/events.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

constexpr size_t kMaxTitleBytes = 300;

std::string Plural(int n, absl::string_view one, absl::string_view many) {
  return std::string(n == 1 ? one : many);
}

}  // namespace

WorkstreamsInFile WorkstreamsInFile::Collect(TrackerReader reader) {
  WorkstreamsInFile file;
  std::optional<TrackerRow> row;
  std::optional<RowRejection> rejection;
  while (reader.Next(&row, &rejection)) {
    if (row) file.Add(*row);
  }
  return file;
}

void WorkstreamsInFile::Add(const TrackerRow& row) {
  Seen& seen = numbers_[row.workstream_number];
  ++seen.rows;
  // A lead that could not be a lead officer is not counted (its row is
  // rejected later anyway when it is too long).
  if (row.lead.empty() || row.lead.size() > kMaxLeadBytes || row.lead.find('\n') != std::string::npos) {
    return;
  }
  for (auto& [lead, count] : seen.leads) {
    if (lead == row.lead) {
      ++count;
      return;
    }
  }
  if (seen.leads.size() < kMaxLeadsCounted) seen.leads.emplace_back(row.lead, 1);
}

int WorkstreamsInFile::Rows(int number) const {
  auto it = numbers_.find(number);
  return it == numbers_.end() ? 0 : it->second.rows;
}

std::string WorkstreamsInFile::MostCommonLead(int number) const {
  auto it = numbers_.find(number);
  if (it == numbers_.end()) return "";
  const std::pair<std::string, int>* best = nullptr;
  for (const auto& lead : it->second.leads) {
    if (best == nullptr || lead.second > best->second) best = &lead;
  }
  return best == nullptr ? "" : best->first;
}

std::vector<int> WorkstreamsInFile::Numbers() const {
  std::vector<int> numbers;
  for (const auto& [number, seen] : numbers_) numbers.push_back(number);
  return numbers;
}

absl::Status ValidateWorkstreamTitles(const v1::ImportTrackerRequest& request) {
  if (request.workstream_titles().empty()) return absl::OkStatus();
  if (!request.create_missing_workstreams()) {
    return InvalidField("workstream_titles",
                        "are only used with create_missing_workstreams (wpctl: --create-workstreams)");
  }
  FieldViolations v;
  std::set<int> seen;
  for (int i = 0; i < request.workstream_titles_size(); ++i) {
    const v1::ImportWorkstreamTitle& t = request.workstream_titles(i);
    const std::string field = absl::StrCat("workstream_titles[", i, "]");
    if (t.number() < 1 || t.number() > kMaxWorkstreamNumber) {
      v.Add(absl::StrCat(field, ".number"), absl::StrCat("must be between 1 and ", kMaxWorkstreamNumber));
    } else if (!seen.insert(t.number()).second) {
      v.Add(absl::StrCat(field, ".number"), absl::StrCat("workstream ", t.number(), " is given a title twice"));
    }
    if (text::IsBlank(t.title()) || t.title().find('\n') != std::string::npos) {
      v.Add(absl::StrCat(field, ".title"), "must be a non-empty single line");
    } else if (t.title().size() > kMaxTitleBytes) {
      v.Add(absl::StrCat(field, ".title"), absl::StrCat("must be at most ", kMaxTitleBytes, " bytes"));
    }
  }
  return v.ToStatus();
}

absl::StatusOr<std::vector<v1::Workstream>> PlanMissingWorkstreams(
    store::Transaction& tx, const std::string& period, const WorkstreamsInFile& file,
    const v1::ImportTrackerRequest& request) {
  FieldViolations v;
  for (int i = 0; i < request.workstream_titles_size(); ++i) {
    const int number = request.workstream_titles(i).number();
    if (!file.Contains(number)) {
      v.Add(absl::StrCat("workstream_titles[", i, "].number"),
            absl::StrCat("no row of the file refers to workstream ", number));
    }
  }
  WP_RETURN_IF_ERROR(v.ToStatus());

  std::vector<int> missing;
  int rows = 0;
  for (int number : file.Numbers()) {
    absl::StatusOr<v1::Workstream> ws = LoadWorkstream(tx, period, number);
    if (ws.ok()) continue;
    if (!absl::IsNotFound(ws.status())) return ws.status();
    missing.push_back(number);
    rows += file.Rows(number);
  }
  if (!missing.empty() && !request.create_missing_workstreams()) {
    const int n = static_cast<int>(missing.size());
    return absl::FailedPreconditionError(absl::StrCat(
        "plan period ", period, " has no ", Plural(n, "workstream ", "workstreams "),
        absl::StrJoin(missing, ", "), " (", rows, Plural(rows, " row refers to ", " rows refer to "),
        Plural(n, "it", "them"), "); create ", Plural(n, "it", "them"), " with `wpctl workstreams create --period ",
        period, " --number N --title TITLE` or import with --create-workstreams; nothing was imported"));
  }
  std::vector<v1::Workstream> planned;
  for (int number : missing) {
    v1::Workstream ws;
    ws.set_name(WorkstreamName(period, number));
    ws.set_plan_period(period);
    ws.set_number(number);
    ws.set_title(absl::StrCat("Workstream ", number));
    for (const v1::ImportWorkstreamTitle& t : request.workstream_titles()) {
      if (t.number() == number) ws.set_title(t.title());
    }
    ws.set_lead_officer(file.MostCommonLead(number));
    planned.push_back(std::move(ws));
  }
  return planned;
}

absl::StatusOr<std::vector<v1::Workstream>> CreatePlannedWorkstreams(
    store::Transaction& tx, const server::Caller& caller, const std::vector<v1::Workstream>& planned,
    absl::Time now) {
  std::vector<v1::Workstream> created;
  for (const v1::Workstream& ws : planned) {
    // Made by someone else since the plan: theirs stands.
    absl::StatusOr<v1::Workstream> existing = LoadWorkstream(tx, ws.plan_period(), ws.number());
    if (existing.ok()) continue;
    if (!absl::IsNotFound(existing.status())) return existing.status();
    WP_RETURN_IF_ERROR(InsertWorkstream(tx, ws, now));
    WP_ASSIGN_OR_RETURN(v1::Workstream stored, LoadWorkstream(tx, ws.plan_period(), ws.number()));
    v1::WorkstreamChanged event;
    *event.mutable_workstream() = stored;
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "workstream", "created", stored.name(), event).status());
    created.push_back(std::move(stored));
  }
  return created;
}

}  // namespace wp::workstreams
