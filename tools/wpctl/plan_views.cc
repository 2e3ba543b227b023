#include "tools/wpctl/plan_views.h"

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "services/governance/core/money.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;
constexpr size_t kTextWidth = 60;

std::string PlanStateWord(gov::Plan::State state) {
  return EnumWord(gov::Plan::State_descriptor(), state);
}

std::vector<std::string> AmountCells(int64_t allocated, int64_t spent, int64_t available) {
  return {PoundsText(allocated), PoundsText(spent), PoundsText(available)};
}

// Adds up amounts exactly, remembering when the sum stopped fitting.
class Sum {
 public:
  void Add(int64_t pence) {
    if (!total_.ok()) return;
    total_ = total_->Add(governance::Pence(pence));
  }
  std::string Text() const { return total_.ok() ? governance::FormatPounds(*total_) : "too large"; }

 private:
  absl::StatusOr<governance::Pence> total_ = governance::Pence(0);
};

// What a step did, as minutes say it: "approved", "endorsed", ...
std::string StepVerb(gov::Plan::State to) {
  switch (to) {
    case gov::Plan::DRAFT:
      return "drafted";
    case gov::Plan::BOARD_APPROVED:
      return "approved";
    case gov::Plan::COMMITTEE_ENDORSED:
      return "endorsed";
    case gov::Plan::ACTIVE:
      return "activated";
    case gov::Plan::CLOSED:
      return "closed";
    default:
      return "changed";
  }
}

std::string StepText(const gov::PlanStep& step) {
  std::string out = absl::StrCat("  ", TimeText(step.step_time()), "  ", StepVerb(step.to_state()));
  if (!step.by().empty()) absl::StrAppend(&out, " by ", step.by());
  if (!step.meeting().empty()) absl::StrAppend(&out, " at ", ShortName(step.meeting()));
  if (!step.decision().empty())
    absl::StrAppend(&out, " (decision ", ShortName(step.decision()), ")");
  return out + "\n";
}

}  // namespace

std::string PoundsText(int64_t pence) { return governance::FormatPounds(governance::Pence(pence)); }

std::string PlansText(const gov::ListPlansResponse& response) {
  if (response.plans().empty()) return "no plans\n";
  Table table({{"PLAN"}, {"SPAN"}, {"STATE"}, {"REVISION", Align::kRight}, {"TITLE"}, {"THEME"}});
  for (const gov::Plan& p : response.plans()) {
    table.AddRow({ShortName(p.name()), p.session_span(), PlanStateWord(p.state()),
                  absl::StrCat(p.revision()), Truncate(p.title(), kTitleWidth), p.theme()});
  }
  return table.Render();
}

std::string PlanText(const gov::Plan& p) {
  std::string priorities;
  for (int i = 0; i < p.priorities_size(); ++i) {
    absl::StrAppend(&priorities, i == 0 ? "" : "\n", i + 1, ". ", p.priorities(i));
  }
  std::string out = FieldsText({{"name", p.name()},
                                {"title", p.title()},
                                {"session span", p.session_span()},
                                {"theme", p.theme()},
                                {"state", PlanStateWord(p.state())},
                                {"revision", absl::StrCat(p.revision())},
                                {"vision", p.vision()},
                                {"priorities", priorities},
                                {"updated", TimeText(p.update_time())},
                                {"etag", p.etag()}});
  if (p.workstreams().empty()) {
    out += "\nworkstreams: none\n";
  } else {
    Table table({{"WS", Align::kRight}, {"TITLE"}, {"TRACKER"}});
    for (const gov::PlanWorkstream& ws : p.workstreams()) {
      table.AddRow({absl::StrCat(ws.number()), ws.title(), ws.workstream()});
    }
    absl::StrAppend(&out, "\nworkstreams (", p.workstreams_size(), "):\n", table.Render());
  }
  if (!p.projects().empty()) {
    Table table({{"WS", Align::kRight}, {"PROJECT"}, {"STATUS"}, {"TITLE"}});
    for (const gov::PlanProject& project : p.projects()) {
      table.AddRow({absl::StrCat(project.workstream_number()), project.id(),
                    EnumWord(gov::PlanProject::Status_descriptor(), project.status()),
                    Truncate(project.title(), kTextWidth)});
    }
    absl::StrAppend(&out, "\nprojects (", p.projects_size(), "):\n", table.Render());
  }
  if (p.steps().empty()) return out + "\nsteps: none\n";
  out += "\nsteps:\n";
  for (const gov::PlanStep& step : p.steps()) out += StepText(step);
  return out;
}

