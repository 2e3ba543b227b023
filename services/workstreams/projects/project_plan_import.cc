#include "services/workstreams/projects/project_plan_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/plan_item_changes.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_plan_file.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

using google::protobuf::util::MessageDifferencer;
constexpr char kDryRun[] = "dry run: rolled back";
constexpr char kImportReason[] = "imported from a project action plan";

// Titles and task texts match whatever their case and spacing.
std::string MatchKey(absl::string_view text) {
  return absl::StrJoin(absl::StrSplit(absl::AsciiStrToLower(text), absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty()),
                       " ");
}

v1::PlanItemStatus StatusOf(ItemStatus status) {
  switch (status) {
    case ItemStatus::kOnTrack: return v1::ON_TRACK;
    case ItemStatus::kComplete: return v1::COMPLETE;
    case ItemStatus::kSuperseded: return v1::SUPERSEDED;
    case ItemStatus::kNotStarted: break;
  }
  return v1::NOT_STARTED;
}

// `item` with the row's values for the columns the file has.
void ApplyRow(const ProjectPlanFile& file, const ProjectPlanRow& row, v1::PlanItem* item) {
  item->set_task(row.task);
  if (row.responsible) item->set_lead(*row.responsible);
  if (row.status) item->set_status(StatusOf(*row.status));
  if (file.has_timescale) {
    item->set_ongoing(row.ongoing);
    if (row.expected_date) {
      item->mutable_expected_date()->set_year(row.expected_date->year);
      item->mutable_expected_date()->set_month(row.expected_date->month);
      item->mutable_expected_date()->set_day(row.expected_date->day);
    } else {
      item->clear_expected_date();
    }
  }
  if (file.has_resources) item->set_resources(row.resources);
  if (file.has_notes) item->set_plan_notes(row.notes);
  if (item->status() != v1::SUPERSEDED) item->clear_superseded_by();
}

v1::ImportRowResult Result(int line, const std::string& ref, v1::ImportRowResult::Outcome outcome,
                           const std::string& reason = "") {
  v1::ImportRowResult r;
  r.set_line(line);
  r.set_ref(ref);
  r.set_outcome(outcome);
  r.set_reason(reason);
  return r;
}

// One project's rows, applied in the caller's transaction.
class ProjectImport {
 public:
  ProjectImport(store::Transaction& tx, const server::Caller& caller, absl::Time now, const ProjectPlanFile& file,
                v1::Project project)
      : tx_(tx), caller_(caller), now_(now), file_(file), project_(std::move(project)) {}

  absl::Status LoadTasks() {
    PlanItemFilter filter;
    filter.period = project_.plan_period();
    filter.project_id = project_.project_id();
    filter.limit = 100000;
    WP_ASSIGN_OR_RETURN(tasks_, ListPlanItems(tx_, filter));
    return absl::OkStatus();
  }

  // Adds the row's outcomes and participants to those the file gives.
  void Gather(const ProjectPlanRow& row) {
    for (const std::string& outcome : row.outcomes) {
      if (std::find(outcomes_.begin(), outcomes_.end(), outcome) == outcomes_.end()) outcomes_.push_back(outcome);
    }
    for (const v1::Participant& p : row.participants) {
      const bool seen = std::any_of(participants_.begin(), participants_.end(),
                                    [&](const v1::Participant& q) { return MessageDifferencer::Equals(p, q); });
      if (!seen) participants_.push_back(p);
    }
    if (!row.outcomes.empty()) gave_outcomes_ = true;
    if (!row.participants.empty()) gave_participants_ = true;
  }

