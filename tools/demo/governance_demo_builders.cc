#include "tools/demo/governance_demo_builders.h"

#include <cctype>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "libs/calendar/dates.h"
#include "tools/demo/demo_data.h"

namespace wp::demo::gov_demo {

using common::v1::Date;
using gv1::Decision;
using gv1::Plan;
using gv1::PlanProject;

Date Day(int year, int month, int day) { return calendar::FromCivilDay(absl::CivilDay(year, month, day)); }

Date DayOf(absl::CivilDay day) { return calendar::FromCivilDay(day); }

std::string DayText(const Date& d) { return calendar::ToIsoText(d); }

// "Jane O'Neil" -> "jane-o-neil": the person ids the demo uses.
std::string PersonId(absl::string_view display_name) {
  std::string id;
  for (char c : display_name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  return id;
}

std::string Person(absl::string_view display_name) {
  return absl::StrCat("people/", PersonId(display_name));
}

gv1::AgendaItem Item(int number, const char* title, std::string presenter, bool decision,
                     const char* plan, std::vector<const char*> refs,
                     const char* paper) {
  gv1::AgendaItem item;
  item.set_number(number);
  item.set_title(title);
  item.set_presenter(std::move(presenter));
  item.set_decision_required(decision);
  item.set_plan(plan);
  for (const char* ref : refs) item.add_plan_item_refs(ref);
  item.set_paper(paper);
  return item;
}

GovMeeting MakeMeeting(std::string key, const char* body, const Date& date, std::string title,
                       const char* location, std::vector<gv1::AgendaItem> agenda) {
  GovMeeting m;
  m.request.set_parent(body);
  m.request.set_request_id(absl::StrCat("demo-gov-meeting-", key));
  m.key = std::move(key);
  gv1::Meeting* meeting = m.request.mutable_meeting();
  meeting->set_title(std::move(title));
  *meeting->mutable_meeting_date() = date;
  meeting->set_location(location);
  for (gv1::AgendaItem& item : agenda) *meeting->add_agenda_items() = std::move(item);
  return m;
}

// Marks `m` held with these members present (display names) and apologies.
void Held(GovMeeting& m, const std::vector<std::string>& present,
          const std::vector<std::string>& apologies, const std::vector<std::string>& others) {
  m.held = true;
  for (const std::string& name : present) m.attendance.add_present(Person(name));
  for (const std::string& name : apologies) m.attendance.add_apologies(Person(name));
  for (const std::string& other : others) m.attendance.add_others_present(other);
}

// Records a decision at `m`; its key is "<meeting key>/<suffix>".
std::string Decide(GovMeeting& m, const char* suffix, int agenda_item, const char* text,
                   Decision::Outcome outcome, const char* plan,
                   std::vector<const char*> refs) {
  GovDecision d;
  d.key = absl::StrCat(m.key, "/", suffix);
  d.request.set_request_id(absl::StrCat("demo-gov-decision-", d.key));
  Decision* decision = d.request.mutable_decision();
  decision->set_agenda_item(agenda_item);
  decision->set_text(text);
  decision->set_outcome(outcome);
  decision->set_plan(plan);
  for (const char* ref : refs) decision->add_plan_item_refs(ref);
  m.decisions.push_back(std::move(d));
  return m.decisions.back().key;
}

GovPlanStep Step(const char* plan, Plan::State to, std::string meeting_key,
                 std::string decision_key) {
  GovPlanStep step;
  step.plan = plan;
  step.to_state = to;
  step.at = {std::move(meeting_key), std::move(decision_key)};
  step.request_id =
      absl::StrCat("demo-gov-step-", absl::StripPrefix(plan, "plans/"), "-", Plan::State_Name(to));
  return step;
}

GovAction MakeAction(const char* key, const char* body, GovAt at, const char* description,
                     const char* owner, std::optional<Date> due, gv1::Action::State state,
                     const char* notes, std::optional<Date> completed) {
  GovAction a;
  a.at = std::move(at);
  a.request.set_parent(body);
  a.request.set_request_id(absl::StrCat("demo-gov-action-", key));
  gv1::Action* action = a.request.mutable_action();
  action->set_description(description);
  action->set_owner(Person(owner));
  if (due.has_value()) *action->mutable_due_date() = *due;
  action->set_state(state);
  action->set_notes(notes);
  if (completed.has_value()) *action->mutable_completed_date() = *completed;
  return a;
}

std::string MonthTitle(const char* body_title, absl::CivilDay day) {
  return absl::StrCat(
      body_title, ", ",
      absl::FormatTime("%B %Y", absl::FromCivil(day, absl::UTCTimeZone()), absl::UTCTimeZone()));
}

gv1::CreatePlanRequest MakePlan(const char* span, const char* title, const char* theme,
                                const char* vision, std::vector<const char*> priorities) {
  gv1::CreatePlanRequest request;
  request.set_plan_id(span);
  request.set_request_id(absl::StrCat("demo-gov-plan-", span));
  Plan* plan = request.mutable_plan();
  plan->set_title(title);
  plan->set_session_span(span);
  plan->set_theme(theme);
  plan->set_vision(vision);
  for (const char* p : priorities) plan->add_priorities(p);
  return request;
}

void AddWorkstream(Plan* plan, int number, const std::string& title) {
  gv1::PlanWorkstream* ws = plan->add_workstreams();
  ws->set_number(number);
  ws->set_title(title);
}

void AddProject(Plan* plan, int workstream, const char* id, const char* title,
                const char* description) {
  PlanProject* p = plan->add_projects();
  p->set_id(id);
  p->set_title(title);
  p->set_workstream_number(workstream);
  p->set_description(description);
  p->set_status(PlanProject::ACTIVE);
}

// The workstreams demo_data.h loads into the workstreams service.
void AddDemoWorkstreams(Plan* plan, const std::string& period) {
  for (const workstreams::v1::Workstream& ws : DemoWorkstreams()) {
    if (ws.plan_period() == period) AddWorkstream(plan, ws.number(), ws.title());
  }
}

// A line of `plan` for `financial_year`.
gv1::CreateBudgetLineRequest LineOf(const std::string& plan, const std::string& financial_year,
                                    const std::string& id, int workstream, const char* project,
                                    const char* title, int64_t pounds) {
  gv1::CreateBudgetLineRequest request;
  request.set_parent(plan);
  request.set_budget_line_id(id);
  request.set_approving_body(kFinance);
  request.set_request_id(absl::StrCat("demo-gov-line-", id));
  gv1::BudgetLine* line = request.mutable_budget_line();
  line->set_financial_year(financial_year);
  line->set_workstream_number(workstream);
  line->set_project_id(project);
  line->set_title(title);
  line->set_allocated_pence(pounds * 100);
  return request;
}

gv1::RecordSpendRequest SpendOn(const std::string& plan, const std::string& line, int64_t pence,
                                const char* description, const Date& day, const std::string& reference) {
  gv1::RecordSpendRequest request;
  request.set_name(absl::StrCat(plan, "/budgetLines/", line));
  request.set_amount_pence(pence);
  request.set_description(description);
  *request.mutable_spent_on() = day;
  request.set_reference(reference);
  request.set_request_id(absl::StrCat("demo-gov-spend-", reference));
  return request;
}

}  // namespace wp::demo::gov_demo
