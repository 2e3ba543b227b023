#include "services/learning/statistics/learning_statistics.h"

#include <map>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/populations/population_events.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/evaluations/evaluations.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/statistics/statistics_store.h"
#include "services/learning/testing/learning_fixture.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

// Two held sessions of a programme (completion: 2) and a conference ahead;
// five GCC practitioners and two from Inverclyde. The figures each test
// expects are worked out in the comments.
class LearningStatisticsTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeProgramme("prog", /*min_events=*/2);
    MakeEvent("e1", -absl::Hours(48), 10, "prog");
    MakeEvent("e2", -absl::Hours(24), 10, "prog");
    MakeEvent("e3", absl::Hours(24), 1);
    for (const char* id : {"G1", "G2", "G3"}) MakePractitioner(id, "GCC", v1::CLASS_TEACHER);
    for (const char* id : {"G4", "G5"}) MakePractitioner(id, "GCC", v1::HEADTEACHER);
    MakePractitioner("I1", "INV", v1::CLASS_TEACHER);
    MakePractitioner("I2", "INV", v1::CLASS_TEACHER);
    // e1: six places; all but G5 attend. e2: G1 and G2, and I2 walks in.
    for (const char* id : {"G1", "G2", "G3", "G4", "G5", "I1"}) Register("e1", id);
    Attend("e1", {"G1", "G2", "G3", "G4", "I1"});
    for (const char* id : {"G1", "G2"}) Register("e2", id);
    Attend("e2", {"G1", "G2", "I2"});
    Hold("e1");
    Hold("e2");
    // e3, ahead: G1 takes the one place, G2 waits.
    Register("e3", "G1");
    Register("e3", "G2");
    // e1's answers: (knowledge, confidence) pre G1 (2,2) G2 (3,3) G3 (4,4);
    // post G1 (4,3) G2 (3,4) G3 (3,4) G4 (5,5); ratings 5, 4, 5, 5.
    Answer("G1", v1::PRE, 2, 2, 0);
    Answer("G2", v1::PRE, 3, 3, 0);
    Answer("G3", v1::PRE, 4, 4, 0);
    Answer("G1", v1::POST, 4, 3, 5);
    Answer("G2", v1::POST, 3, 4, 4);
    Answer("G3", v1::POST, 3, 4, 5);
    Answer("G4", v1::POST, 5, 5, 5);
    // GCC has 200 teachers and practitioners in 2025-26; Inverclyde's
    // figures are not known.
    SetTeachers("GCC", "2025-26", 200);
  }

  void Register(const std::string& event, const std::string& practitioner) {
    v1::RegisterRequest request;
    request.set_event("events/" + event);
    request.set_practitioner("practitioners/" + practitioner);
    request.set_after_cutoff(true);
    absl::StatusOr<v1::Registration> r = Registrations(*db_).Register(caller_, request, now_ - absl::Hours(72));
    ASSERT_TRUE(r.ok()) << r.status();
  }

  void Attend(const std::string& event, const std::vector<std::string>& practitioners) {
    v1::RecordAttendanceRequest request;
    request.set_event("events/" + event);
    for (const std::string& id : practitioners) {
      v1::AttendanceEntry* entry = request.add_entries();
      entry->set_practitioner("practitioners/" + id);
      entry->set_attended(true);
    }
    absl::StatusOr<v1::RecordAttendanceResponse> r = Registrations(*db_).RecordAttendance(caller_, request, now_);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->rejected(), 0);
  }

  void Hold(const std::string& event) {
    v1::MarkEventHeldRequest request;
    request.set_name("events/" + event);
    ASSERT_TRUE(LearningEvents(*db_).MarkHeld(caller_, request, now_).ok());
  }

  void Answer(const std::string& practitioner, v1::Stage stage, int knowledge, int confidence, int rating) {
    v1::SubmitEvaluationRequest request;
    v1::Evaluation* e = request.mutable_evaluation();
    e->set_event("events/e1");
    e->set_practitioner("practitioners/" + practitioner);
    e->set_stage(stage);
    e->set_knowledge(knowledge);
    e->set_understanding(3);
    e->set_confidence(confidence);
    if (stage == v1::POST) {
      e->set_overall_rating(rating);
      e->set_expected_impact(4);
    }
    absl::StatusOr<v1::Evaluation> made = Evaluations(*db_).Submit(caller_, request, now_);
    ASSERT_TRUE(made.ok()) << made.status();
  }

  void SetTeachers(const std::string& authority, const std::string& session, int teachers) {
    governance::v1::AuthorityPopulationUpdated payload;
    payload.mutable_population()->set_name("authorities/" + authority + "/populations/" + session);
    payload.mutable_population()->set_teachers_and_practitioners(teachers);
    payload.mutable_population()->set_etag("1");
    wp::common::v1::Event event;
    event.set_id("population-" + authority);
    event.set_type(populations::kPopulationUpdated);
    event.mutable_payload()->PackFrom(payload);
    ASSERT_TRUE(db_->Write([&](store::Transaction& tx) { return populations::ApplyPopulationEvent(tx, event); }).ok());
  }

  v1::Statistics Get(const v1::GetStatisticsRequest& request) {
    absl::StatusOr<v1::Statistics> s = LearningStatistics(*db_).Get(request, absl::ToCivilDay(now_, absl::UTCTimeZone()));
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : v1::Statistics();
  }
};

