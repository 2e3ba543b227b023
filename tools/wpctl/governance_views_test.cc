#include "tools/wpctl/governance_views.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

void SetDay(common::v1::Date* date, int y, int m, int d) {
  date->set_year(y);
  date->set_month(m);
  date->set_day(d);
}

gov::Action MakeAction(int number, const char* description, bool overdue) {
  gov::Action a;
  a.set_name("bodies/board/actions/" + std::to_string(number));
  a.set_description(description);
  a.set_owner("people/janet-mcintyre");
  a.set_owner_display_name("Janet McIntyre");
  a.set_state(gov::Action::OPEN);
  a.set_overdue(overdue);
  SetDay(a.mutable_due_date(), 2026, 11, number);
  return a;
}

TEST(GovernanceViewsTest, EmptyListsSaySo) {
  EXPECT_EQ(AuthoritiesText({}), "no authorities\n");
  EXPECT_EQ(PeopleText({}), "no people\n");
  EXPECT_EQ(BodiesText({}), "no bodies\n");
  EXPECT_EQ(MembershipsText({}), "no members\n");
  EXPECT_EQ(MeetingsText({}), "no meetings\n");
  EXPECT_EQ(DecisionsText({}), "no decisions\n");
  EXPECT_EQ(ActionsText({}), "no actions\n");
}

TEST(GovernanceViewsTest, PopulationWithGroupedNumbersAndQuintiles) {
  gov::Population p;
  p.set_name("authorities/GCC/populations/2022-23");
  p.set_authority("authorities/GCC");
  p.set_session("2022-23");
  p.set_learners(70400);
  p.set_teachers_and_practitioners(5600);
  p.set_establishments(300);
  auto* q = p.add_establishments_by_quintile();
  q->set_quintile(1);
  q->set_establishments(138);
  q = p.add_establishments_by_quintile();
  q->set_quintile(5);
  q->set_establishments(36);
  const std::string text = PopulationText(p);
  EXPECT_THAT(text, HasSubstr("name:                       authorities/GCC/populations/2022-23\n"));
  EXPECT_THAT(text, HasSubstr("authority:                  GCC\n"));
  EXPECT_THAT(text, HasSubstr("learners:                   70,400\n"));
  EXPECT_THAT(text, HasSubstr("teachers and practitioners: 5,600\n"));
  EXPECT_THAT(text, HasSubstr("by SIMD quintile:           Q1 138, Q5 36\n"));
  EXPECT_THAT(text, HasSubstr("source:                     -\n"));
  EXPECT_EQ(QuintilesText({}), "-");
}

TEST(GovernanceViewsTest, RegionWarnsAboutMissingAuthorities) {
  gov::RegionPopulation r;
  r.set_session("2022-23");
  r.set_learners(240000);
  r.add_authorities_included("EDC");
  r.add_authorities_included("GCC");
  EXPECT_THAT(RegionPopulationText(r), HasSubstr("authorities missing:        none\n"));
  EXPECT_THAT(RegionPopulationText(r), Not(HasSubstr("warning")));
  r.add_authorities_missing("INV");
  const std::string text = RegionPopulationText(r);
  EXPECT_THAT(text, HasSubstr("learners:                   240,000\n"));
  EXPECT_THAT(text, HasSubstr("authorities counted:        EDC, GCC\n"));
  EXPECT_THAT(text, HasSubstr("warning: 1 of 3 authorities have no figures for 2022-23"));
}

