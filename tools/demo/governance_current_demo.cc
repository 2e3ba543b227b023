#include "tools/demo/governance_current_demo.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/demo_data.h"
#include "tools/demo/governance_demo_builders.h"
#include "tools/demo/governance_demo_people.h"

namespace wp::demo::gov_demo {

using gv1::Decision;
using gv1::Plan;

gv1::CreatePlanRequest CurrentPlan(const std::string& session) {
  const std::string title = absl::StrCat("Regional Improvement Plan ", session);
  gv1::CreatePlanRequest request = MakePlan(
      session.c_str(), title.c_str(), "attendance, leadership and numeracy",
      "Every learner in the region is in class, taught by teachers and led by leaders who keep "
      "learning together across the eight authorities.",
      {"Bring persistently absent learners back to class", "Support headteachers in their first years",
       "Raise attainment in numeracy in the broad general education",
       "Show what reaches classrooms, authority by authority"});
  Plan* plan = request.mutable_plan();
  AddDemoWorkstreams(plan, "2022-23");
  AddProject(plan, 1, "attendance-and-engagement", "Attendance and engagement",
             "Schools share what brings persistently absent learners back to class.");
  AddProject(plan, 1, "wellbeing-leads", "Wellbeing leads in secondary schools",
             "A trained wellbeing lead in every secondary school.");
  AddProject(plan, 2, "headteacher-induction", "Induction for new headteachers",
             "An induction programme and a mentor from another authority for every new headteacher.");
  AddProject(plan, 2, "executive-coaching", "Executive Coaching",
             "Coaching for senior leaders from trained coaches in other authorities.");
  AddProject(plan, 3, "numeracy-in-the-bge", "Numeracy in the broad general education",
             "Shared numeracy assessment and moderation from P4 to S3.");
  return request;
}

void AddCurrentPlanTimeline(GovernanceDemo& demo, absl::CivilDay today) {
  auto& t = demo.timeline;
  const std::string sponsor_ws2 = DirectorNamed("Director, East Renfrewshire");

  // Approved by the Board and endorsed by the Committee in the June before
  // the session, in force from its start.
  const std::string session = CurrentSession(today);
  const std::string plan_now = absl::StrCat("plans/", session);
  const absl::CivilDay session_start = SessionStart(session);
  const absl::CivilDay approved_on =
      absl::PrevWeekday(absl::CivilDay(session_start.year(), 6, 15), absl::Weekday::thursday);
  const absl::CivilDay endorsed_on = approved_on + 14;
  const std::string approve_key = absl::StrCat("board-", session, "-approve");
  GovMeeting board_approve = MakeMeeting(
      approve_key, kBoard, DayOf(approved_on), MonthTitle("Board", approved_on), "Glasgow",
      {Item(1, absl::StrCat("Regional Improvement Plan ", session, " for approval").c_str(),
            "Senior Partnership Officer", true, plan_now.c_str(), {},
            absl::StrCat("Draft Regional Improvement Plan ", session).c_str()),
       Item(2, "Board sponsors of the workstreams", "Senior Partnership Officer", true,
            plan_now.c_str())});
  Held(board_approve, WithAdvisers(Directors({"Pauline Mathieson"})), {"Pauline Mathieson"},
       {"RIC Lead"});
  const std::string approve_now = Decide(
      board_approve, "approve", 1,
      "Approved the plan for the coming session: attendance, the first years of headship and "
      "numeracy in the broad general education, under the same three workstreams.",
      Decision::AGREED, plan_now.c_str());
  const std::string sponsors_now = Decide(
      board_approve, "sponsors", 2,
      "Agreed that the Board sponsors of the three workstreams continue into the new plan.",
      Decision::AGREED, plan_now.c_str());
  t.push_back(board_approve);
  t.push_back(Step(plan_now.c_str(), Plan::BOARD_APPROVED, approve_key, approve_now));
  for (const workstreams::v1::Workstream& ws : DemoWorkstreams()) {
    if (ws.plan_period() != "2022-23") continue;
    for (const std::string& label : ws.board_sponsors()) {
      const std::string director = DirectorNamed(label);
      if (director.empty()) continue;
      GovSponsorship s;
      s.at = {approve_key, sponsors_now};
      s.request.set_parent(plan_now);
      s.request.set_request_id(
          absl::StrCat("demo-gov-sponsor-", session, "-", ws.number(), "-", PersonId(director)));
      s.request.mutable_sponsorship()->set_workstream_number(ws.number());
      s.request.mutable_sponsorship()->set_sponsor(Person(director));
      *s.request.mutable_sponsorship()->mutable_start_date() = DayOf(session_start);
      t.push_back(std::move(s));
    }
  }

  const std::string endorse_key = absl::StrCat("rec-", session, "-endorse");
  GovMeeting rec_now = MakeMeeting(
      endorse_key, kCommittee, DayOf(endorsed_on), MonthTitle("Regional Education Committee", endorsed_on),
      "Glasgow",
      {Item(1, absl::StrCat("Regional Improvement Plan ", session).c_str(), "Senior Partnership Officer",
            true, plan_now.c_str())});
  Held(rec_now, Conveners(true, {"Helen Brodie"}), {"Helen Brodie"}, CommitteeOthers());
  const std::string endorse_now = Decide(
      rec_now, "endorse", 1,
      "Endorsed the plan, in force from the start of the session in August, and asked for a "
      "progress report each term.",
      Decision::AGREED, plan_now.c_str());
  t.push_back(rec_now);
  t.push_back(Step(plan_now.c_str(), Plan::COMMITTEE_ENDORSED, endorse_key, endorse_now));
  t.push_back(Step(plan_now.c_str(), Plan::ACTIVE, endorse_key, endorse_now));

  // This financial year's budget: set in March, spent since April, with a
  // reallocation agreed a week or two ago.
  const std::string year = FinancialYearOf(today);
  const absl::CivilDay year_start = FinancialYearStart(year);
  const absl::CivilDay allocated_on = absl::PrevWeekday(year_start - 14, absl::Weekday::thursday);
  const std::string allocations_key = absl::StrCat("fsg-", year, "-allocations");
  GovMeeting fsg_allocations = MakeMeeting(
      allocations_key, kFinance, DayOf(allocated_on), MonthTitle("Finance Sub-Group", allocated_on),
      "Virtual",
      {Item(1, absl::StrCat("Grant allocations for ", year).c_str(), "Senior Partnership Officer", true,
            plan_now.c_str())});
  Held(fsg_allocations, FinanceReps({"Mark Sneddon"}), {"Mark Sneddon"}, {"Senior Partnership Officer"});
  Decide(fsg_allocations, "allocations", 1,
         "Agreed the grant allocations by workstream for the financial year, with separate lines "
         "for headteacher mentoring and executive coaching.",
         Decision::AGREED, plan_now.c_str());
  t.push_back(fsg_allocations);
  auto line = [&](const char* suffix) { return absl::StrCat(year, "-", suffix); };
  t.push_back(LineOf(plan_now, year, line("wellbeing"), 1, "", "Wellbeing for Learning", 395000));
  t.push_back(LineOf(plan_now, year, line("leadership"), 2, "",
                     "Leadership, Empowerment and Improvement", 240000));
  t.push_back(LineOf(plan_now, year, line("mentoring"), 2, "headteacher-induction",
                     "Headteacher induction and mentoring", 70000));
  t.push_back(LineOf(plan_now, year, line("coaching"), 2, "executive-coaching",
                     "Executive coaching programme", 90000));
  t.push_back(LineOf(plan_now, year, line("curriculum"), 3, "",
                     "Curriculum and Learning, Teaching and Assessment", 455000));
  // Spends of the last weeks (never before the year began, never after today).
  auto spent = [&](int days_ago) { return DayOf(NotBefore(today - days_ago, year_start)); };
  auto reference = [&](int n) { return absl::StrCat("WP-", year, "-", n); };
  t.push_back(SpendOn(plan_now, line("wellbeing"), 2240000, "Counselling skills training: first cohort",
                      spent(40), reference(211)));
  t.push_back(SpendOn(plan_now, line("mentoring"), 615000, "Headteacher induction: opening day and materials",
                      spent(33), reference(219)));
  t.push_back(SpendOn(plan_now, line("curriculum"), 1870000,
                      "Numeracy moderation: supply cover for cluster days", spent(26), reference(224)));
  t.push_back(SpendOn(plan_now, line("coaching"), 3960000, "Executive coaching: this year's cohort of twelve",
                      spent(19), reference(230)));
  // The meeting is a week or more ago (in March when the year is new); the
  // move takes effect in this year.
  const absl::CivilDay met_on = absl::PrevWeekday(today - 8, absl::Weekday::thursday);
  const absl::CivilDay moved_on = NotBefore(met_on, year_start);
  const std::string fsg_recent_key = absl::StrCat("fsg-", year, "-recent");
  GovMeeting fsg_recent = MakeMeeting(
      fsg_recent_key, kFinance, DayOf(met_on), MonthTitle("Finance Sub-Group", met_on), "Virtual",
      {Item(1, "Spend to date", "Senior Partnership Officer", false, plan_now.c_str()),
       Item(2, "Unused mentoring funds", "Senior Partnership Officer", true, plan_now.c_str(), {"2.2"})});
  Held(fsg_recent, FinanceReps({"Fiona Walsh", "Laura Cassidy"}), {"Fiona Walsh", "Laura Cassidy"},
       {"Senior Partnership Officer"});
  Decide(fsg_recent, "spend", 1, "Noted spend to date against each line of this year's budget.",
         Decision::NOTED, plan_now.c_str());
  const std::string move_now = Decide(
      fsg_recent, "move", 2,
      "Agreed to move £20,000 of unused headteacher mentoring funds to executive coaching, "
      "which has a waiting list again.",
      Decision::AGREED, plan_now.c_str(), {"2.2"});
  t.push_back(fsg_recent);
  GovReallocation move_recent;
  move_recent.at = {fsg_recent_key, move_now};
  move_recent.request.set_parent(plan_now);
  move_recent.request.set_request_id(absl::StrCat("demo-gov-move-", year, "-mentoring-coaching"));
  gv1::Reallocation* moved = move_recent.request.mutable_reallocation();
  moved->set_from_line(absl::StrCat(plan_now, "/budgetLines/", line("mentoring")));
  moved->set_to_line(absl::StrCat(plan_now, "/budgetLines/", line("coaching")));
  moved->set_amount_pence(2000000);
  moved->set_reason("Fewer headteachers were appointed this year than budgeted for; coaching has a waiting list.");
  moved->set_approving_body(kFinance);
  *moved->mutable_effective_date() = DayOf(moved_on);
  t.push_back(std::move(move_recent));
  t.push_back(SpendOn(plan_now, line("coaching"), 1150000, "Executive coaching: places from the waiting list",
                      DayOf(std::min(moved_on + 1, today)),
                      reference(236)));

  // The recent Board meeting and the next one, placed around `today`, so the
  // next meeting's pack has matters arising and open actions, one overdue.
  const absl::CivilDay recent = absl::PrevWeekday(today - 35, absl::Weekday::thursday);
  const absl::CivilDay next = absl::NextWeekday(today + 13, absl::Weekday::thursday);
  GovMeeting board_recent = MakeMeeting(
      "board-recent", kBoard, DayOf(recent), MonthTitle("Board", recent), "Glasgow",
      {Item(1, absl::StrCat("Tracker summary ", session).c_str(), "RIC Lead", false, plan_now.c_str(), {},
            "Tracker summary"),
       Item(2, "Continuity of seconded lead officers", "RIC Lead", true),
       Item(3, "Executive coaching: results of this year's cohort",
            absl::StrCat(sponsor_ws2, ", workstream sponsor"), true, plan_now.c_str(), {"2.3"})});
  Held(board_recent, WithAdvisers(Directors({"Alison Strachan", "Gordon Rennie"})),
       {"Alison Strachan", "Gordon Rennie"}, {"RIC Lead"});
  const std::string tracker = Decide(
      board_recent, "tracker", 1,
      "Noted the tracker summary for this session's plan, and asked lead officers to give new "
      "dates for the tasks that have fallen behind.",
      Decision::NOTED, plan_now.c_str(), {"1.3"});
  const std::string continuity = Decide(board_recent, "continuity", 2,
                                        "Asked the RIC Lead to propose how the knowledge of "
                                        "seconded lead officers is kept when their "
                                        "secondments end.",
                                        Decision::AGREED);
  const std::string coaching = Decide(
      board_recent, "coaching", 3,
      "Agreed to consider a second cohort of executive coaching at the next meeting, once the "
      "evaluation of this year's has been circulated.",
      Decision::AGREED, plan_now.c_str(), {"2.3"});
  t.push_back(board_recent);
  t.push_back(
      MakeAction("board-recent-evaluation", kBoard, {"board-recent", coaching},
                 "Circulate the evaluation of this year's executive coaching cohort to Board members",
                 kSeniorPartnershipOfficer, DayOf(recent + 14), gv1::Action::OPEN));
  t.push_back(MakeAction("board-recent-finance", kBoard, {"board-recent", ""},
                         "Confirm each authority's representative on the Finance Sub-Group",
                         kSeniorPartnershipOfficer, DayOf(recent + 7), gv1::Action::DONE,
                         "All eight confirmed", DayOf(recent + 6)));
  t.push_back(MakeAction("board-recent-continuity", kBoard, {"board-recent", continuity},
                         "Propose continuity arrangements for seconded lead officers", kRicLead,
                         DayOf(next + 28), gv1::Action::IN_PROGRESS,
                         "Draft discussed with the lead officers; paper for the next meeting"));
  t.push_back(
      MakeAction("board-recent-networks", kBoard, {"board-recent", tracker},
                 "Report how many coordinators and facilitators each specialist network has",
                 "Niamh Docherty", DayOf(next + 56), gv1::Action::OPEN));

  GovMeeting board_next = MakeMeeting(
      "board-next", kBoard, DayOf(next), MonthTitle("Board", next), "Glasgow",
      {Item(1, "Minutes of the previous meeting and matters arising", "Senior Partnership Officer"),
       Item(2, absl::StrCat("Tracker summary ", session).c_str(), "RIC Lead", false, plan_now.c_str(),
            {"1.3", "2.3"}, "Tracker summary and exceptions: the overdue tasks"),
       Item(3, "Executive coaching: a second cohort",
            absl::StrCat(sponsor_ws2, ", workstream sponsor"), true, plan_now.c_str(), {"2.3"},
            "Evaluation of this year's cohort and costed proposal"),
       Item(4, "Continuity arrangements for seconded lead officers", "RIC Lead", true, "", {},
            "Draft continuity arrangements"),
       Item(5, "Finance Sub-Group report: spend to date and the move to coaching",
            "Senior Partnership Officer", false, plan_now.c_str()),
       Item(6, "Any other business", "")});
  t.push_back(board_next);
}

}  // namespace wp::demo::gov_demo
