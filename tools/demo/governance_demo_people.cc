#include "tools/demo/governance_demo_people.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/region/authorities.h"
#include "tools/demo/demo_data.h"
#include "tools/demo/governance_demo_builders.h"

namespace wp::demo::gov_demo {
namespace {

using common::v1::Date;
using gv1::Membership;

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

std::string CouncilOf(absl::string_view code) {
  for (const region::Authority& a : region::kAuthorities) {
    if (a.code == code) return absl::StrCat(a.name, " Council");
  }
  return std::string(code);
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

const char* SecondedFrom(const std::string& lead) {
  for (const auto& [name, code] : kSecondedFrom) {
    if (lead == name) return code;
  }
  return "";
}

}  // namespace

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

std::vector<std::string> Directors(const std::vector<std::string>& absent) {
  std::vector<std::string> names;
  for (const AuthorityPeople& p : kAuthorityPeople) {
    if (std::find(absent.begin(), absent.end(), p.director) == absent.end())
      names.push_back(p.director);
  }
  return names;
}

// The conveners sitting before or after the May 2022 council elections.
std::vector<std::string> Conveners(bool after_2022_elections,
                                   const std::vector<std::string>& absent) {
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

std::vector<std::string> WithAdvisers(std::vector<std::string> names, bool professor) {
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

}  // namespace wp::demo::gov_demo
