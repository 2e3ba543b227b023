// The governance demo data set checked against the rules the governance
// service enforces (so loading it cannot fail on the data) and against what
// the demo promises (the real structure, figures that add up, a meeting pack
// worth opening).
#include "tools/demo/governance_demo.h"

#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/demo_data.h"
#include "tools/demo/governance_loader.h"

namespace wp::demo {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;


absl::CivilDay Civil(const common::v1::Date& d) {
  return absl::CivilDay(d.year(), d.month(), d.day());
}

// The quorum rules seeded by services/governance/core/migrations.cc.
struct Rule {
  int minimum;
  bool chair;
};
const std::map<std::string, Rule>& Rules() {
  static const auto* rules = new std::map<std::string, Rule>{
      {"bodies/regional-education-committee", {5, true}},
      {"bodies/board", {5, false}},
      {"bodies/implementation-group", {3, true}},
      {"bodies/finance-sub-group", {4, false}},
  };
  return *rules;
}

// Judged on several load days: a term day, 29 February, a July day between
// sessions, the first day of a session and of a financial year.
class GovernanceDemoTest : public ::testing::TestWithParam<absl::CivilDay> {
 protected:
  const absl::CivilDay today_ = GetParam();
  GovernanceDemo demo_ = BuildGovernanceDemo(today_);

  // The membership `person` holds on `body` on `day`, or nullptr.
  const gv1::Membership* SeatOn(const std::string& body, const std::string& person,
                                absl::CivilDay day) const {
    for (const auto& request : demo_.memberships) {
      const gv1::Membership& m = request.membership();
      if (request.parent() != body || m.person() != person) continue;
      if (Civil(m.start_date()) > day) continue;
      if (m.has_end_date() && Civil(m.end_date()) < day) continue;
      return &m;
    }
    return nullptr;
  }

  std::vector<const GovMeeting*> Meetings() const {
    std::vector<const GovMeeting*> out;
    for (const GovEvent& e : demo_.timeline) {
      if (const auto* m = std::get_if<GovMeeting>(&e)) out.push_back(m);
    }
    return out;
  }

  const gv1::Plan& PlanOf(const std::string& name) const {
    for (const auto& request : demo_.plans) {
      if ("plans/" + request.plan_id() == name) return request.plan();
    }
    ADD_FAILURE() << "no plan " << name;
    static const gv1::Plan* none = new gv1::Plan();
    return *none;
  }
};

INSTANTIATE_TEST_SUITE_P(LoadDays, GovernanceDemoTest,
                         ::testing::Values(absl::CivilDay(2026, 11, 23), absl::CivilDay(2028, 2, 29),
                                           absl::CivilDay(2027, 7, 15), absl::CivilDay(2026, 8, 1),
                                           absl::CivilDay(2027, 4, 1), absl::CivilDay(2024, 5, 20)));

TEST_P(GovernanceDemoTest, IdsAndRequestIdsAreValidAndUnique) {
  std::set<std::string> ids;
  std::set<std::string> request_ids;
  auto check_request_id = [&](const std::string& id) {
    EXPECT_FALSE(id.empty());
    EXPECT_LE(id.size(), 100u) << id;
    EXPECT_TRUE(request_ids.insert(id).second) << "request_id used twice: " << id;
  };
  for (const auto& p : demo_.people) {
    const std::string& id = p.person_id();
    EXPECT_TRUE(ids.insert(id).second) << id;
    EXPECT_GE(id.size(), 2u);
    EXPECT_LE(id.size(), 63u);
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos)
        << id;
    check_request_id(p.request_id());
  }
  for (const auto& m : demo_.memberships) check_request_id(m.request_id());
  for (const auto& p : demo_.plans) check_request_id(p.request_id());
  for (const GovEvent& e : demo_.timeline) {
    std::visit(
        [&](const auto& event) {
          using T = std::decay_t<decltype(event)>;
          if constexpr (std::is_same_v<T, GovMeeting>) {
            check_request_id(event.request.request_id());
            for (const GovDecision& d : event.decisions) check_request_id(d.request.request_id());
          } else if constexpr (std::is_same_v<T, GovPlanStep>) {
            check_request_id(event.request_id);
          } else if constexpr (std::is_same_v<T, gv1::CreateBudgetLineRequest> ||
                               std::is_same_v<T, gv1::RecordSpendRequest>) {
            check_request_id(event.request_id());
          } else {
            check_request_id(event.request.request_id());
          }
        },
        e);
  }
}