std::string AmendmentsText(const gov::ListPlanAmendmentsResponse& response) {
  if (response.amendments().empty()) return "amendments: none\n";
  std::string out = absl::StrCat("amendments (", response.amendments_size(), "):\n");
  for (const gov::PlanAmendment& a : response.amendments()) {
    absl::StrAppend(&out, "  ", DateText(a.effective_date()), "  ", a.title(), " (revision ",
                    a.revision(), ", approved by ", ShortName(a.approving_body()));
    if (!a.meeting().empty()) absl::StrAppend(&out, " at ", ShortName(a.meeting()));
    out += ")\n";
    for (const gov::ProjectChange& change : a.project_changes()) {
      absl::StrAppend(&out, "    ", change.project().id(), ": ",
                      EnumWord(gov::PlanProject::Status_descriptor(), change.previous_status()),
                      " -> ",
                      EnumWord(gov::PlanProject::Status_descriptor(), change.project().status()));
      if (!change.note().empty()) absl::StrAppend(&out, " (", OneLine(change.note()), ")");
      out += "\n";
    }
    if (!a.content_mask().paths().empty()) {
      absl::StrAppend(&out, "    changed: ", absl::StrJoin(a.content_mask().paths(), ", "), "\n");
    }
  }
  return out;
}

std::string SponsorshipsText(const gov::ListSponsorshipsResponse& response) {
  if (response.sponsorships().empty()) return "no sponsorships\n";
  Table table(
      {{"SPONSORSHIP"}, {"WS", Align::kRight}, {"SPONSOR"}, {"FROM"}, {"TO"}, {"REASON ENDED"}});
  for (const gov::Sponsorship& s : response.sponsorships()) {
    const std::string sponsor =
        s.sponsor_display_name().empty() ? ShortName(s.sponsor()) : s.sponsor_display_name();
    table.AddRow({s.name(), absl::StrCat(s.workstream_number()), sponsor, DateText(s.start_date()),
                  DateText(s.end_date()), s.end_reason()});
  }
  return table.Render();
}

std::string BudgetLinesText(const gov::ListBudgetLinesResponse& response) {
  if (response.budget_lines().empty()) return "no budget lines\n";
  Table table({{"LINE"},
               {"YEAR"},
               {"WS", Align::kRight},
               {"PROJECT"},
               {"TITLE"},
               {"ALLOCATED", Align::kRight},
               {"SPENT", Align::kRight},
               {"AVAILABLE", Align::kRight}});
  Sum allocated, spent, available;
  for (const gov::BudgetLine& l : response.budget_lines()) {
    std::vector<std::string> row = {
        ShortName(l.name()), l.financial_year(), absl::StrCat(l.workstream_number()),
        l.project_id().empty() ? "-" : l.project_id(), Truncate(l.title(), kTitleWidth)};
    for (std::string& cell :
         AmountCells(l.allocated_pence(), l.spent_pence(), l.available_pence())) {
      row.push_back(std::move(cell));
    }
    table.AddRow(std::move(row));
    allocated.Add(l.allocated_pence());
    spent.Add(l.spent_pence());
    available.Add(l.available_pence());
  }
  table.AddRule();
  table.AddRow({"Total", "", "", "", "", allocated.Text(), spent.Text(), available.Text()});
  return table.Render();
}