  // Replaces outcomes and participants the file gave; true when they changed.
  absl::StatusOr<bool> SaveActionPlanIfChanged() {
    v1::Project next = project_;
    if (gave_outcomes_) {
      next.clear_expected_outcomes();
      for (const std::string& o : outcomes_) next.add_expected_outcomes(o);
    }
    if (gave_participants_) {
      next.clear_participants();
      for (const v1::Participant& p : participants_) *next.add_participants() = p;
    }
    std::vector<std::string> changed;
    if (!std::equal(next.expected_outcomes().begin(), next.expected_outcomes().end(),
                    project_.expected_outcomes().begin(), project_.expected_outcomes().end())) {
      changed.push_back("expected_outcomes");
    }
    bool same_people = next.participants_size() == project_.participants_size();
    for (int i = 0; same_people && i < next.participants_size(); ++i) {
      same_people = MessageDifferencer::Equals(next.participants(i), project_.participants(i));
    }
    if (!same_people) changed.push_back("participants");
    if (changed.empty()) return false;
    WP_RETURN_IF_ERROR(ValidateActionPlan(next, project_.title()));
    WP_RETURN_IF_ERROR(SaveActionPlan(tx_, next, store::VersionOf(project_.etag()), now_));
    WP_ASSIGN_OR_RETURN(v1::Project stored, LoadProject(tx_, project_.plan_period(), project_.project_id()));
    v1::ProjectChanged event;
    *event.mutable_project() = stored;
    for (const std::string& field : changed) event.add_changed_fields(field);
    WP_RETURN_IF_ERROR(EmitEvent(tx_, caller_, "project", "updated", stored.name(), event).status());
    return true;
  }

  // Creates or updates the row's task; the row's result.
  absl::StatusOr<v1::ImportRowResult> ApplyTask(const ProjectPlanRow& row) {
    const v1::PlanItem* existing = nullptr;
    if (!row.ref.empty()) {
      existing = FindByRef(row.ref);
      if (existing == nullptr) {
        absl::StatusOr<v1::PlanItem> other = LoadPlanItem(tx_, project_.plan_period(), row.ref);
        if (other.ok()) {
          return Result(row.line, row.ref, v1::ImportRowResult::REJECTED,
                        absl::StrCat(row.ref, " is not a task of ", project_.title(),
                                     other->project().empty() ? "" : absl::StrCat(" (it is of ", other->project(), ")")));
        }
        if (!absl::IsNotFound(other.status())) return other.status();
      }
    } else {
      existing = FindByText(row.task);
    }
    if (existing != nullptr) {
      const std::string key = existing->ref();
      if (const auto seen = applied_line_.find(key); seen != applied_line_.end()) {
        return Result(row.line, key, v1::ImportRowResult::REJECTED,
                      absl::StrCat("the same task as line ", seen->second));
      }
      applied_line_[key] = row.line;
      return Update(row, *existing);
    }
    return Create(row);
  }

 private:
  const v1::PlanItem* FindByRef(const std::string& ref) const {
    for (const v1::PlanItem& t : tasks_) {
      if (t.ref() == ref) return &t;
    }
    return nullptr;
  }
  const v1::PlanItem* FindByText(const std::string& text) const {
    const std::string key = MatchKey(text);
    for (const v1::PlanItem& t : tasks_) {
      if (MatchKey(t.task()) == key) return &t;
    }
    return nullptr;
  }

  absl::StatusOr<v1::ImportRowResult> Update(const ProjectPlanRow& row, const v1::PlanItem& current) {
    v1::PlanItem next = current;
    ApplyRow(file_, row, &next);
    if (ChangedFields(current, next).empty()) {
      return Result(row.line, current.ref(), v1::ImportRowResult::UNCHANGED);
    }
    FieldViolations v;
    CheckTaskPlanFields(next, &v);
    if (absl::Status s = v.ToStatus(); !s.ok()) {
      return Result(row.line, current.ref(), v1::ImportRowResult::REJECTED, std::string(s.message()));
    }
    if (next.status() != current.status()) {
      if (absl::Status s = CheckStatusChange(current, next.status(), next.superseded_by(), kImportReason, false);
          !s.ok()) {
        return Result(row.line, current.ref(), v1::ImportRowResult::REJECTED, std::string(s.message()));
      }
    }
    WP_RETURN_IF_ERROR(RecordUpdated(tx_, caller_, current, next, kImportReason, now_).status());
    return Result(row.line, current.ref(), v1::ImportRowResult::UPDATED);
  }