TEST_P(GovernanceDemoTest, RequestIdsDoNotDependOnTheDay) {
  // A second load on another day must find what the first one made.
  // Another day of the same session and financial year, 40 days on or back.
  absl::CivilDay other = today_ + 40;
  if (CurrentSession(other) != CurrentSession(today_) || FinancialYearOf(other) != FinancialYearOf(today_)) {
    other = today_ - 40;
  }
  GovernanceDemo later = BuildGovernanceDemo(other);
  ASSERT_EQ(later.timeline.size(), demo_.timeline.size());
  for (size_t i = 0; i < later.timeline.size(); ++i) {
    if (const auto* m = std::get_if<GovMeeting>(&demo_.timeline[i])) {
      EXPECT_EQ(std::get<GovMeeting>(later.timeline[i]).request.request_id(),
                m->request.request_id());
    }
    if (const auto* a = std::get_if<GovAction>(&demo_.timeline[i])) {
      EXPECT_EQ(std::get<GovAction>(later.timeline[i]).request.request_id(),
                a->request.request_id());
    }
  }
}

TEST_P(GovernanceDemoTest, EveryPersonInASeatExists) {
  std::set<std::string> people;
  for (const auto& p : demo_.people) people.insert("people/" + p.person_id());
  for (const auto& m : demo_.memberships)
    EXPECT_TRUE(people.count(m.membership().person())) << m.membership().person();
  for (const GovEvent& e : demo_.timeline) {
    if (const auto* a = std::get_if<GovAction>(&e)) {
      EXPECT_TRUE(people.count(a->request.action().owner()));
    }
    if (const auto* s = std::get_if<GovSponsorship>(&e)) {
      EXPECT_TRUE(people.count(s->request.sponsorship().sponsor()));
    }
  }
}

TEST_P(GovernanceDemoTest, TheRealStructure) {
  const absl::CivilDay day(2022, 9, 1);
  std::map<std::string, std::vector<const gv1::Membership*>> current;
  for (const auto& request : demo_.memberships) {
    const gv1::Membership* m = SeatOn(request.parent(), request.membership().person(), day);
    if (m == &request.membership()) current[request.parent()].push_back(m);
  }
  // Board: the eight directors, one per authority, and three advisers.
  std::set<std::string> director_authorities;
  int advisers = 0;
  for (const gv1::Membership* m : current["bodies/board"]) {
    if (m->role() == gv1::Membership::DIRECTOR) {
      EXPECT_FALSE(m->advisory());
      director_authorities.insert(m->authority());
    } else {
      EXPECT_TRUE(m->advisory()) << m->role_title();
      ++advisers;
    }
  }
  EXPECT_THAT(director_authorities, SizeIs(8));
  EXPECT_EQ(advisers, 3);

  // Committee: only conveners, one per authority, one of them the chair.
  std::set<std::string> convener_authorities;
  int chairs = 0;
  for (const gv1::Membership* m : current["bodies/regional-education-committee"]) {
    EXPECT_THAT(m->role_title(), HasSubstr("Education Convener"));
    chairs += m->role() == gv1::Membership::CHAIR ? 1 : 0;
    convener_authorities.insert(m->authority());
  }
  EXPECT_THAT(current["bodies/regional-education-committee"], SizeIs(8));
  EXPECT_THAT(convener_authorities, SizeIs(8));
  EXPECT_EQ(chairs, 1);

  // Implementation Group: the RIC Lead in the chair and the three 2022-23 lead officers.
  int ig_chairs = 0;
  for (const gv1::Membership* m : current["bodies/implementation-group"]) {
    if (m->role() == gv1::Membership::CHAIR) {
      ++ig_chairs;
      EXPECT_THAT(m->role_title(), HasSubstr("RIC Lead"));
    } else {
      EXPECT_EQ(m->role(), gv1::Membership::WORKSTREAM_LEAD_OFFICER);
    }
  }
  EXPECT_EQ(ig_chairs, 1);
  EXPECT_THAT(current["bodies/implementation-group"], SizeIs(4));

  // Finance Sub-Group: one finance representative per authority.
  std::set<std::string> finance_authorities;
  for (const gv1::Membership* m : current["bodies/finance-sub-group"]) {
    EXPECT_EQ(m->role(), gv1::Membership::FINANCE_REPRESENTATIVE);
    finance_authorities.insert(m->authority());
  }
  EXPECT_THAT(finance_authorities, SizeIs(8));
}