TEST(GovernanceViewsTest, PeopleBodiesAndMembers) {
  gov::ListPeopleResponse people;
  auto* person = people.add_people();
  person->set_name("people/hugh-mitchell");
  person->set_display_name("Hugh Mitchell");
  person->set_organisation("Education Scotland");
  const std::string people_text = PeopleText(people);
  EXPECT_THAT(people_text,
              HasSubstr("hugh-mitchell  Hugh Mitchell  -          Education Scotland\n"));
  EXPECT_THAT(people_text, HasSubstr("1 person\n"));

  gov::ListBodiesResponse bodies;
  auto* body = bodies.add_bodies();
  body->set_name("bodies/regional-education-committee");
  body->set_kind(gov::Body::REGIONAL_EDUCATION_COMMITTEE);
  body->set_title("Regional Education Committee");
  body->set_cadence("termly");
  body->set_current_members(8);
  body->mutable_quorum_rule()->set_minimum_members(5);
  body->mutable_quorum_rule()->set_chair_required(true);
  EXPECT_THAT(BodiesText(bodies),
              HasSubstr("regional-education-committee  Regional Education Committee"
                        "  termly         8  5 members, chair required\n"));
  EXPECT_THAT(BodyText(*body), HasSubstr("kind:            regional education committee\n"));
  body->mutable_quorum_rule()->set_minimum_members(1);
  body->mutable_quorum_rule()->set_chair_required(false);
  EXPECT_EQ(QuorumText(body->quorum_rule()), "1 member");

  gov::ListMembershipsResponse members;
  auto* m = members.add_memberships();
  m->set_person("people/hugh-mitchell");
  m->set_person_display_name("Hugh Mitchell");
  m->set_role(gov::Membership::SENIOR_REGIONAL_ADVISOR);
  m->set_advisory(true);
  SetDay(m->mutable_start_date(), 2017, 9, 1);
  m = members.add_memberships();
  m->set_person("people/thomas-carlin");
  m->set_person_display_name("Thomas Carlin");
  m->set_role(gov::Membership::CONVENER);
  m->set_role_title("Education Convener, Inverclyde Council");
  m->set_authority("INV");
  SetDay(m->mutable_start_date(), 2017, 9, 1);
  SetDay(m->mutable_end_date(), 2022, 5, 4);
  const std::string text = MembershipsText(members);
  // Without a role title the role itself is shown.
  EXPECT_THAT(text, HasSubstr("Hugh Mitchell  senior regional advisor"));
  EXPECT_THAT(text, HasSubstr("advisory  2017-09-01  -\n"));
  EXPECT_THAT(text, HasSubstr("Education Convener, Inverclyde Council  INV"));
  EXPECT_THAT(text, HasSubstr("2017-09-01  2022-05-04\n"));
  EXPECT_THAT(text, HasSubstr("2 memberships\n"));
}

TEST(GovernanceViewsTest, MeetingsShowShortNamesAndHeldDetails) {
  gov::ListMeetingsResponse meetings;
  auto* m = meetings.add_meetings();
  m->set_name("bodies/board/meetings/12");
  m->set_title("Board, June 2022");
  m->set_state(gov::Meeting::HELD);
  m->set_decision_count(3);
  SetDay(m->mutable_meeting_date(), 2022, 6, 16);
  EXPECT_THAT(MeetingsText(meetings),
              HasSubstr("board/12  2022-06-16  held           3  Board, June 2022\n"));

  m->mutable_attendance()->add_present("people/alison-strachan");
  m->mutable_attendance()->add_present("people/moira-galbraith");
  m->mutable_attendance()->add_apologies("people/robert-lyall");
  m->mutable_attendance()->add_others_present("RIC Lead");
  m->mutable_quorum()->set_members_present(2);
  m->mutable_quorum()->mutable_rule()->set_minimum_members(2);
  auto* item = m->add_agenda_items();
  item->set_number(1);
  item->set_title("Plan 2022-23 for approval");
  item->set_presenter("Senior Partnership Officer");
  item->set_decision_required(true);
  item->set_plan("plans/2022-23");
  item->add_plan_item_refs("1.1");
  item->add_plan_item_refs("2.2");
  item->set_paper("Draft plan");
  const std::string text = MeetingText(*m);
  EXPECT_THAT(text,
              HasSubstr("quorum:        2 members present (rule: 2 members), chair absent\n"));
  EXPECT_THAT(text, HasSubstr("present:       alison-strachan, moira-galbraith\n"));
  EXPECT_THAT(text, HasSubstr("apologies:     robert-lyall\n"));
  EXPECT_THAT(text, HasSubstr("in attendance: RIC Lead\n"));
  EXPECT_THAT(
      text,
      HasSubstr(
          "agenda:\n  1. Plan 2022-23 for approval  (Senior Partnership Officer)  [decision]\n"
          "     plan 2022-23, items 1.1, 2.2; paper: Draft plan\n"));

  // A scheduled meeting has no attendance to show; a cancelled one says why.
  m->set_state(gov::Meeting::CANCELLED);
  m->set_cancel_reason("Snow");
  EXPECT_THAT(MeetingText(*m), HasSubstr("cancelled because: Snow\n"));
  EXPECT_THAT(MeetingText(*m), Not(HasSubstr("present:")));
  m->clear_agenda_items();
  EXPECT_THAT(MeetingText(*m), HasSubstr("agenda: none\n"));
}