  absl::StatusOr<v1::ImportRowResult> Create(const ProjectPlanRow& row) {
    v1::PlanItem item;
    item.set_plan_period(project_.plan_period());
    item.set_status(v1::NOT_STARTED);
    ApplyRow(file_, row, &item);
    if (row.ref.empty()) {
      WP_ASSIGN_OR_RETURN(int last, LastTaskNumber(tx_, project_.plan_period(), project_.workstream_number()));
      item.set_ref(absl::StrCat(project_.workstream_number(), ".", last + 1));
    } else if (ParsePlanRef(row.ref)->workstream != project_.workstream_number()) {
      return Result(row.line, row.ref, v1::ImportRowResult::REJECTED,
                    absl::StrCat("Ref ", row.ref, " is not in workstream ", project_.workstream_number(), ", the "
                                 "workstream of ", project_.title()));
    } else {
      item.set_ref(row.ref);
    }
    item.set_project(project_.name());
    item.set_project_status(project_.status());
    if (absl::Status s = ValidateNewPlanItem(item); !s.ok()) {
      return Result(row.line, item.ref(), v1::ImportRowResult::REJECTED, std::string(s.message()));
    }
    absl::StatusOr<v1::Workstream> ws = LoadWorkstream(tx_, project_.plan_period(), project_.workstream_number());
    if (absl::IsNotFound(ws.status())) {
      return Result(row.line, item.ref(), v1::ImportRowResult::REJECTED,
                    absl::StrCat("workstream ", project_.workstream_number(), " of ", project_.plan_period(),
                                 " does not exist; create it first"));
    }
    if (!ws.ok()) return ws.status();
    WP_ASSIGN_OR_RETURN(v1::PlanItem stored, RecordCreated(tx_, caller_, item, kImportReason, now_));
    tasks_.push_back(stored);
    applied_line_[stored.ref()] = row.line;
    return Result(row.line, stored.ref(), v1::ImportRowResult::CREATED);
  }

  store::Transaction& tx_;
  const server::Caller& caller_;
  const absl::Time now_;
  const ProjectPlanFile& file_;
  const v1::Project project_;
  std::vector<v1::PlanItem> tasks_;
  std::map<std::string, int> applied_line_;  // ref -> the file line that set it
  std::vector<std::string> outcomes_;
  std::vector<v1::Participant> participants_;
  bool gave_outcomes_ = false;
  bool gave_participants_ = false;
};