TEST_P(LearningStatisticsTest, AProgrammesFiguresWorkedOutByHand) {
  v1::GetStatisticsRequest request;
  request.set_programme("programmes/prog");
  const v1::Figures f = Get(request).totals();
  EXPECT_EQ(f.events(), 2);
  EXPECT_EQ(f.held_events(), 2);
  EXPECT_EQ(f.registered(), 9);   // e1 6, e2 2 and the walk-in
  EXPECT_EQ(f.attended(), 8);     // 5 + 3
  EXPECT_EQ(f.no_shows(), 1);     // G5 at e1
  EXPECT_DOUBLE_EQ(f.attendance_percent(), 88.9);  // 8 / 9
  EXPECT_EQ(f.waiting(), 0);      // the conference is not in the programme
  EXPECT_EQ(f.pre_responses(), 3);
  EXPECT_EQ(f.post_responses(), 4);
  EXPECT_DOUBLE_EQ(f.response_percent(), 50.0);  // 4 / 8
  EXPECT_EQ(f.paired_responses(), 3);            // G1, G2, G3
  EXPECT_EQ(f.increased_knowledge(), 1);         // G1 (+2); G2 0, G3 -1
  EXPECT_DOUBLE_EQ(f.increased_knowledge_percent(), 33.3);
  EXPECT_EQ(f.increased_confidence(), 2);        // G1 +1, G2 +1; G3 0
  EXPECT_DOUBLE_EQ(f.increased_confidence_percent(), 66.7);
  EXPECT_DOUBLE_EQ(f.mean_knowledge_change(), 0.33);   // (2 + 0 - 1) / 3
  EXPECT_DOUBLE_EQ(f.mean_understanding_change(), 0.0);
  EXPECT_DOUBLE_EQ(f.mean_confidence_change(), 0.67);  // (1 + 1 + 0) / 3
  EXPECT_EQ(f.rated_excellent(), 3);
  EXPECT_DOUBLE_EQ(f.excellent_percent(), 75.0);
  EXPECT_EQ(f.completions(), 2);                 // G1 and G2 attended both
  EXPECT_EQ(f.practitioners_reached(), 6);       // G1-G4, I1, I2
  EXPECT_EQ(f.practitioner_population(), 200);   // GCC's; Inverclyde's unknown
  EXPECT_DOUBLE_EQ(f.reached_percent(), 3.0);
}

TEST_P(LearningStatisticsTest, TheRegionCountsEveryEventAndTheWaitingList) {
  v1::Statistics s = Get(v1::GetStatisticsRequest());
  EXPECT_EQ(s.totals().events(), 3);
  EXPECT_EQ(s.totals().held_events(), 2);
  EXPECT_EQ(s.totals().registered(), 10);  // and G1's place at e3
  EXPECT_EQ(s.totals().waiting(), 1);      // G2 at e3
  EXPECT_EQ(s.totals().no_shows(), 1);     // e3 is not held: its place is no no-show
  EXPECT_EQ(s.population_session(), "2025-26");
  EXPECT_EQ(s.population_missing_size(), 7);
}

