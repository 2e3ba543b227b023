#include "tools/demo/demo_data.h"

namespace wp::demo {
namespace {

using workstreams::v1::PlanItem;
using workstreams::v1::Workstream;

Workstream MakeWorkstream(const char* period, int number, const char* title, const char* lead,
                          std::vector<const char*> sponsors, std::vector<const char*> links) {
  Workstream ws;
  ws.set_plan_period(period);
  ws.set_number(number);
  ws.set_title(title);
  ws.set_lead_officer(lead);
  for (const char* s : sponsors) ws.add_board_sponsors(s);
  for (const char* l : links) ws.add_education_scotland_links(l);
  return ws;
}

PlanItem MakeItem(const char* ref, const char* task, const char* lead,
                  workstreams::v1::PlanItemStatus status, int y, int m, int d) {
  PlanItem item;
  item.set_plan_period("2022-23");
  item.set_ref(ref);
  item.set_task(task);
  item.set_lead(lead);
  item.set_status(status);
  if (y != 0) {
    item.mutable_expected_date()->set_year(y);
    item.mutable_expected_date()->set_month(m);
    item.mutable_expected_date()->set_day(d);
  }
  return item;
}

}  // namespace

std::vector<Workstream> DemoWorkstreams() {
  return {
      MakeWorkstream("2018-21", 1, "Collaborative learning networks", "Morag Lennox", {"Director, Glasgow City"}, {}),
      MakeWorkstream("2018-21", 2, "Empowerment", "Callum Reid", {"Director, East Renfrewshire"}, {}),
      MakeWorkstream("2018-21", 3, "Professional learning (CLPL)", "Aileen Baxter", {"Director, South Lanarkshire"}, {}),
      MakeWorkstream("2018-21", 4, "Curricular and ASN networks", "Iain Forsyth", {"Director, Inverclyde"}, {}),
      MakeWorkstream("2018-21", 5, "Systems improvement", "Shona Mair", {"Director, North Lanarkshire"}, {}),
      MakeWorkstream("2018-21", 6, "Curriculum design", "Euan Dalgleish", {"Director, Renfrewshire"}, {}),
      MakeWorkstream("2018-21", 7, "Leadership and succession planning", "Fiona Gault", {"Director, East Dunbartonshire"}, {}),
      MakeWorkstream("2018-21", 8, "Families and communities", "Kirsty Muir", {"Director, West Dunbartonshire"}, {}),
      MakeWorkstream("2018-21", 9, "Evaluation and reporting", "Graham Niven", {"Director, Glasgow City"}, {}),
      MakeWorkstream("2022-23", 1, "Wellbeing for Learning", "Lorna Hepburn",
                     {"Director, West Dunbartonshire", "Director, Inverclyde"},
                     {"Education Scotland wellbeing link"}),
      MakeWorkstream("2022-23", 2, "Leadership, Empowerment and Improvement", "Ross McAllister",
                     {"Director, East Renfrewshire"}, {"Education Scotland leadership link"}),
      MakeWorkstream("2022-23", 3, "Curriculum and Learning, Teaching and Assessment", "Niamh Docherty",
                     {"Director, South Lanarkshire", "Director, Renfrewshire"},
                     {"Education Scotland curriculum link"}),
  };
}

std::vector<PlanItem> DemoPlanItems2022() {
  using workstreams::v1::COMPLETE;
  using workstreams::v1::NOT_STARTED;
  using workstreams::v1::ON_TRACK;
  return {
      MakeItem("1.1", "Run a regional wellbeing survey of learners in P6 and S2 and share the results with each authority",
               "Lorna Hepburn", COMPLETE, 2022, 12, 16),
      MakeItem("1.2", "Offer a trauma-informed practice programme to two cohorts of school staff",
               "Lorna Hepburn", ON_TRACK, 2023, 3, 31),
      MakeItem("1.3", "Bring together the learner wellbeing forum each term", "Aidan Cairns", ON_TRACK, 2023, 6, 0),
      MakeItem("2.1", "Launch leadership learning sets for new depute headteachers", "Ross McAllister", COMPLETE,
               2022, 10, 28),
      MakeItem("2.2", "Pair every new headteacher with an experienced coach from another authority",
               "Ross McAllister", ON_TRACK, 2023, 1, 31),
      MakeItem("2.3", "Publish a guide to self-evaluation for improvement planning", "Carla Ferrie", NOT_STARTED,
               2022, 11, 30),
      MakeItem("3.1", "Run moderation events in literacy and numeracy for P1, P4 and P7 teachers",
               "Niamh Docherty", ON_TRACK, 2023, 2, 28),
      MakeItem("3.2", "Record and share lessons for the top ten senior phase subjects", "Niamh Docherty",
               ON_TRACK, 2023, 5, 31),
      MakeItem("3.3", "Set up a maths and numeracy leads network across the eight authorities", "Declan Rafferty",
               COMPLETE, 2022, 9, 30),
  };
}

workstreams::v1::CreateNetworkRequest DemoNetwork() {
  workstreams::v1::CreateNetworkRequest request;
  request.set_network_id("maths-leads");
  request.set_request_id("demo-network-maths-leads");
  auto* n = request.mutable_network();
  n->set_title("Maths and numeracy leads network");
  n->set_kind(workstreams::v1::SPECIALIST_NETWORK);
  n->set_owning_workstream("planPeriods/2022-23/workstreams/3");
  n->set_expected_meetings_per_year(3);
  n->mutable_established_date()->set_year(2022);
  n->mutable_established_date()->set_month(9);
  n->mutable_established_date()->set_day(1);
  const std::pair<const char*, const char*> coordinators[] = {
      {"EDC", "Heather Boyle"}, {"ERC", "Martin Quigley"}, {"GCC", "Sana Rashid"},
      {"INV", "Paul Kerr"},     {"NLC", "Joanne Lafferty"}, {"REN", "Stuart Orr"},
      {"SLC", "Gillian Tait"},  {"WDC", "Owen McBride"}};
  for (const auto& [authority, person] : coordinators) {
    auto* c = n->add_coordinators();
    c->set_authority(authority);
    c->set_person(person);
  }
  n->add_priorities("Share approaches to closing the numeracy gap in the early years of secondary");
  n->add_priorities("Build a bank of moderated assessment tasks for third and fourth level");
  n->add_priorities("Support new principal teachers of mathematics in their first year");
  return request;
}

workstreams::v1::NetworkMeeting DemoMeeting() {
  workstreams::v1::NetworkMeeting m;
  m.mutable_meeting_date()->set_year(2022);
  m.mutable_meeting_date()->set_month(11);
  m.mutable_meeting_date()->set_day(9);
  m.set_attendance(14);
  for (const char* a : {"EDC", "ERC", "GCC", "NLC", "REN", "SLC", "WDC"}) m.add_authorities_present(a);
  m.set_notes("Agreed the three priorities; moderation task bank to start with fractions and ratio.");
  return m;
}

namespace {

workstreams::v1::NetworkMeeting MeetingOn(absl::CivilDay day, int attendance, std::vector<const char*> present,
                                          const char* notes) {
  workstreams::v1::NetworkMeeting m;
  m.mutable_meeting_date()->set_year(static_cast<int>(day.year()));
  m.mutable_meeting_date()->set_month(day.month());
  m.mutable_meeting_date()->set_day(day.day());
  m.set_attendance(attendance);
  for (const char* a : present) m.add_authorities_present(a);
  m.set_notes(notes);
  return m;
}

void SetDay(absl::CivilDay day, wp::common::v1::Date* date) {
  date->set_year(static_cast<int>(day.year()));
  date->set_month(day.month());
  date->set_day(day.day());
}

}  // namespace

std::vector<workstreams::v1::NetworkMeeting> DemoMathsMeetings(absl::CivilDay today) {
  return {
      MeetingOn(today - 250, 12, {"EDC", "ERC", "GCC", "INV", "NLC", "SLC"},
                "Moderation task bank: first fractions and ratio tasks shared."),
      MeetingOn(today - 130, 15, {"EDC", "ERC", "GCC", "INV", "NLC", "REN", "SLC", "WDC"},
                "Reaffirmed the three priorities; new principal teachers paired with mentors."),
      MeetingOn(today - 20, 13, {"ERC", "GCC", "INV", "NLC", "REN", "WDC"},
                "Fourth level tasks moderated across five authorities."),
  };
}

workstreams::v1::CreateNetworkRequest DemoAsnForum(absl::CivilDay today) {
  workstreams::v1::CreateNetworkRequest request;
  request.set_network_id("asn-officers");
  request.set_request_id("demo-network-asn-officers");
  auto* n = request.mutable_network();
  n->set_title("ASN officers forum");
  n->set_kind(workstreams::v1::FORUM);
  n->set_owning_workstream("planPeriods/2022-23/workstreams/1");
  n->set_expected_meetings_per_year(3);
  n->mutable_established_date()->set_year(2019);
  n->mutable_established_date()->set_month(2);
  n->mutable_established_date()->set_day(1);
  struct Term {
    const char* authority;
    const char* person;
    int start_days_ago;     // 0: no start date
    int ends_in_days;       // 0: open-ended
  };
  // A seconded officer in Inverclyde is recalled within the warning window.
  const Term terms[] = {{"GCC", "Lesley Gourlay", 0, 0},
                        {"INV", "Neil Paterson", 600, 45},
                        {"NLC", "Amanda Cairns", 200, 500},
                        {"SLC", "Ross Ferguson", 0, 0},
                        {"WDC", "Yvonne Kelly", 90, 0}};
  for (const Term& t : terms) {
    auto* c = n->add_coordinators();
    c->set_authority(t.authority);
    c->set_person(t.person);
    if (t.start_days_ago > 0) SetDay(today - t.start_days_ago, c->mutable_start_date());
    if (t.ends_in_days > 0) SetDay(today + t.ends_in_days, c->mutable_term_end_date());
  }
  return request;
}

std::vector<workstreams::v1::NetworkMeeting> DemoAsnForumMeetings(absl::CivilDay today) {
  return {
      MeetingOn(today - 500, 11, {"GCC", "INV", "NLC", "SLC", "WDC"}, "Transitions guidance drafted."),
      MeetingOn(today - 160, 6, {"GCC", "SLC", "WDC"}, "Low attendance; officers recalled to schools."),
  };
}

}  // namespace wp::demo
