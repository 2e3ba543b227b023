#include "tools/wpctl/tracker_views.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/project_views.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;

std::vector<std::string> CountCells(const v1::StatusCounts& c) {
  return {absl::StrCat(c.not_started()), absl::StrCat(c.on_track()), absl::StrCat(c.complete()),
          absl::StrCat(c.superseded()),  absl::StrCat(c.total()),    absl::StrCat(c.overdue()),
          PercentComplete(c)};
}

std::vector<std::string> Row(std::string number, std::string title, const v1::StatusCounts& c) {
  std::vector<std::string> row = {std::move(number), std::move(title)};
  for (std::string& cell : CountCells(c)) row.push_back(std::move(cell));
  return row;
}

}  // namespace

std::string PercentComplete(const v1::StatusCounts& counts) {
  if (counts.total() - counts.superseded() <= 0) return "-";
  return absl::StrFormat("%.0f%%", counts.share_complete() * 100.0);
}

std::string SummaryText(const v1::TrackerSummary& summary) {
  Table table({{"WS", Align::kRight},
               {"TITLE"},
               {"NOT STARTED", Align::kRight},
               {"ON TRACK", Align::kRight},
               {"COMPLETE", Align::kRight},
               {"SUPERSEDED", Align::kRight},
               {"TOTAL", Align::kRight},
               {"OVERDUE", Align::kRight},
               {"% COMPLETE", Align::kRight}});
  for (const v1::WorkstreamSummary& ws : summary.workstreams()) {
    table.AddRow(Row(absl::StrCat(ws.number()), Truncate(ws.title(), kTitleWidth), ws.counts()));
  }
  table.AddRule();
  table.AddRow(Row("", "Total", summary.totals()));
  std::string out = absl::StrCat("Tracker ", summary.plan_period(), " as of ", DateText(summary.as_of()),
                                 " (computed ", TimeText(summary.computed_at()), ")\n\n", table.Render());
  if (summary.projects().empty()) return out;
  // Each project's tasks (counted in their workstream above too).
  Table projects({{"WS", Align::kRight},
                  {"PROJECT"},
                  {"STATUS"},
                  {"TOTAL", Align::kRight},
                  {"COMPLETE", Align::kRight},
                  {"OVERDUE", Align::kRight},
                  {"STALE", Align::kRight},
                  {"ON HOLD", Align::kRight},
                  {"% COMPLETE", Align::kRight}});
  for (const v1::ProjectSummary& p : summary.projects()) {
    const v1::StatusCounts& c = p.counts();
    projects.AddRow({absl::StrCat(p.workstream_number()), Truncate(p.title(), kTitleWidth), ProjectStatusWord(p.status()),
                     absl::StrCat(c.total()), absl::StrCat(c.complete()), absl::StrCat(c.overdue()),
                     absl::StrCat(c.stale()), absl::StrCat(c.on_hold()), PercentComplete(c)});
  }
  return absl::StrCat(out, "\nProjects\n\n", projects.Render());
}

std::string ProgressText(const v1::ImportTrackerProgress& progress) {
  return absl::StrCat("processed ", progress.processed_rows(), "/", progress.total_rows(), " rows");
}

std::string RejectionText(const v1::ImportRowResult& result) {
  const std::string ref = result.ref().empty() ? "" : absl::StrCat(" (ref ", result.ref(), ")");
  const std::string reason = result.reason().empty() ? "rejected" : OneLine(result.reason());
  return absl::StrCat("line ", result.line(), ref, ": ", reason);
}

std::string ImportCountsText(const v1::ImportTrackerProgress& progress) {
  return absl::StrCat("processed ", progress.processed_rows(), " rows: ", progress.created(), " created, ",
                      progress.updated(), " updated, ", progress.unchanged(), " unchanged, ",
                      progress.rejected(), " rejected",
                      progress.dry_run() ? " (dry run: nothing was changed)" : "");
}

std::string UpdateText(const v1::ImportRowResult& result, bool dry_run) {
  std::vector<std::string> changes;
  for (const v1::ImportFieldChange& c : result.changed_fields()) {
    const auto shown = [](const std::string& value) { return value.empty() ? std::string("(none)") : OneLine(value); };
    changes.push_back(absl::StrCat(absl::StrReplaceAll(c.field(), {{"_", " "}}), " ", shown(c.before()), " -> ",
                                   shown(c.after())));
  }
  return absl::StrCat(dry_run ? "would update " : "updated ", result.ref(),
                      changes.empty() ? "" : ": ", absl::StrJoin(changes, "; "));
}

std::string CreatedWorkstreamText(const v1::Workstream& workstream, bool dry_run) {
  const std::string lead = workstream.lead_officer().empty()
                               ? std::string("no lead")
                               : absl::StrCat("lead ", workstream.lead_officer());
  return absl::StrCat(dry_run ? "would create" : "created", " workstream ", workstream.number(), " \"",
                      OneLine(workstream.title()), "\" (", lead, ")");
}

void RejectionGroups::Add(const v1::ImportRowResult& result) {
  const std::string reason = result.reason().empty() ? "rejected" : OneLine(result.reason());
  auto [it, added] = by_reason_.emplace(reason, groups_.size());
  if (added) groups_.push_back(Group{reason, result, 0, {}});
  Group& group = groups_[it->second];
  ++group.rows;
  if (group.lines.size() < kMaxLinesShown) group.lines.push_back(result.line());
}

std::vector<std::string> RejectionGroups::Lines() const {
  std::vector<std::string> lines;
  for (const Group& g : groups_) {
    if (g.rows == 1) {
      lines.push_back(RejectionText(g.first));
      continue;
    }
    const bool more = static_cast<size_t>(g.rows) > g.lines.size();
    lines.push_back(absl::StrCat("rejected ", g.rows, " rows (lines ", absl::StrJoin(g.lines, ", "),
                                 more ? ", ..." : "", "): ", g.reason));
  }
  return lines;
}

}  // namespace wp::wpctl