TEST_P(LearningStatisticsTest, SplitsOfFewerThanFivePractitionersAreSuppressed) {
  v1::GetStatisticsRequest request;
  request.set_programme("programmes/prog");
  request.set_split(v1::BY_AUTHORITY);
  v1::Statistics s = Get(request);
  ASSERT_EQ(s.splits_size(), 2);
  EXPECT_EQ(s.splits(0).key(), "GCC");
  EXPECT_FALSE(s.splits(0).suppressed());
  EXPECT_EQ(s.splits(0).figures().registered(), 7);  // G1-G5 at e1, G1 and G2 at e2
  EXPECT_EQ(s.splits(0).figures().attended(), 6);
  EXPECT_EQ(s.splits(0).figures().practitioners_reached(), 4);
  EXPECT_DOUBLE_EQ(s.splits(0).figures().reached_percent(), 2.0);  // 4 / 200
  EXPECT_EQ(s.splits(1).key(), "INV");
  EXPECT_TRUE(s.splits(1).suppressed());
  EXPECT_FALSE(s.splits(1).has_figures());

  request.set_split(v1::BY_ROLE);
  s = Get(request);
  ASSERT_EQ(s.splits_size(), 2);
  EXPECT_EQ(s.splits(0).key(), "CLASS_TEACHER");  // G1-G3, I1, I2: five
  EXPECT_FALSE(s.splits(0).suppressed());
  EXPECT_EQ(s.splits(1).key(), "HEADTEACHER");
  EXPECT_TRUE(s.splits(1).suppressed());
}

TEST_P(LearningStatisticsTest, OneAuthorityOneEventOrOneDay) {
  v1::GetStatisticsRequest inverclyde;
  inverclyde.set_authority("INV");
  v1::Statistics s = Get(inverclyde);
  EXPECT_EQ(s.totals().registered(), 2);
  EXPECT_EQ(s.totals().attended(), 2);
  EXPECT_EQ(s.totals().practitioner_population(), 0);
  EXPECT_EQ(std::vector<std::string>(s.population_missing().begin(), s.population_missing().end()),
            std::vector<std::string>{"INV"});

  v1::GetStatisticsRequest event;
  event.set_event("events/e1");
  s = Get(event);
  EXPECT_EQ(s.totals().events(), 1);
  EXPECT_EQ(s.totals().registered(), 6);
  EXPECT_EQ(s.totals().completions(), 0);  // an event completes nothing

  // e2 started on 1 March 2026.
  v1::GetStatisticsRequest day;
  *day.mutable_from() = test_support::Day(2026, 3, 1);
  *day.mutable_to() = test_support::Day(2026, 3, 1);
  s = Get(day);
  EXPECT_EQ(s.totals().events(), 1);
  EXPECT_EQ(s.totals().registered(), 3);
  EXPECT_EQ(s.population_session(), "2025-26");
}