TEST_P(GovernanceDemoTest, NobodyHoldsTwoSeatsOfABodyOnOneDay) {
  for (size_t i = 0; i < demo_.memberships.size(); ++i) {
    for (size_t j = i + 1; j < demo_.memberships.size(); ++j) {
      const auto& a = demo_.memberships[i];
      const auto& b = demo_.memberships[j];
      if (a.parent() != b.parent() || a.membership().person() != b.membership().person()) continue;
      const bool a_before_b = a.membership().has_end_date() &&
                              Civil(a.membership().end_date()) < Civil(b.membership().start_date());
      const bool b_before_a = b.membership().has_end_date() &&
                              Civil(b.membership().end_date()) < Civil(a.membership().start_date());
      EXPECT_TRUE(a_before_b || b_before_a) << a.request_id() << " overlaps " << b.request_id();
    }
  }
}

TEST_P(GovernanceDemoTest, PopulationsAddUpToAThirdOfScotland) {
  ASSERT_THAT(demo_.populations, SizeIs(8));
  int64_t learners = 0, practitioners = 0, establishments = 0;
  for (const gv1::Population& p : demo_.populations) {
    EXPECT_THAT(p.name(), HasSubstr("/populations/2022-23"));
    EXPECT_THAT(p.source(), HasSubstr("Approximate demo figures"));
    learners += p.learners();
    practitioners += p.teachers_and_practitioners();
    establishments += p.establishments();
    int in_quintiles = 0;
    int last = 0;
    for (const gv1::QuintileCount& q : p.establishments_by_quintile()) {
      EXPECT_GT(q.quintile(), last);
      last = q.quintile();
      in_quintiles += q.establishments();
    }
    EXPECT_LE(in_quintiles, p.establishments()) << p.name();
  }
  // Scotland has roughly 700,000 pupils.
  EXPECT_GT(learners, 220000);
  EXPECT_LT(learners, 250000);
  EXPECT_GT(establishments, 950);
  EXPECT_LT(establishments, 1050);
  EXPECT_GT(practitioners, 18500);
  EXPECT_LT(practitioners, 19500);
}

TEST_P(GovernanceDemoTest, PlansMatchTheWorkstreamsService) {
  ASSERT_THAT(demo_.plans, SizeIs(4));  // three past plans and the current one
  EXPECT_THAT(PlanOf("plans/2018-21").workstreams(), SizeIs(9));
  EXPECT_EQ(PlanOf("plans/2020-23").theme(), "recovery and renewal");
  std::map<int, std::string> titles;
  for (const auto& ws : DemoWorkstreams()) {
    if (ws.plan_period() == "2022-23") titles[ws.number()] = ws.title();
  }
  for (const std::string& name : {std::string("plans/2022-23"), "plans/" + CurrentSession(today_)}) {
    const gv1::Plan& plan = PlanOf(name);
    ASSERT_THAT(plan.workstreams(), SizeIs(3));
    for (const gv1::PlanWorkstream& ws : plan.workstreams())
      EXPECT_EQ(ws.title(), titles[ws.number()]);
  }
  for (const auto& request : demo_.plans) {
    std::set<int> numbers;
    for (const auto& ws : request.plan().workstreams()) numbers.insert(ws.number());
    for (const auto& p : request.plan().projects()) {
      EXPECT_TRUE(numbers.count(p.workstream_number())) << p.id();
      EXPECT_EQ(p.status(), gv1::PlanProject::ACTIVE);
    }
  }
}