TEST(GovernanceViewsTest, MeetingPackMarksOverdueActionsAndMattersArising) {
  gov::MeetingPack pack;
  gov::Meeting* m = pack.mutable_meeting();
  m->set_name("bodies/board/meetings/15");
  m->set_title("Board, December 2026");
  m->set_state(gov::Meeting::SCHEDULED);
  SetDay(m->mutable_meeting_date(), 2026, 12, 10);
  auto* item = m->add_agenda_items();
  item->set_number(1);
  item->set_title("Coaching programme: second cohort");
  item->set_decision_required(true);
  auto* due = pack.add_decisions_due();
  due->set_kind(gov::DecisionDue::AGENDA_ITEM);
  due->set_agenda_item(1);
  due->set_summary("Coaching programme: second cohort");
  due = pack.add_decisions_due();
  due->set_kind(gov::DecisionDue::PLAN_APPROVAL);
  due->set_plan("plans/2023-26");
  due->set_summary("Draft plan waiting for approval");
  *pack.add_open_actions() = MakeAction(2, "Circulate the coaching evaluation", true);
  *pack.add_open_actions() = MakeAction(30,
                                        "Draft continuity arrangements for seconded lead officers, "
                                        "with a handover plan for every workstream",
                                        false);
  pack.set_previous_meeting("bodies/board/meetings/14");
  auto* decision = pack.add_previous_decisions();
  decision->set_name("bodies/board/meetings/14/decisions/1");
  decision->set_outcome(gov::Decision::NOTED);
  decision->set_text("Noted the tracker summary");
  SetDay(decision->mutable_meeting_date(), 2026, 10, 15);

  const std::string text = MeetingPackText(pack);
  EXPECT_THAT(text, HasSubstr("Meeting pack: Board, December 2026 (board/15)\n"));
  EXPECT_THAT(text, HasSubstr("state:    scheduled\n"));
  EXPECT_THAT(text, HasSubstr("decisions due (2):\n  item 1: Coaching programme: second cohort\n"
                              "  approve plan 2023-26: Draft plan waiting for approval\n"));
  EXPECT_THAT(text, HasSubstr("open actions (2, 1 overdue on 2026-12-10):\n"));
  EXPECT_THAT(text, HasSubstr("board/actions/2   2026-11-02  open   OVERDUE  Janet McIntyre"));
  // A pack shows texts whole, where lists cut them.
  EXPECT_THAT(
      text,
      HasSubstr("board/actions/30  2026-11-30  open            Janet McIntyre  Draft continuity "
                "arrangements for seconded lead officers, with a handover plan for every "
                "workstream\n"));
  EXPECT_THAT(text, HasSubstr("matters arising from board/14:\n"));
  EXPECT_THAT(text,
              HasSubstr("board/14/1  2026-10-15  noted    -     Noted the tracker summary\n"));

  pack.clear_decisions_due();
  pack.clear_open_actions();
  pack.clear_previous_decisions();
  EXPECT_THAT(MeetingPackText(pack), HasSubstr("decisions due: none\n"));
  EXPECT_THAT(MeetingPackText(pack), HasSubstr("open actions: none\n"));
  EXPECT_THAT(MeetingPackText(pack),
              HasSubstr("matters arising from board/14: no decisions recorded\n"));
  pack.clear_previous_meeting();
  EXPECT_THAT(MeetingPackText(pack), HasSubstr("matters arising: no previous meeting\n"));
}

TEST(GovernanceViewsTest, DecisionsAndActionsLists) {
  gov::ListDecisionsResponse decisions;
  auto* d = decisions.add_decisions();
  d->set_name("bodies/regional-education-committee/meetings/3/decisions/1");
  d->set_outcome(gov::Decision::AGREED);
  d->set_plan("plans/2022-23");
  d->set_text(std::string(80, 'x'));
  SetDay(d->mutable_meeting_date(), 2022, 6, 30);
  const std::string text = DecisionsText(decisions);
  EXPECT_THAT(text, HasSubstr("regional-education-committee/3/1  2022-06-30  agreed   2022-23  "));
  EXPECT_THAT(text, HasSubstr(std::string(57, 'x') + "...\n"));
  EXPECT_THAT(text, HasSubstr("1 decision\n"));

  gov::ListActionsResponse actions;
  *actions.add_actions() = MakeAction(4, "Line one\nline two", false);
  actions.mutable_actions(0)->set_owner_display_name("");
  actions.mutable_actions(0)->clear_due_date();
  actions.mutable_actions(0)->set_state(gov::Action::IN_PROGRESS);
  const std::string actions_text = ActionsText(actions);
  // No display name: the owner's id; no due date: a dash.
  EXPECT_THAT(
      actions_text,
      HasSubstr("board/actions/4  -    in progress    janet-mcintyre  Line one line two\n"));
  EXPECT_THAT(actions_text, HasSubstr("1 action\n"));
}

}  // namespace
}  // namespace wp::wpctl