absl::Status CheckFormat(v1::TableFormat format, absl::string_view field) {
  if (!v1::TableFormat_IsValid(format)) return InvalidField(field, "must be CSV or TSV");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::ImportProjectPlanResponse> ProjectPlans::Import(const server::Caller& caller,
                                                                   const v1::ImportProjectPlanRequest& request) {
  if (!IsValidPlanPeriod(request.plan_period())) return InvalidField("plan_period", "must look like 2020-23");
  WP_RETURN_IF_ERROR(CheckFormat(request.format(), "format"));
  std::optional<table::Format> format;
  if (request.format() == v1::CSV) format = table::Format::kCsv;
  if (request.format() == v1::TSV) format = table::Format::kTsv;
  absl::StatusOr<ProjectPlanFile> file = ParseProjectPlan(request.content(), format);
  if (!file.ok()) return InvalidField("content", file.status().message());

  const absl::Time now = absl::Now();
  v1::ImportProjectPlanResponse response;
  absl::Status written = db_.Write([&](store::Transaction& tx) -> absl::Status {
    response.Clear();  // a retried transaction starts again
    response.set_dry_run(request.dry_run());
    WP_ASSIGN_OR_RETURN(std::vector<v1::Project> projects, ListProjects(tx, {request.plan_period(), 0, {}}));
    std::map<std::string, const v1::Project*> by_key;
    for (const v1::Project& p : projects) {
      by_key.emplace(MatchKey(p.title()), &p);
      by_key.emplace(p.project_id(), &p);
    }
    std::map<std::string, ProjectImport> imports;  // by project id, in the file's first mention order below
    std::vector<std::string> order;
    std::vector<v1::ImportRowResult> results;
    std::vector<std::pair<const ProjectPlanRow*, ProjectImport*>> task_rows;
    for (const ProjectPlanRow& row : file->rows) {
      const auto found = by_key.find(MatchKey(row.project));
      if (found == by_key.end()) {
        results.push_back(Result(row.line, "", v1::ImportRowResult::REJECTED,
                                 absl::StrCat("no project titled \"", row.project, "\" in the plan for ",
                                              request.plan_period(), " (see wpctl projects list --period ",
                                              request.plan_period(), ")")));
        continue;
      }
      const v1::Project& project = *found->second;
      auto [it, inserted] = imports.try_emplace(project.project_id(), tx, caller, now, *file, project);
      if (inserted) {
        WP_RETURN_IF_ERROR(it->second.LoadTasks());
        order.push_back(project.project_id());
      }
      it->second.Gather(row);
      if (!row.task.empty()) task_rows.emplace_back(&row, &it->second);
    }
    for (const ProjectPlanRejection& rejected : file->rejections) {
      results.push_back(Result(rejected.line, "", v1::ImportRowResult::REJECTED, rejected.reason));
    }
    for (const std::string& id : order) {
      // Too many outcomes or participants fails the import, naming the project.
      absl::StatusOr<bool> changed = imports.at(id).SaveActionPlanIfChanged();
      if (!changed.ok()) return changed.status();
      if (*changed) response.add_projects_updated(ProjectName(request.plan_period(), id));
    }
    for (const auto& [row, import] : task_rows) {
      WP_ASSIGN_OR_RETURN(v1::ImportRowResult result, import->ApplyTask(*row));
      results.push_back(std::move(result));
    }
    std::sort(results.begin(), results.end(),
              [](const v1::ImportRowResult& a, const v1::ImportRowResult& b) { return a.line() < b.line(); });
    for (v1::ImportRowResult& r : results) {
      switch (r.outcome()) {
        case v1::ImportRowResult::CREATED: response.set_created(response.created() + 1); break;
        case v1::ImportRowResult::UPDATED: response.set_updated(response.updated() + 1); break;
        case v1::ImportRowResult::UNCHANGED: response.set_unchanged(response.unchanged() + 1); break;
        default: response.set_rejected(response.rejected() + 1); break;
      }
      *response.add_results() = std::move(r);
    }
    if (request.dry_run()) return absl::CancelledError(kDryRun);
    return absl::OkStatus();
  });
  if (request.dry_run() && absl::IsCancelled(written) && written.message() == kDryRun) return response;
  if (!written.ok()) return written;
  return response;
}

absl::StatusOr<v1::ExportProjectPlanResponse> ProjectPlans::Export(const v1::ExportProjectPlanRequest& request) {
  if (!IsValidPlanPeriod(request.plan_period())) return InvalidField("plan_period", "must look like 2020-23");
  WP_RETURN_IF_ERROR(CheckFormat(request.format(), "format"));
  std::string only;
  if (!request.project().empty()) {
    WP_ASSIGN_OR_RETURN(only, ProjectIdIn(request.plan_period(), request.project(), "project"));
  }
  const bool tsv = request.format() == v1::TSV;
  return store::ReadValue<v1::ExportProjectPlanResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ExportProjectPlanResponse> {
        std::vector<v1::Project> projects;
        if (only.empty()) {
          WP_ASSIGN_OR_RETURN(projects, ListProjects(tx, {request.plan_period(), 0, {}}));
        } else {
          WP_ASSIGN_OR_RETURN(v1::Project one, LoadProject(tx, request.plan_period(), only));
          projects.push_back(std::move(one));
        }
        std::vector<ProjectPlanExport> plans;
        for (v1::Project& p : projects) {
          PlanItemFilter filter;
          filter.period = request.plan_period();
          filter.project_id = p.project_id();
          filter.limit = 100000;
          WP_ASSIGN_OR_RETURN(std::vector<v1::PlanItem> tasks, ListPlanItems(tx, filter));
          plans.push_back({std::move(p), std::move(tasks)});
        }
        v1::ExportProjectPlanResponse response;
        response.set_content(WriteProjectPlan(plans, tsv ? table::Format::kTsv : table::Format::kCsv));
        response.set_content_type(tsv ? "text/tab-separated-values; charset=utf-8" : "text/csv; charset=utf-8");
        return response;
      });
}

}  // namespace wp::workstreams
