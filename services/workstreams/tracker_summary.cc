#include "services/workstreams/tracker_summary.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/cache/cached_message.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/database.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

// Cached summaries expire anyway after a while so Redis does not fill up
// with old generations.
constexpr absl::Duration kSummaryTtl = absl::Minutes(10);

}  // namespace

void AddStatusCounts(v1::StatusCounts* counts, const StatusCountRow& row) {
  const int n = row.count;
  switch (row.status) {
    case v1::NOT_STARTED: counts->set_not_started(counts->not_started() + n); break;
    case v1::ON_TRACK: counts->set_on_track(counts->on_track() + n); break;
    case v1::COMPLETE: counts->set_complete(counts->complete() + n); break;
    case v1::SUPERSEDED: counts->set_superseded(counts->superseded() + n); break;
    default: break;
  }
  counts->set_total(counts->total() + n);
  counts->set_overdue(counts->overdue() + row.overdue);
  counts->set_stale(counts->stale() + row.stale);
  counts->set_on_hold(counts->on_hold() + row.on_hold);
}

// Superseded items are no longer work to do, so they do not count against
// the share complete.
void SetShareComplete(v1::StatusCounts* counts) {
  const int countable = counts->total() - counts->superseded();
  counts->set_share_complete(countable > 0 ? static_cast<double>(counts->complete()) / countable : 0);
}

absl::StatusOr<v1::TrackerSummary> ComputeTrackerSummary(store::Database& db,
                                                         const std::string& period,
                                                         const wp::common::v1::Date& as_of,
                                                         const StaleRule& stale_rule) {
  absl::StatusOr<v1::TrackerSummary> read = store::ReadValue<v1::TrackerSummary>(
      db, [&](store::Transaction& tx) -> absl::StatusOr<v1::TrackerSummary> {
        v1::TrackerSummary summary;
        summary.set_plan_period(period);
        *summary.mutable_as_of() = as_of;
        summary.set_stale_after_days(stale_rule.after_days);
        WP_ASSIGN_OR_RETURN(auto workstreams, ListWorkstreams(tx, period, "", 0, 1000));
        std::map<int, v1::WorkstreamSummary*> by_number;
        for (const v1::Workstream& ws : workstreams) {
          v1::WorkstreamSummary* row = summary.add_workstreams();
          row->set_workstream(ws.name());
          row->set_number(ws.number());
          row->set_title(ws.title());
          row->mutable_counts();
          by_number[ws.number()] = row;
        }
        WP_ASSIGN_OR_RETURN(auto projects, ListProjects(tx, ProjectFilter{period, 0, {}}));
        std::map<std::string, v1::ProjectSummary*> by_project;
        for (const v1::Project& project : projects) {
          v1::ProjectSummary* row = summary.add_projects();
          row->set_project(project.name());
          row->set_title(project.title());
          row->set_workstream_number(project.workstream_number());
          row->set_status(project.status());
          row->mutable_counts();
          by_project[project.project_id()] = row;
        }
        WP_ASSIGN_OR_RETURN(
            auto counts,
            CountByStatus(tx, period, calendar::ToIsoText(as_of),
                          stale_rule.StaleBeforeUs(absl::CivilDay(as_of.year(), as_of.month(), as_of.day()))));
        for (const StatusCountRow& c : counts) {
          auto it = by_number.find(c.workstream_number);
          if (it == by_number.end()) continue;  // cannot happen: foreign key
          AddStatusCounts(it->second->mutable_counts(), c);
          AddStatusCounts(summary.mutable_totals(), c);
          if (auto project = by_project.find(c.project_id); project != by_project.end()) {
            AddStatusCounts(project->second->mutable_counts(), c);
          }
        }
        return summary;
      });
  if (!read.ok()) return read.status();
  v1::TrackerSummary& summary = *read;
  for (auto& row : *summary.mutable_workstreams()) SetShareComplete(row.mutable_counts());
  for (auto& row : *summary.mutable_projects()) SetShareComplete(row.mutable_counts());
  SetShareComplete(summary.mutable_totals());
  const absl::Time now = absl::Now();
  summary.mutable_computed_at()->set_seconds(absl::ToUnixSeconds(now));
  return summary;
}

absl::StatusOr<v1::TrackerSummary> TrackerSummaries::Get(const v1::GetTrackerSummaryRequest& request) {
  if (!IsValidPlanPeriod(request.plan_period())) {
    return InvalidField("plan_period", "must look like 2022-23 (start year, two-digit end year)");
  }
  wp::common::v1::Date as_of = calendar::TodayUtc();
  if (request.has_as_of()) {
    WP_RETURN_IF_ERROR(calendar::Validate(request.as_of(), "as_of", false));
    as_of = request.as_of();
  }
  const std::string key = cache::CacheKey(
      "workstreams",
      absl::StrCat("tracker_summary:", store_id_, ":", request.plan_period(), ":",
                   calendar::ToIsoText(as_of), ":stale", stale_rule_.after_days),
      generation_.current());
  return cache::CachedMessage<v1::TrackerSummary>(
      cache_, key, kSummaryTtl, [&] { return ComputeTrackerSummary(db_, request.plan_period(), as_of, stale_rule_); });
}

}  // namespace wp::workstreams