TEST_P(GovernanceDemoTest, MeetingsAreQuorateWithMembersOnTheDay) {
  std::set<std::string> keys;
  for (const GovMeeting* m : Meetings()) {
    EXPECT_TRUE(keys.insert(m->key).second) << m->key;
    const absl::CivilDay day = Civil(m->request.meeting().meeting_date());
    if (!m->held) {
      EXPECT_GT(day, today_) << m->key;
      EXPECT_TRUE(m->decisions.empty());
      continue;
    }
    EXPECT_LT(day, today_) << m->key;
    const Rule rule = Rules().at(m->request.parent());
    int members = 0;
    bool chair = false;
    std::set<std::string> seen;
    for (const std::string& person : m->attendance.present()) {
      EXPECT_TRUE(seen.insert(person).second) << m->key << " lists " << person << " twice";
      const gv1::Membership* seat = SeatOn(m->request.parent(), person, day);
      ASSERT_NE(seat, nullptr) << person << " is not a member at " << m->key;
      members += seat->advisory() ? 0 : 1;
      chair |= seat->role() == gv1::Membership::CHAIR;
    }
    for (const std::string& person : m->attendance.apologies()) {
      EXPECT_FALSE(seen.count(person)) << person << " both present and apologising at " << m->key;
    }
    EXPECT_GE(members, rule.minimum) << m->key;
    if (rule.chair) {
      EXPECT_TRUE(chair) << m->key;
    }
  }
}