std::string BudgetLineText(const gov::BudgetLine& l) {
  return FieldsText({{"name", l.name()},
                     {"financial year", l.financial_year()},
                     {"workstream", absl::StrCat(l.workstream_number())},
                     {"project", l.project_id()},
                     {"title", l.title()},
                     {"allocated", PoundsText(l.allocated_pence())},
                     {"spent", PoundsText(l.spent_pence())},
                     {"available", PoundsText(l.available_pence())},
                     {"updated", TimeText(l.update_time())},
                     {"etag", l.etag()}});
}

std::string BudgetSummaryText(const gov::BudgetSummary& s) {
  const std::string heading = absl::StrCat(
      "Budget of ", ShortName(s.plan()),
      s.financial_year().empty() ? "" : absl::StrCat(", financial year ", s.financial_year()));
  if (s.workstreams().empty()) return heading + ": no budget lines\n";
  Table table({{"YEAR"},
               {"WS", Align::kRight},
               {"TITLE"},
               {"LINES", Align::kRight},
               {"ALLOCATED", Align::kRight},
               {"SPENT", Align::kRight},
               {"AVAILABLE", Align::kRight}});
  for (const gov::WorkstreamBudget& w : s.workstreams()) {
    std::vector<std::string> row = {w.financial_year(), absl::StrCat(w.workstream_number()),
                                    Truncate(w.workstream_title(), kTitleWidth),
                                    absl::StrCat(w.line_count())};
    const gov::BudgetAmounts& a = w.amounts();
    for (std::string& cell :
         AmountCells(a.allocated_pence(), a.spent_pence(), a.available_pence())) {
      row.push_back(std::move(cell));
    }
    table.AddRow(std::move(row));
  }
  table.AddRule();
  // A subtotal per year only helps when there is more than one year.
  if (s.years_size() > 1) {
    for (const gov::YearBudget& y : s.years()) {
      std::vector<std::string> row = {y.financial_year(), "", "Year total", ""};
      const gov::BudgetAmounts& a = y.amounts();
      for (std::string& cell :
           AmountCells(a.allocated_pence(), a.spent_pence(), a.available_pence())) {
        row.push_back(std::move(cell));
      }
      table.AddRow(std::move(row));
    }
  }
  std::vector<std::string> total = {"", "", "Total", ""};
  for (std::string& cell : AmountCells(s.total().allocated_pence(), s.total().spent_pence(),
                                       s.total().available_pence())) {
    total.push_back(std::move(cell));
  }
  table.AddRow(std::move(total));
  return absl::StrCat(heading, " (computed ", TimeText(s.computed_at()), ")\n\n", table.Render());
}

std::string ReallocationText(const gov::ReallocateBudgetResponse& response) {
  const gov::Reallocation& r = response.reallocation();
  // A retry of a recorded request moved nothing now: say what it finds.
  std::string out = response.replayed()
                        ? absl::StrCat("already recorded as ", r.name(), " at ",
                                       absl::FormatTime("%Y-%m-%d %H:%M:%S UTC",
                                                        absl::FromUnixSeconds(r.create_time().seconds()),
                                                        absl::UTCTimeZone()),
                                       ": nothing moved now\n")
                        : std::string();
  absl::StrAppend(&out, response.replayed() ? "it moved " : "moved ", PoundsText(r.amount_pence()), " from ",
                  ShortName(r.from_line()), " to ", ShortName(r.to_line()), " (", r.name(), ", approved by ",
                  ShortName(r.approving_body()), ")\n");
  Table table({{"LINE"},
               {"ALLOCATED", Align::kRight},
               {"SPENT", Align::kRight},
               {"AVAILABLE", Align::kRight}});
  for (const gov::BudgetLine* l : {&response.from_line(), &response.to_line()}) {
    std::vector<std::string> row = {ShortName(l->name())};
    for (std::string& cell :
         AmountCells(l->allocated_pence(), l->spent_pence(), l->available_pence())) {
      row.push_back(std::move(cell));
    }
    table.AddRow(std::move(row));
  }
  return out + table.Render();
}

}  // namespace wp::wpctl
