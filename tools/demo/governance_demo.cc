#include "tools/demo/governance_demo.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/demo_data.h"
#include "tools/demo/governance_current_demo.h"
#include "tools/demo/governance_demo_builders.h"
#include "tools/demo/governance_demo_people.h"

namespace wp::demo {
namespace {

using namespace gov_demo;  // NOLINT: the demo's own builders, read as a story
using common::v1::Date;
using gv1::Decision;
using gv1::Plan;
using gv1::PlanProject;

// ---- The region's plans ----

gv1::CreatePlanRequest Plan2018() {
  gv1::CreatePlanRequest request = MakePlan(
      "2018-21", "Regional Improvement Plan 2018-21", "collaboration for excellence and equity",
      "Every learner in the region gains from teachers and leaders who learn with and from each "
      "other across the eight authorities.",
      {"Raise attainment in literacy and numeracy, above all for learners from the most deprived "
       "areas",
       "Build collaborative networks that reach every school and early learning centre",
       "Develop leadership at every level", "Use data and evidence to plan and check improvement"});
  AddDemoWorkstreams(request.mutable_plan(), "2018-21");
  return request;
}

// The 2020-23 projects and what the January 2021 Interim Action Plan did
// with each: seven prioritised, four paused.
struct InterimProject {
  int workstream;
  const char* id;
  const char* title;
  const char* description;
  PlanProject::Status interim;
  const char* note;
};
constexpr InterimProject kInterimProjects[] = {
    {1, "wellbeing-resource-bank", "Wellbeing resource bank",
     "Resources for staff to support learners' and families' wellbeing at home and in school.",
     PlanProject::PRIORITISED, "Needed now that learners are at home"},
    {1, "nurture-network", "Regional nurture network",
     "A network of nurture leads sharing practice between establishments.", PlanProject::PAUSED,
     "Paused while schools are closed to most learners"},
    {2, "virtual-leadership-networks", "Virtual Leadership Networks",
     "Online networks where headteachers and deputes meet to solve problems together.",
     PlanProject::PRIORITISED, "Leaders need peer support during remote learning"},
    {2, "executive-coaching", "Executive Coaching",
     "One-to-one coaching for senior leaders from trained coaches in other authorities.",
     PlanProject::PRIORITISED, "Continues online"},
    {2, "thinking-about-headship", "Thinking About Headship",
     "A programme for depute headteachers considering headship.", PlanProject::PAUSED,
     "Resumes when face-to-face sessions are possible"},
    {3, "west-online-school", "West Online School",
     "Recorded lessons for learners and teachers, starting with the top ten senior phase subjects.",
     PlanProject::PRIORITISED, "The region's main offer during remote learning"},
    {3, "remote-learning-clpl", "Professional learning for remote teaching",
     "Webinars and guides on teaching well online.", PlanProject::PRIORITISED,
     "Every teacher is now teaching online"},
    {3, "improving-our-classrooms", "Improving Our Classrooms",
     "A programme of classroom enquiry for teachers, delivered in cohorts.",
     PlanProject::PRIORITISED, "Moves online with smaller cohorts"},
    {3, "bge-moderation", "Moderation in the broad general education",
     "Cross-authority moderation of teacher judgements in literacy and numeracy.",
     PlanProject::PAUSED, "Paused until learners are back in class"},
    {4, "digital-access-families", "Digital access for families",
     "Devices, connections and guidance for families without them.", PlanProject::PRIORITISED,
     "The IT divide keeps some learners from learning at home"},
    {4, "family-learning-events", "Family learning events",
     "Events in schools where families learn alongside their children.", PlanProject::PAUSED,
     "Cannot run while buildings are closed"},
};

gv1::CreatePlanRequest Plan2020() {
  gv1::CreatePlanRequest request = MakePlan(
      "2020-23", "Regional Improvement Plan 2020-23", "recovery and renewal",
      "Schools and early learning centres recover from the disruption of the pandemic and come "
      "back stronger, with the wellbeing of learners first.",
      {"Support the wellbeing of learners, families and staff",
       "Keep learning going at home and in school",
       "Close the digital divide for families without devices or connections",
       "Support leaders through recovery"});
  Plan* plan = request.mutable_plan();
  AddWorkstream(plan, 1, "Wellbeing and recovery");
  AddWorkstream(plan, 2, "Leadership and empowerment");
  AddWorkstream(plan, 3, "Learning, teaching and assessment");
  AddWorkstream(plan, 4, "Families, communities and digital access");
  for (const InterimProject& p : kInterimProjects) {
    AddProject(plan, p.workstream, p.id, p.title, p.description);
  }
  return request;
}

gv1::CreatePlanRequest Plan2022() {
  gv1::CreatePlanRequest request = MakePlan(
      "2022-23", "Regional Improvement Plan 2022-23", "wellbeing, leadership and learning",
      "Every practitioner in the region can find and use the professional learning, networks and "
      "support that help their learners thrive.",
      {"Put wellbeing at the centre of learning", "Grow empowered leaders at every level",
       "Strengthen curriculum, learning, teaching and assessment",
       "Reach more classrooms and show the difference the work makes"});
  Plan* plan = request.mutable_plan();
  AddDemoWorkstreams(plan, "2022-23");
  AddProject(plan, 1, "trauma-informed-practice", "Trauma-informed practice programme",
             "Two cohorts of school staff trained in trauma-informed practice.");
  AddProject(plan, 1, "learner-wellbeing-survey", "Regional learner wellbeing survey",
             "A survey of P6 and S2 learners, with results for each authority.");
  AddProject(plan, 2, "leadership-learning-sets", "Leadership Learning Sets",
             "Learning sets for newly appointed depute headteachers.");
  AddProject(plan, 2, "headteacher-mentoring", "Mentoring for new headteachers",
             "New headteachers matched with an experienced mentor from another authority.");
  AddProject(plan, 2, "executive-coaching", "Executive Coaching",
             "Coaching for senior leaders from trained coaches in other authorities.");
  AddProject(plan, 3, "literacy-numeracy-moderation", "Moderation in literacy and numeracy",
             "Moderation events for P1, P4 and P7 teachers.");
  AddProject(plan, 3, "senior-phase-lessons", "Recorded senior phase lessons",
             "Lessons for the top ten senior phase subjects, recorded and shared.");
  AddProject(plan, 3, "maths-leads-network", "Maths and numeracy leads network",
             "A network of maths and numeracy leads across the eight authorities.");
  return request;
}

GovAmendment InterimActionPlan(std::string meeting_key, std::string decision_key) {
  GovAmendment a;
  a.at = {std::move(meeting_key), std::move(decision_key)};
  a.request.set_parent(kPlan2020);
  a.request.set_request_id("demo-gov-amend-2020-23-interim");
  gv1::PlanAmendment* amendment = a.request.mutable_amendment();
  amendment->set_title("Interim Action Plan, January 2021");
  amendment->set_rationale(
      "Schools closed to most learners in January 2021. The Board put its effort into seven "
      "projects that help learning at home and wellbeing, paused the projects that need learners "
      "and staff in buildings, and kept room to add projects as needs emerge.");
  *amendment->mutable_effective_date() = Day(2021, 1, 18);
  amendment->set_approving_body(kBoard);
  for (const InterimProject& p : kInterimProjects) {
    gv1::ProjectChange* change = amendment->add_project_changes();
    change->mutable_project()->set_id(p.id);
    change->mutable_project()->set_status(p.interim);
    change->set_note(p.note);
  }
  Plan* content = amendment->mutable_content();
  for (const char* priority :
       {"Keep learning going at home, with the West Online School at its heart",
        "Support the wellbeing of learners, families and staff while schools are closed",
        "Get devices and connections to the families who lack them",
        "Help leaders and teachers to teach well online"}) {
    content->add_priorities(priority);
  }
  amendment->mutable_content_mask()->add_paths("priorities");
  return a;
}

// ---- Budget ----

gv1::CreateBudgetLineRequest Line(const char* id, int workstream, const char* project,
                                  const char* title, int64_t pounds) {
  return LineOf(kPlan2022, "2022-23", id, workstream, project, title, pounds);
}

gv1::RecordSpendRequest Spend(const char* line, int64_t pence, const char* description,
                              const Date& day, const char* reference) {
  return SpendOn(kPlan2022, line, pence, description, day, reference);
}

// ---- The history: 2018 to the close of the 2022-23 plan ----

void AddHistory(GovernanceDemo& demo) {
  auto& t = demo.timeline;

  // 2018: the first plan is approved, endorsed and starts.
  GovMeeting board_2018 = MakeMeeting(
      "board-2018-09", kBoard, Day(2018, 9, 13), "Board, September 2018", "Glasgow",
      {Item(1, "Regional Improvement Plan 2018-21 for approval", "Senior Partnership Officer", true,
            kPlan2018, {}, "Draft Regional Improvement Plan 2018-21"),
       Item(2, "Secondment of workstream lead officers", "RIC Lead")});
  Held(board_2018, WithAdvisers(Directors(), /*professor=*/true), {}, {"RIC Lead"});
  const std::string approve_2018 = Decide(
      board_2018, "approve", 1,
      "Approved the Regional Improvement Plan 2018-21 and its nine workstreams, for endorsement by "
      "the Regional Education Committee.",
      Decision::AGREED, kPlan2018);
  Decide(board_2018, "secondments", 2,
         "Agreed that the authorities second workstream lead officers for the life of the plan, "
         "and that a Board member sponsors each workstream.",
         Decision::AGREED);
  t.push_back(board_2018);
  t.push_back(Step(kPlan2018, Plan::BOARD_APPROVED, "board-2018-09", approve_2018));

  GovMeeting rec_2018 = MakeMeeting("rec-2018-10", kCommittee, Day(2018, 10, 4),
                                    "Regional Education Committee, October 2018", "Glasgow",
                                    {Item(1, "Regional Improvement Plan 2018-21",
                                          "Senior Partnership Officer", true, kPlan2018)});
  Held(rec_2018, Conveners(false, {"Karen Meikle"}), {"Karen Meikle"}, CommitteeOthers());
  const std::string endorse_2018 = Decide(
      rec_2018, "endorse", 1,
      "Endorsed the Regional Improvement Plan 2018-21, to take effect from November 2018, and "
      "asked for a progress report each term.",
      Decision::AGREED, kPlan2018);
  t.push_back(rec_2018);
  t.push_back(Step(kPlan2018, Plan::COMMITTEE_ENDORSED, "rec-2018-10", endorse_2018));
  t.push_back(Step(kPlan2018, Plan::ACTIVE, "rec-2018-10", endorse_2018));

  // 2019: the Committee follows progress.
  GovMeeting rec_2019 =
      MakeMeeting("rec-2019-06", kCommittee, Day(2019, 6, 13),
                  "Regional Education Committee, June 2019", "Paisley",
                  {Item(1, "Progress report on the 2018-21 plan", "Senior Partnership Officer",
                        false, kPlan2018, {"1.1", "3.5", "7.1"}, "Termly progress report")});
  Held(rec_2019, Conveners(false, {"Brian Gillespie", "James Cowan"}),
       {"Brian Gillespie", "James Cowan"}, CommitteeOthers());
  Decide(rec_2019, "progress", 1,
         "Noted the progress report, in particular the coordinators recruited in every authority, "
         "the facilitators trained and the first leadership programme completed.",
         Decision::NOTED, kPlan2018, {"1.1", "3.5", "7.1"});
  t.push_back(rec_2019);

  // 2020: the recovery and renewal plan.
  GovMeeting board_2020 =
      MakeMeeting("board-2020-09", kBoard, Day(2020, 9, 10), "Board, September 2020", "Virtual",
                  {Item(1, "Regional Improvement Plan 2020-23: recovery and renewal",
                        "Senior Partnership Officer", true, kPlan2020, {},
                        "Draft Regional Improvement Plan 2020-23")});
  Held(board_2020, WithAdvisers(Directors({"Robert Lyall"})), {"Robert Lyall"}, {"RIC Lead"});
  const std::string approve_2020 = Decide(
      board_2020, "approve", 1,
      "Approved the 2020-23 plan for recovery and renewal, with wellbeing and learning at home "
      "as its first priorities.",
      Decision::AGREED, kPlan2020);
  t.push_back(board_2020);
  t.push_back(Step(kPlan2020, Plan::BOARD_APPROVED, "board-2020-09", approve_2020));

  GovMeeting rec_2020 = MakeMeeting("rec-2020-10", kCommittee, Day(2020, 10, 1),
                                    "Regional Education Committee, October 2020", "Virtual",
                                    {Item(1, "Regional Improvement Plan 2020-23",
                                          "Senior Partnership Officer", true, kPlan2020)});
  Held(rec_2020, Conveners(false), {}, CommitteeOthers());
  const std::string endorse_2020 =
      Decide(rec_2020, "endorse", 1,
             "Endorsed the 2020-23 plan for recovery and renewal, to start at once.",
             Decision::AGREED, kPlan2020);
  t.push_back(rec_2020);
  t.push_back(Step(kPlan2020, Plan::COMMITTEE_ENDORSED, "rec-2020-10", endorse_2020));
  t.push_back(Step(kPlan2020, Plan::ACTIVE, "rec-2020-10", endorse_2020));

  // January 2021: schools close again; the Interim Action Plan.
  GovMeeting board_2021 =
      MakeMeeting("board-2021-01", kBoard, Day(2021, 1, 14), "Board, January 2021", "Virtual",
                  {Item(1, "Interim Action Plan", "RIC Lead", true, kPlan2020, {},
                        "Interim Action Plan, January 2021"),
                   Item(2, "West Online School targets", "RIC Lead", false, kPlan2020)});
  Held(board_2021, WithAdvisers(Directors()), {}, {"RIC Lead"});
  const std::string interim = Decide(
      board_2021, "interim", 1,
      "Agreed the Interim Action Plan: seven projects prioritised, four paused, and the Board may "
      "add projects as needs emerge.",
      Decision::AGREED, kPlan2020);
  Decide(board_2021, "west-os", 2,
         "Agreed the West Online School targets: every top-ten senior phase subject covered, users "
         "up 200% on the mid-January baseline, and progress tracked every fortnight.",
         Decision::AGREED, kPlan2020);
  t.push_back(board_2021);
  t.push_back(InterimActionPlan("board-2021-01", interim));

  GovMeeting rec_2021 = MakeMeeting(
      "rec-2021-02", kCommittee, Day(2021, 2, 4), "Regional Education Committee, February 2021",
      "Virtual", {Item(1, "Interim Action Plan", "Senior Partnership Officer", false, kPlan2020)});
  Held(rec_2021, Conveners(false, {"Andrew Whyte"}), {"Andrew Whyte"}, CommitteeOthers());
  Decide(rec_2021, "interim", 1, "Noted the Interim Action Plan and the projects paused under it.",
         Decision::NOTED, kPlan2020);
  t.push_back(rec_2021);

  GovMeeting board_2021_06 =
      MakeMeeting("board-2021-06", kBoard, Day(2021, 6, 17), "Board, June 2021", "Virtual",
                  {Item(1, "Closing the 2018-21 plan", "Senior Partnership Officer", true,
                        kPlan2018, {}, "Final tracker report 2018-21")});
  Held(board_2021_06, WithAdvisers(Directors({"Catriona Bell"})), {"Catriona Bell"}, {"RIC Lead"});
  const std::string close_2018 =
      Decide(board_2021_06, "close", 1,
             "Closed the 2018-21 plan; unfinished tasks carry into the 2020-23 plan and the final "
             "evaluation goes to the Committee.",
             Decision::AGREED, kPlan2018);
  t.push_back(board_2021_06);
  t.push_back(Step(kPlan2018, Plan::CLOSED, "board-2021-06", close_2018));

  // 2022: the 2022-23 plan and its budget.
  GovMeeting fsg_2022_05 = MakeMeeting(
      "fsg-2022-05", kFinance, Day(2022, 5, 19), "Finance Sub-Group, May 2022", "Virtual",
      {Item(1, "Grant allocations for 2022-23", "Senior Partnership Officer", true, kPlan2022)});
  Held(fsg_2022_05, FinanceReps({"Claire Dunlop", "Laura Cassidy"}),
       {"Claire Dunlop", "Laura Cassidy"}, {"Senior Partnership Officer"});
  Decide(fsg_2022_05, "allocations", 1,
         "Agreed the 2022-23 grant allocations by workstream, with separate lines for headteacher "
         "mentoring and executive coaching.",
         Decision::AGREED, kPlan2022);
  t.push_back(fsg_2022_05);
  t.push_back(Line("2022-23-wellbeing", 1, "", "Wellbeing for Learning", 410000));
  t.push_back(Line("2022-23-leadership", 2, "", "Leadership, Empowerment and Improvement", 265000));
  t.push_back(
      Line("2022-23-mentoring", 2, "headteacher-mentoring", "Headteacher mentoring", 60000));
  t.push_back(
      Line("2022-23-coaching", 2, "executive-coaching", "Executive coaching programme", 95000));
  t.push_back(Line("2022-23-curriculum", 3, "", "Curriculum and Learning, Teaching and Assessment",
                   480000));

  GovMeeting board_2022_06 = MakeMeeting(
      "board-2022-06", kBoard, Day(2022, 6, 16), "Board, June 2022", "Glasgow",
      {Item(1, "Regional Improvement Plan 2022-23 for approval", "Senior Partnership Officer", true,
            kPlan2022, {}, "Draft Regional Improvement Plan 2022-23"),
       Item(2, "Closing the 2020-23 plan", "RIC Lead", true, kPlan2020)});
  Held(board_2022_06, WithAdvisers(Directors({"David Kinnear"})), {"David Kinnear"}, {"RIC Lead"});
  const std::string approve_2022 = Decide(
      board_2022_06, "approve", 1,
      "Approved the 2022-23 plan with three workstreams: Wellbeing for Learning; Leadership, "
      "Empowerment and Improvement; Curriculum and Learning, Teaching and Assessment.",
      Decision::AGREED, kPlan2022);
  const std::string close_2020 = Decide(
      board_2022_06, "close-2020", 2,
      "Closed the 2020-23 plan at the end of the session; its continuing projects move into the "
      "2022-23 plan.",
      Decision::AGREED, kPlan2020);
  t.push_back(board_2022_06);
  t.push_back(Step(kPlan2022, Plan::BOARD_APPROVED, "board-2022-06", approve_2022));
  t.push_back(Step(kPlan2020, Plan::CLOSED, "board-2022-06", close_2020));

  GovMeeting rec_2022 = MakeMeeting("rec-2022-06", kCommittee, Day(2022, 6, 30),
                                    "Regional Education Committee, June 2022", "Glasgow",
                                    {Item(1, "Regional Improvement Plan 2022-23",
                                          "Senior Partnership Officer", true, kPlan2022)});
  Held(rec_2022, Conveners(true, {"Lesley Pattison"}), {"Lesley Pattison"}, CommitteeOthers());
  const std::string endorse_2022 = Decide(
      rec_2022, "endorse", 1, "Endorsed the 2022-23 plan and welcomed its focus on wellbeing.",
      Decision::AGREED, kPlan2022);
  t.push_back(rec_2022);
  t.push_back(Step(kPlan2022, Plan::COMMITTEE_ENDORSED, "rec-2022-06", endorse_2022));

  GovMeeting board_2022_08 =
      MakeMeeting("board-2022-08", kBoard, Day(2022, 8, 25), "Board, August 2022", "Glasgow",
                  {Item(1, "Start of the 2022-23 plan", "RIC Lead", true, kPlan2022),
                   Item(2, "Board sponsors of the workstreams", "Senior Partnership Officer", true,
                        kPlan2022)});
  Held(board_2022_08, WithAdvisers(Directors()), {}, {"RIC Lead"});
  const std::string activate_2022 =
      Decide(board_2022_08, "activate", 1,
             "Agreed that the 2022-23 plan is in force from the start of the session.",
             Decision::AGREED, kPlan2022);
  const std::string sponsors = Decide(
      board_2022_08, "sponsors", 2,
      "Agreed the Board sponsors of the three workstreams, who report each workstream's progress "
      "to the Board.",
      Decision::AGREED, kPlan2022);
  t.push_back(board_2022_08);
  t.push_back(Step(kPlan2022, Plan::ACTIVE, "board-2022-08", activate_2022));
  for (const workstreams::v1::Workstream& ws : DemoWorkstreams()) {
    if (ws.plan_period() != "2022-23") continue;
    for (const std::string& label : ws.board_sponsors()) {
      const std::string director = DirectorNamed(label);
      if (director.empty()) continue;
      GovSponsorship s;
      s.at = {"board-2022-08", sponsors};
      s.request.set_parent(kPlan2022);
      s.request.set_request_id(
          absl::StrCat("demo-gov-sponsor-2022-23-", ws.number(), "-", PersonId(director)));
      s.request.mutable_sponsorship()->set_workstream_number(ws.number());
      s.request.mutable_sponsorship()->set_sponsor(Person(director));
      *s.request.mutable_sponsorship()->mutable_start_date() = Day(2022, 8, 25);
      t.push_back(std::move(s));
    }
  }

  t.push_back(Spend("2022-23-wellbeing", 3850000,
                    "Trauma-informed practice programme: first cohort", Day(2022, 10, 14),
                    "WP-2022-0141"));
  t.push_back(Spend("2022-23-leadership", 1248050, "Leadership learning sets: venues and materials",
                    Day(2022, 10, 28), "WP-2022-0152"));
  t.push_back(Spend("2022-23-mentoring", 875000,
                    "Headteacher mentoring: matching and mentor training", Day(2022, 11, 4),
                    "WP-2022-0158"));
  t.push_back(Spend("2022-23-coaching", 4200000,
                    "Executive coaching: first cohort of twelve leaders", Day(2022, 11, 10),
                    "WP-2022-0163"));
  t.push_back(Spend("2022-23-curriculum", 5620000,
                    "Moderation events in literacy and numeracy: supply cover", Day(2022, 11, 11),
                    "WP-2022-0166"));

  GovMeeting ig_2022 = MakeMeeting("ig-2022-11", kImplementation, Day(2022, 11, 3),
                                   "Implementation Group, November 2022", "Virtual",
                                   {Item(1, "Progress on the 2022-23 tracker", "RIC Lead", false,
                                         kPlan2022, {"1.2", "2.2", "3.1"})});
  Held(ig_2022, {kRicLead, "Lorna Hepburn", "Ross McAllister", "Niamh Docherty"}, {},
       {"Data analyst"});
  const std::string reach = Decide(
      ig_2022, "reach", 1,
      "Reviewed progress on the tracker and asked lead officers to report how many practitioners "
      "each programme reaches in each authority.",
      Decision::NOTED, kPlan2022, {"1.2", "2.2", "3.1"});
  t.push_back(ig_2022);
  t.push_back(MakeAction("ig-2022-11-reach", kImplementation, {"ig-2022-11", reach},
                         "Collect attendance by authority for every 2022-23 programme",
                         "Niamh Docherty", Day(2023, 1, 31), gv1::Action::DONE,
                         "Figures in the January tracker report", Day(2023, 1, 27)));

  GovMeeting fsg_2022_11 = MakeMeeting(
      "fsg-2022-11", kFinance, Day(2022, 11, 17), "Finance Sub-Group, November 2022", "Virtual",
      {Item(1, "Spend to date, 2022-23", "Senior Partnership Officer", false, kPlan2022),
       Item(2, "Unused mentoring funds", "Senior Partnership Officer", true, kPlan2022, {"2.2"})});
  Held(fsg_2022_11, FinanceReps({"Neil Harkness", "Peter Hamill", "Yvonne Ritchie"}),
       {"Neil Harkness", "Peter Hamill"}, {"Senior Partnership Officer"});
  Decide(fsg_2022_11, "spend", 1, "Noted spend to date against each line of the 2022-23 budget.",
         Decision::NOTED, kPlan2022);
  const std::string move = Decide(
      fsg_2022_11, "move", 2,
      "Agreed to move £35,000 of unused headteacher mentoring funds to the executive coaching "
      "programme, which has a waiting list.",
      Decision::AGREED, kPlan2022, {"2.2"});
  t.push_back(fsg_2022_11);
  GovReallocation r;
  r.at = {"fsg-2022-11", move};
  r.request.set_parent(kPlan2022);
  r.request.set_request_id("demo-gov-move-2022-23-mentoring-coaching");
  gv1::Reallocation* reallocation = r.request.mutable_reallocation();
  reallocation->set_from_line(absl::StrCat(kPlan2022, "/budgetLines/2022-23-mentoring"));
  reallocation->set_to_line(absl::StrCat(kPlan2022, "/budgetLines/2022-23-coaching"));
  reallocation->set_amount_pence(3500000);
  reallocation->set_reason(
      "Fewer new headteachers took up mentoring than planned; the coaching "
      "programme has a waiting list.");
  reallocation->set_approving_body(kFinance);
  *reallocation->mutable_effective_date() = Day(2022, 11, 17);
  t.push_back(std::move(r));

  // June 2023: the 2022-23 plan ends with its session.
  GovMeeting board_2023_06 =
      MakeMeeting("board-2023-06", kBoard, Day(2023, 6, 15), "Board, June 2023", "Glasgow",
                  {Item(1, "Closing the 2022-23 plan", "Senior Partnership Officer", true, kPlan2022,
                        {}, "Final tracker report 2022-23")});
  Held(board_2023_06, WithAdvisers(Directors({"Robert Lyall"})), {"Robert Lyall"}, {"RIC Lead"});
  const std::string close_2022 = Decide(
      board_2023_06, "close", 1,
      "Closed the 2022-23 plan at the end of the session; the evaluation of its three workstreams "
      "goes to the Committee.",
      Decision::AGREED, kPlan2022);
  t.push_back(board_2023_06);
  t.push_back(Step(kPlan2022, Plan::CLOSED, "board-2023-06", close_2022));
}

}  // namespace

GovernanceDemo BuildGovernanceDemo(absl::CivilDay today) {
  GovernanceDemo demo;
  AddPeople(demo);
  AddMemberships(demo);
  AddPopulations(demo);
  demo.plans = {Plan2018(), Plan2020(), Plan2022(), CurrentPlan(CurrentSession(today))};
  AddHistory(demo);
  AddCurrentPlanTimeline(demo, today);
  return demo;
}

}  // namespace wp::demo