// Plays the timeline the way the service would judge it.
TEST_P(GovernanceDemoTest, TheTimelineFollowsTheServiceRules) {
  std::map<std::string, gv1::Plan::State> state;
  for (const auto& p : demo_.plans) state["plans/" + p.plan_id()] = gv1::Plan::DRAFT;
  std::map<std::string, const GovMeeting*> meetings;
  std::map<std::string, std::string> decision_meeting;
  struct Money {
    int64_t allocated = 0;
    int64_t spent = 0;
  };
  std::map<std::string, Money> lines;
  int sponsorships = 0;
  int amendments = 0;
  int reallocations = 0;

  auto check_at = [&](const GovAt& at) -> const GovMeeting* {
    if (at.meeting_key.empty()) return nullptr;
    EXPECT_TRUE(meetings.count(at.meeting_key)) << at.meeting_key;
    if (!meetings.count(at.meeting_key)) return nullptr;
    const GovMeeting* m = meetings[at.meeting_key];
    EXPECT_TRUE(m->held) << at.meeting_key;
    if (!at.decision_key.empty()) {
      EXPECT_EQ(decision_meeting[at.decision_key], at.meeting_key);
    }
    return m;
  };

  for (const GovEvent& e : demo_.timeline) {
    if (const auto* m = std::get_if<GovMeeting>(&e)) {
      meetings[m->key] = m;
      for (const GovDecision& d : m->decisions) {
        EXPECT_TRUE(decision_meeting.emplace(d.key, m->key).second) << d.key;
        const std::string& plan = d.request.decision().plan();
        if (!plan.empty()) {
          EXPECT_TRUE(state.count(plan)) << plan;
        }
      }
    } else if (const auto* step = std::get_if<GovPlanStep>(&e)) {
      // One step forward at a time; approval at the Board, endorsement at the Committee.
      EXPECT_EQ(static_cast<int>(step->to_state), static_cast<int>(state[step->plan]) + 1)
          << step->plan << " " << step->to_state;
      const GovMeeting* m = check_at(step->at);
      ASSERT_NE(m, nullptr);
      if (step->to_state == gv1::Plan::BOARD_APPROVED) {
        EXPECT_EQ(m->request.parent(), "bodies/board");
      }
      if (step->to_state == gv1::Plan::COMMITTEE_ENDORSED) {
        EXPECT_EQ(m->request.parent(), "bodies/regional-education-committee");
      }
      state[step->plan] = step->to_state;
    } else if (const auto* a = std::get_if<GovAmendment>(&e)) {
      const gv1::Plan::State s = state[a->request.parent()];
      EXPECT_TRUE(s >= gv1::Plan::BOARD_APPROVED && s <= gv1::Plan::ACTIVE);
      const GovMeeting* m = check_at(a->at);
      ASSERT_NE(m, nullptr);
      EXPECT_EQ(m->request.parent(), a->request.amendment().approving_body());
      int prioritised = 0, paused = 0;
      std::set<std::string> projects;
      for (const auto& p : PlanOf(a->request.parent()).projects()) projects.insert(p.id());
      for (const auto& change : a->request.amendment().project_changes()) {
        EXPECT_TRUE(projects.count(change.project().id())) << change.project().id();
        prioritised += change.project().status() == gv1::PlanProject::PRIORITISED ? 1 : 0;
        paused += change.project().status() == gv1::PlanProject::PAUSED ? 1 : 0;
      }
      EXPECT_EQ(prioritised, 7);
      EXPECT_GT(paused, 0);
      EXPECT_EQ(prioritised + paused, static_cast<int>(projects.size()));
      ++amendments;
    } else if (const auto* s = std::get_if<GovSponsorship>(&e)) {
      EXPECT_NE(state[s->request.parent()], gv1::Plan::CLOSED);
      check_at(s->at);
      const gv1::Membership* seat = SeatOn("bodies/board", s->request.sponsorship().sponsor(),
                                           Civil(s->request.sponsorship().start_date()));
      ASSERT_NE(seat, nullptr) << s->request.sponsorship().sponsor();
      EXPECT_FALSE(seat->advisory());
      ++sponsorships;
    } else if (const auto* line = std::get_if<gv1::CreateBudgetLineRequest>(&e)) {
      EXPECT_NE(state[line->parent()], gv1::Plan::CLOSED);
      const std::string name = line->parent() + "/budgetLines/" + line->budget_line_id();
      EXPECT_FALSE(lines.count(name)) << name;
      lines[name].allocated = line->budget_line().allocated_pence();
      bool project_found = line->budget_line().project_id().empty();
      for (const auto& p : PlanOf(line->parent()).projects()) {
        if (p.id() == line->budget_line().project_id()) {
          project_found = true;
          EXPECT_EQ(p.workstream_number(), line->budget_line().workstream_number());
        }
      }
      EXPECT_TRUE(project_found) << name;
    } else if (const auto* spend = std::get_if<gv1::RecordSpendRequest>(&e)) {
      ASSERT_TRUE(lines.count(spend->name())) << spend->name();
      Money& money = lines[spend->name()];
      EXPECT_GT(spend->amount_pence(), 0);
      EXPECT_LE(spend->amount_pence(), money.allocated - money.spent) << spend->name();
      money.spent += spend->amount_pence();
    } else if (const auto* r = std::get_if<GovReallocation>(&e)) {
      const gv1::Reallocation& move = r->request.reallocation();
      ASSERT_TRUE(lines.count(move.from_line()) && lines.count(move.to_line()));
      EXPECT_THAT(move.from_line(), HasSubstr("mentoring"));
      EXPECT_THAT(move.to_line(), HasSubstr("coaching"));
      EXPECT_EQ(move.approving_body(), "bodies/finance-sub-group");
      const GovMeeting* m = check_at(r->at);
      ASSERT_NE(m, nullptr);
      EXPECT_EQ(m->request.parent(), move.approving_body());
      Money& from = lines[move.from_line()];
      EXPECT_LE(move.amount_pence(), from.allocated - from.spent);
      from.allocated -= move.amount_pence();
      lines[move.to_line()].allocated += move.amount_pence();
      ++reallocations;
    } else if (const auto* action = std::get_if<GovAction>(&e)) {
      const GovMeeting* m = check_at(action->at);
      if (m != nullptr) {
        EXPECT_EQ(m->request.parent(), action->request.parent());
      }
    }
  }
  EXPECT_EQ(state["plans/2018-21"], gv1::Plan::CLOSED);
  EXPECT_EQ(state["plans/2022-23"], gv1::Plan::CLOSED);
  EXPECT_EQ(state["plans/" + CurrentSession(today_)], gv1::Plan::ACTIVE);
  EXPECT_EQ(amendments, 1);
  // demo_data.h names five sponsors of the 2022-23 workstreams; they carry on into 2026-27.
  EXPECT_EQ(sponsorships, 10);
  EXPECT_EQ(reallocations, 2);
  EXPECT_THAT(lines, SizeIs(10));
}

