#include "tools/demo/governance_demo.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "libs/region/authorities.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/demo_data.h"

namespace wp::demo {
namespace {

using common::v1::Date;
using gv1::Decision;
using gv1::Membership;
using gv1::Plan;
using gv1::PlanProject;

constexpr char kBoard[] = "bodies/board";
constexpr char kCommittee[] = "bodies/regional-education-committee";
constexpr char kImplementation[] = "bodies/implementation-group";
constexpr char kFinance[] = "bodies/finance-sub-group";

constexpr char kPlan2018[] = "plans/2018-21";
constexpr char kPlan2020[] = "plans/2020-23";
constexpr char kPlan2022[] = "plans/2022-23";

// Each authority's director of education (Board), education convener
// (Committee) and senior finance representative (Finance Sub-Group).
struct AuthorityPeople {
  const char* code;
  const char* director;
  const char* convener;
  const char* finance;
};
constexpr AuthorityPeople kAuthorityPeople[] = {
    {"EDC", "Alison Strachan", "Helen Brodie", "Neil Harkness"},
    {"ERC", "Kenneth Drummond", "Andrew Whyte", "Fiona Walsh"},
    {"GCC", "Moira Galbraith", "Margaret Doig", "Ravi Sharma"},
    {"INV", "Robert Lyall", "Thomas Carlin", "Claire Dunlop"},
    {"NLC", "Catriona Bell", "Brian Gillespie", "Mark Sneddon"},
    {"REN", "David Kinnear", "Lesley Pattison", "Yvonne Ritchie"},
    {"SLC", "Pauline Mathieson", "James Cowan", "Peter Hamill"},
    {"WDC", "Gordon Rennie", "Karen Meikle", "Laura Cassidy"},
};
// The Committee's elected chair is Glasgow's convener; Inverclyde's convener
// changed after the May 2022 council elections.
constexpr char kChairCode[] = "GCC";
constexpr char kNewInverclydeConvener[] = "Eilidh Munro";

constexpr char kSeniorPartnershipOfficer[] = "Janet McIntyre";
constexpr char kRicLead[] = "Elaine Carmichael";
constexpr char kSeniorRegionalAdvisor[] = "Hugh Mitchell";
constexpr char kProfessor[] = "Anne Lindsay";
constexpr char kPartnership[] = "West Partnership";

// The authority each workstream lead officer of demo_data.h is seconded from.
constexpr std::pair<const char*, const char*> kSecondedFrom[] = {
    {"Morag Lennox", "GCC"},  {"Callum Reid", "ERC"},     {"Aileen Baxter", "SLC"},
    {"Iain Forsyth", "INV"},  {"Shona Mair", "NLC"},      {"Euan Dalgleish", "REN"},
    {"Fiona Gault", "EDC"},   {"Kirsty Muir", "WDC"},     {"Graham Niven", "GCC"},
    {"Lorna Hepburn", "WDC"}, {"Ross McAllister", "ERC"}, {"Niamh Docherty", "SLC"},
};

// Approximate 2022-23 figures: about a third of Scotland's learners, about
// 1,000 establishments and 19,000 practitioners, with establishments by SIMD
// quintile (1 most deprived). Invented for the demo, not census counts.
struct PopulationFigures {
  const char* code;
  int learners;
  int practitioners;
  int establishments;
  int quintiles[5];
};
constexpr PopulationFigures kPopulations[] = {
    {"EDC", 15800, 1260, 58, {3, 5, 9, 15, 26}},
    {"ERC", 15600, 1240, 44, {3, 4, 6, 10, 21}},
    {"GCC", 70400, 5600, 300, {138, 52, 38, 36, 36}},
    {"INV", 9900, 790, 42, {14, 8, 7, 7, 6}},
    {"NLC", 48900, 3850, 215, {62, 48, 40, 36, 29}},
    {"REN", 23100, 1830, 90, {20, 16, 18, 17, 19}},
    {"SLC", 44700, 3550, 205, {40, 42, 44, 41, 38}},
    {"WDC", 11600, 920, 48, {18, 12, 8, 6, 4}},
};
constexpr char kPopulationSource[] =
    "Approximate demo figures, rounded; not official school census counts";

// ---- Small builders ----

Date Day(int year, int month, int day) {
  Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

Date DayOf(absl::CivilDay day) { return Day(static_cast<int>(day.year()), day.month(), day.day()); }

std::string DayText(const Date& d) {
  return absl::StrCat(d.year(), "-", d.month() < 10 ? "0" : "", d.month(), "-",
                      d.day() < 10 ? "0" : "", d.day());
}

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

std::string CouncilOf(absl::string_view code) {
  for (const region::Authority& a : region::kAuthorities) {
    if (a.code == code) return absl::StrCat(a.name, " Council");
  }
  return std::string(code);
}

// The director of the authority named in demo_data.h's sponsor labels
// ("Director, West Dunbartonshire"); empty when it names none.
std::string DirectorNamed(absl::string_view label) {
  if (!absl::ConsumePrefix(&label, "Director, ")) return "";
  for (const region::Authority& a : region::kAuthorities) {
    if (a.name != label) continue;
    for (const AuthorityPeople& p : kAuthorityPeople) {
      if (p.code == a.code) return p.director;
    }
  }
  return "";
}

gv1::CreatePersonRequest MakePerson(absl::string_view name, absl::string_view authority,
                                    absl::string_view organisation) {
  gv1::CreatePersonRequest request;
  request.set_person_id(PersonId(name));
  request.set_request_id(absl::StrCat("demo-gov-person-", PersonId(name)));
  gv1::Person* person = request.mutable_person();
  person->set_display_name(std::string(name));
  person->set_authority(std::string(authority));
  person->set_organisation(std::string(organisation));
  return request;
}

gv1::CreateMembershipRequest Seat(const char* body, absl::string_view person, Membership::Role role,
                                  std::string title, absl::string_view authority, bool advisory,
                                  const Date& start, std::optional<Date> end = std::nullopt) {
  gv1::CreateMembershipRequest request;
  request.set_parent(body);
  request.set_request_id(absl::StrCat("demo-gov-seat-", absl::StripPrefix(body, "bodies/"), "-",
                                      PersonId(person), "-", DayText(start)));
  Membership* m = request.mutable_membership();
  m->set_person(Person(person));
  m->set_role(role);
  m->set_role_title(std::move(title));
  m->set_authority(std::string(authority));
  m->set_advisory(advisory);
  *m->mutable_start_date() = start;
  if (end.has_value()) *m->mutable_end_date() = *end;
  return request;
}

gv1::AgendaItem Item(int number, const char* title, std::string presenter, bool decision = false,
                     const char* plan = "", std::vector<const char*> refs = {},
                     const char* paper = "") {
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
                   Decision::Outcome outcome, const char* plan = "",
                   std::vector<const char*> refs = {}) {
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

// ---- Who is who ----

std::vector<std::string> Directors(const std::vector<std::string>& absent = {}) {
  std::vector<std::string> names;
  for (const AuthorityPeople& p : kAuthorityPeople) {
    if (std::find(absent.begin(), absent.end(), p.director) == absent.end())
      names.push_back(p.director);
  }
  return names;
}

// The conveners sitting before or after the May 2022 council elections.
std::vector<std::string> Conveners(bool after_2022_elections,
                                   const std::vector<std::string>& absent = {}) {
  std::vector<std::string> names;
  for (const AuthorityPeople& p : kAuthorityPeople) {
    std::string name = p.convener;
    if (after_2022_elections && std::string(p.code) == "INV") name = kNewInverclydeConvener;
    if (std::find(absent.begin(), absent.end(), name) == absent.end()) names.push_back(name);
  }
  return names;
}

std::vector<std::string> FinanceReps(const std::vector<std::string>& absent) {
  std::vector<std::string> names;
  for (const AuthorityPeople& p : kAuthorityPeople) {
    if (std::find(absent.begin(), absent.end(), p.finance) == absent.end())
      names.push_back(p.finance);
  }
  return names;
}

std::vector<std::string> WithAdvisers(std::vector<std::string> names, bool professor = true) {
  names.push_back(kSeniorPartnershipOfficer);
  names.push_back(kSeniorRegionalAdvisor);
  if (professor) names.push_back(kProfessor);
  return names;
}

const std::vector<std::string>& CommitteeOthers() {
  static const auto* others = new std::vector<std::string>{
      "Directors of Education of the eight authorities", "Senior Partnership Officer"};
  return *others;
}

const char* SecondedFrom(const std::string& lead) {
  for (const auto& [name, code] : kSecondedFrom) {
    if (lead == name) return code;
  }
  return "";
}

void AddPeople(GovernanceDemo& demo) {
  for (const AuthorityPeople& p : kAuthorityPeople) {
    demo.people.push_back(MakePerson(p.director, p.code, ""));
    demo.people.push_back(MakePerson(p.convener, p.code, ""));
    demo.people.push_back(MakePerson(p.finance, p.code, ""));
  }
  demo.people.push_back(MakePerson(kNewInverclydeConvener, "INV", ""));
  demo.people.push_back(MakePerson(kSeniorPartnershipOfficer, "", kPartnership));
  demo.people.push_back(MakePerson(kRicLead, "", kPartnership));
  demo.people.push_back(MakePerson(kSeniorRegionalAdvisor, "", "Education Scotland"));
  demo.people.push_back(
      MakePerson(kProfessor, "", "University research centre (evaluation partner)"));
  for (const workstreams::v1::Workstream& ws : DemoWorkstreams()) {
    const std::string& lead = ws.lead_officer();
    bool seen = false;
    for (const auto& person : demo.people) seen |= person.person().display_name() == lead;
    if (!seen) demo.people.push_back(MakePerson(lead, SecondedFrom(lead), kPartnership));
  }
}

void AddMemberships(GovernanceDemo& demo) {
  const Date founded = Day(2017, 9, 1);
  for (const AuthorityPeople& p : kAuthorityPeople) {
    const std::string council = CouncilOf(p.code);
    demo.memberships.push_back(Seat(kBoard, p.director, Membership::DIRECTOR,
                                    absl::StrCat("Director of Education, ", council), p.code, false,
                                    founded));
  }
  demo.memberships.push_back(Seat(kBoard, kSeniorPartnershipOfficer,
                                  Membership::SENIOR_PARTNERSHIP_OFFICER,
                                  "Senior Partnership Officer", "", true, founded));
  demo.memberships.push_back(
      Seat(kBoard, kSeniorRegionalAdvisor, Membership::SENIOR_REGIONAL_ADVISOR,
           "Senior Regional Advisor, Education Scotland", "", true, founded));
  demo.memberships.push_back(Seat(kBoard, kProfessor, Membership::PROFESSOR,
                                  "Professor, university research centre", "", true,
                                  Day(2018, 6, 1)));

  // Only the conveners are members of the Committee; the directors and the
  // Senior Partnership Officer attend it.
  for (const AuthorityPeople& p : kAuthorityPeople) {
    const std::string council = CouncilOf(p.code);
    const bool chair = std::string(p.code) == kChairCode;
    const bool inverclyde = std::string(p.code) == "INV";
    demo.memberships.push_back(
        Seat(kCommittee, p.convener, chair ? Membership::CHAIR : Membership::CONVENER,
             absl::StrCat(chair ? "Chair; " : "", "Education Convener, ", council), p.code, false,
             founded, inverclyde ? std::optional<Date>(Day(2022, 5, 4)) : std::nullopt));
  }
  demo.memberships.push_back(Seat(kCommittee, kNewInverclydeConvener, Membership::CONVENER,
                                  "Education Convener, Inverclyde Council", "INV", false,
                                  Day(2022, 5, 26)));

  // The RIC Lead chairs the Implementation Group (CHAIR is the role quorum
  // looks for); the lead officers sit on it while their workstreams run.
  demo.memberships.push_back(Seat(kImplementation, kRicLead, Membership::CHAIR, "RIC Lead, chair",
                                  "", false, Day(2018, 8, 1)));
  for (const workstreams::v1::Workstream& ws : DemoWorkstreams()) {
    const bool first_plan = ws.plan_period() == "2018-21";
    demo.memberships.push_back(
        Seat(kImplementation, ws.lead_officer(), Membership::WORKSTREAM_LEAD_OFFICER,
             absl::StrCat("Workstream Lead Officer, ", ws.title()), SecondedFrom(ws.lead_officer()),
             false, first_plan ? Day(2018, 8, 20) : Day(2021, 8, 16),
             first_plan ? std::optional<Date>(Day(2021, 6, 30)) : std::nullopt));
  }

  for (const AuthorityPeople& p : kAuthorityPeople) {
    demo.memberships.push_back(
        Seat(kFinance, p.finance, Membership::FINANCE_REPRESENTATIVE,
             absl::StrCat("Senior Finance Representative, ", CouncilOf(p.code)), p.code, false,
             Day(2018, 4, 1)));
  }
}

void AddPopulations(GovernanceDemo& demo) {
  for (const PopulationFigures& f : kPopulations) {
    gv1::Population p;
    p.set_name(absl::StrCat("authorities/", f.code, "/populations/", kDemoPopulationSession));
    p.set_learners(f.learners);
    p.set_teachers_and_practitioners(f.practitioners);
    p.set_establishments(f.establishments);
    for (int q = 0; q < 5; ++q) {
      gv1::QuintileCount* count = p.add_establishments_by_quintile();
      count->set_quintile(q + 1);
      count->set_establishments(f.quintiles[q]);
    }
    p.set_source(kPopulationSource);
    demo.populations.push_back(std::move(p));
  }
}

// ---- Plans ----

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

// The plan of the session holding the load day (demo_calendar.h): the same
// three workstreams as 2022-23, with new projects. Its id is the session, so
// a load in another session makes that session's plan.
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

gv1::CreateBudgetLineRequest Line(const char* id, int workstream, const char* project,
                                  const char* title, int64_t pounds) {
  return LineOf(kPlan2022, "2022-23", id, workstream, project, title, pounds);
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

gv1::RecordSpendRequest Spend(const char* line, int64_t pence, const char* description,
                              const Date& day, const char* reference) {
  return SpendOn(kPlan2022, line, pence, description, day, reference);
}

GovAction MakeAction(const char* key, const char* body, GovAt at, const char* description,
                     const char* owner, std::optional<Date> due, gv1::Action::State state,
                     const char* notes = "", std::optional<Date> completed = std::nullopt) {
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

// ---- The timeline ----

void AddTimeline(GovernanceDemo& demo, absl::CivilDay today) {
  auto& t = demo.timeline;
  const std::string sponsor_ws2 = DirectorNamed("Director, East Renfrewshire");

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

  // The current plan, for the session holding `today`: approved by the Board
  // and endorsed by the Committee in the June before the session, in force
  // from its start, with this financial year's budget, spends and a recent
  // reallocation. Keys and request ids carry the session or the year, so a
  // load on another day of the same session finds what an earlier one made.
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

}  // namespace

GovernanceDemo BuildGovernanceDemo(absl::CivilDay today) {
  GovernanceDemo demo;
  AddPeople(demo);
  AddMemberships(demo);
  AddPopulations(demo);
  demo.plans = {Plan2018(), Plan2020(), Plan2022(), CurrentPlan(CurrentSession(today))};
  AddTimeline(demo, today);
  return demo;
}

}  // namespace wp::demo