// Totals over every practitioner are summed from event_figures; a split is
// counted from the rows. After every kind of write the two must agree.
TEST_P(LearningStatisticsTest, TotalsFromEventFiguresAgreeWithTheRows) {
  v1::CancelRegistrationRequest cancel;  // G1 gives up e3's place; G2 moves up
  cancel.set_name("events/e3/registrations/G1");
  ASSERT_TRUE(Registrations(*db_).Cancel(caller_, cancel, now_).ok());
  Answer("G2", v1::POST, 5, 5, 5);  // replaces G2's post answer
  Attend("e2", {"G3"});              // a second walk-in after the event was held

  for (const char* programme : {"", "programmes/prog"}) {
    v1::GetStatisticsRequest request;
    request.set_programme(programme);
    request.set_split(v1::BY_AUTHORITY);
    absl::StatusOr<StatisticsScope> scope = ScopeOf(request, absl::CivilDay(2026, 3, 2));
    ASSERT_TRUE(scope.ok()) << scope.status();
    absl::StatusOr<std::map<std::string, StatisticsCounts>> totals, groups;
    ASSERT_TRUE(db_->Read([&](store::Transaction& tx) {
                     totals = CountStatistics(tx, *scope, /*split=*/false);
                     groups = CountStatistics(tx, *scope, /*split=*/true);
                     return absl::OkStatus();
                   })
                    .ok());
    ASSERT_TRUE(totals.ok()) << totals.status();
    ASSERT_TRUE(groups.ok()) << groups.status();
    StatisticsCounts sum;
    for (const auto& [key, c] : *groups) {
      sum.registered += c.registered;
      sum.attended += c.attended;
      sum.no_shows += c.no_shows;
      sum.placed_at_held += c.placed_at_held;
      sum.waiting += c.waiting;
      sum.late_cancellations += c.late_cancellations;
      sum.reached += c.reached;
      sum.pre_responses += c.pre_responses;
      sum.post_responses += c.post_responses;
      sum.rated_excellent += c.rated_excellent;
      sum.pairs += c.pairs;
      sum.increased_knowledge += c.increased_knowledge;
      sum.increased_confidence += c.increased_confidence;
      sum.knowledge_change_sum += c.knowledge_change_sum;
      sum.understanding_change_sum += c.understanding_change_sum;
      sum.confidence_change_sum += c.confidence_change_sum;
      sum.completions += c.completions;
    }
    const StatisticsCounts& t = totals->at("");
    SCOPED_TRACE(programme);
    EXPECT_EQ(t.registered, sum.registered);
    EXPECT_EQ(t.attended, sum.attended);
    EXPECT_EQ(t.no_shows, sum.no_shows);
    EXPECT_EQ(t.placed_at_held, sum.placed_at_held);
    EXPECT_EQ(t.waiting, sum.waiting);
    EXPECT_EQ(t.late_cancellations, sum.late_cancellations);
    EXPECT_EQ(t.reached, sum.reached);
    EXPECT_EQ(t.pre_responses, sum.pre_responses);
    EXPECT_EQ(t.post_responses, sum.post_responses);
    EXPECT_EQ(t.rated_excellent, sum.rated_excellent);
    EXPECT_EQ(t.pairs, sum.pairs);
    EXPECT_EQ(t.increased_knowledge, sum.increased_knowledge);
    EXPECT_EQ(t.increased_confidence, sum.increased_confidence);
    EXPECT_EQ(t.knowledge_change_sum, sum.knowledge_change_sum);
    EXPECT_EQ(t.understanding_change_sum, sum.understanding_change_sum);
    EXPECT_EQ(t.confidence_change_sum, sum.confidence_change_sum);
    EXPECT_EQ(t.completions, sum.completions);
  }
  // And the figures moved with the writes: e3's place went to G2, G3 walked
  // in to e2, and G2's answer now shows more knowledge.
  const v1::Figures region = Get(v1::GetStatisticsRequest()).totals();
  EXPECT_EQ(region.registered(), 11);
  EXPECT_EQ(region.waiting(), 0);
  EXPECT_EQ(region.increased_knowledge(), 2);
}

TEST_P(LearningStatisticsTest, BadRequestsNameTheField) {
  v1::GetStatisticsRequest two;
  two.set_event("events/e1");
  two.set_programme("programmes/prog");
  absl::CivilDay today(2026, 3, 2);
  EXPECT_EQ(FieldsOf(LearningStatistics(*db_).Get(two, today).status()), std::vector<std::string>{"event"});
  v1::GetStatisticsRequest bad;
  bad.set_workstream("workstreams/2");
  bad.set_authority("XX");
  *bad.mutable_from() = test_support::Day(2026, 2, 30);
  EXPECT_EQ(FieldsOf(LearningStatistics(*db_).Get(bad, today).status()),
            (std::vector<std::string>{"workstream", "authority", "from.day"}));
  v1::GetStatisticsRequest backwards;
  *backwards.mutable_from() = test_support::Day(2026, 3, 2);
  *backwards.mutable_to() = test_support::Day(2026, 3, 1);
  EXPECT_EQ(FieldsOf(LearningStatistics(*db_).Get(backwards, today).status()), std::vector<std::string>{"from"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(LearningStatisticsTest);

}  // namespace
}  // namespace wp::learning