TEST_P(GovernanceDemoTest, TheNextBoardMeetingHasAPackWorthOpening) {
  const GovMeeting* next = nullptr;
  for (const GovMeeting* m : Meetings()) {
    if (!m->held) next = m;
  }
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->request.parent(), "bodies/board");
  const absl::CivilDay day = Civil(next->request.meeting().meeting_date());
  EXPECT_GE(day - today_, 14);
  EXPECT_LE(day - today_, 21);
  int decisions_required = 0;
  for (const auto& item : next->request.meeting().agenda_items()) {
    decisions_required += item.decision_required() ? 1 : 0;
  }
  EXPECT_GE(decisions_required, 1);

  // The Board's open actions as the pack judges them, on the meeting date.
  int open = 0, overdue = 0, overdue_today = 0;
  for (const GovEvent& e : demo_.timeline) {
    const auto* a = std::get_if<GovAction>(&e);
    if (a == nullptr || a->request.parent() != "bodies/board") continue;
    const gv1::Action& action = a->request.action();
    if (action.state() == gv1::Action::DONE || action.state() == gv1::Action::CANCELLED) {
      EXPECT_TRUE(action.has_completed_date() || action.state() == gv1::Action::CANCELLED);
      if (action.has_completed_date()) {
        EXPECT_LE(Civil(action.completed_date()), today_);
      }
      continue;
    }
    ++open;
    if (action.has_due_date() && Civil(action.due_date()) < day) ++overdue;
    if (action.has_due_date() && Civil(action.due_date()) < today_) ++overdue_today;
  }
  EXPECT_GE(open, 3);
  EXPECT_EQ(overdue, 1);
  EXPECT_EQ(overdue_today, 1);
}

TEST(SummaryLineTest, OneLineSayingWhatWasLoaded) {
  GovernanceLoadCounts counts;
  counts.people = 41;
  counts.populations = 8;
  counts.region_learners = 240000;
  counts.meetings = 16;
  counts.meetings_held = 15;
  counts.amendments = 1;
  counts.reallocations = 2;
  counts.plan_states = {"2018-21 closed", "2022-23 active"};
  counts.next_meeting = "bodies/board/meetings/8";
  const std::string line = SummaryLine(counts);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_THAT(line, HasSubstr("governance: 41 people, "));
  EXPECT_THAT(line, HasSubstr("2022-23 figures for 8 authorities (240,000 learners)"));
  EXPECT_THAT(line, HasSubstr("plans 2018-21 closed, 2022-23 active"));
  EXPECT_THAT(line, HasSubstr("16 meetings (15 held)"));
  EXPECT_THAT(line, HasSubstr("1 amendment, "));
  EXPECT_THAT(line, HasSubstr("2 reallocations, "));
  EXPECT_THAT(line, HasSubstr("next meeting bodies/board/meetings/8"));
  counts.region_learners = 1234567;
  EXPECT_THAT(SummaryLine(counts), HasSubstr("(1,234,567 learners)"));
}

}  // namespace
}  // namespace wp::demo
