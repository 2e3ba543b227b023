// Reach, baselines and targets on either store engine: usage ingested and
// populations applied as the governance events deliver them, read back
// through ReachQueries, Baselines, Targets and TargetEvaluator.
#include <memory>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "libs/populations/population_events.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"
#include "services/westos/targets/baselines.h"
#include "services/westos/targets/reach.h"
#include "services/westos/targets/target_evaluator.h"
#include "services/westos/targets/targets.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::westos {
namespace {

wp::common::v1::Date Jan(int day) {
  wp::common::v1::Date d;
  d.set_year(2021);
  d.set_month(1);
  d.set_day(day);
  return d;
}

wp::common::v1::Date Feb(int day) {
  wp::common::v1::Date d = Jan(1);
  d.set_month(2);
  d.set_day(day);
  return d;
}

class TargetsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
    queries_ = std::make_unique<UsageQueries>(*db_, cache_);
    measures_ = std::make_unique<UsageMeasures>(*queries_);
    reach_ = std::make_unique<ReachQueries>(*db_, *queries_);
    baselines_ = std::make_unique<Baselines>(*db_, *measures_);
    targets_ = std::make_unique<Targets>(*db_, *measures_);
    evaluator_ = std::make_unique<TargetEvaluator>(*db_, *measures_, *reach_);
    // Session 2020-21: figures for Glasgow and Inverclyde only.
    Population("GCC", 100, 10);
    Population("INV", 50, 5);
  }

  void Population(const std::string& code, int learners, int teachers) {
    governance::v1::AuthorityPopulationUpdated payload;
    payload.mutable_population()->set_name(absl::StrCat("authorities/", code, "/populations/2020-21"));
    payload.mutable_population()->set_learners(learners);
    payload.mutable_population()->set_teachers_and_practitioners(teachers);
    payload.mutable_population()->set_etag("1");
    wp::common::v1::Event event;
    event.set_id("pop-" + code);
    event.set_type(populations::kPopulationUpdated);
    event.mutable_payload()->PackFrom(payload);
    ASSERT_TRUE(db_->Write([&](store::Transaction& tx) { return populations::ApplyPopulationEvent(tx, event); }).ok());
  }

  // `users` people (ids prefix0..) each with one event on the day.
  void Use(const std::string& prefix, int users, int day_of_january, const std::string& authority = "GCC",
           Role role = Role::kLearner, Action action = Action::kView, int rating = 0) {
    std::vector<IngestItem> items;
    for (int i = 0; i < users; ++i) {
      UsageEvent e;
      e.event_id = absl::StrCat(prefix, "-", i, "-", day_of_january, "-", static_cast<int>(action));
      e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, day_of_january, 10, 0, 0), absl::UTCTimeZone());
      e.user_id = absl::StrCat(prefix, i);
      e.role = role;
      e.authority = authority;
      e.sector = Sector::kSecondary;
      e.content_id = "maths-n5-01";
      e.action = action;
      e.rating = rating;
      IngestItem item;
      item.event_id = e.event_id;
      item.event = std::move(e);
      items.push_back(std::move(item));
    }
    absl::StatusOr<BatchResult> result = ingest_->Ingest(caller_, items);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_EQ(result->totals.accepted, users);
  }

  v1::Baseline MidJanuaryBaseline() {
    v1::CreateBaselineRequest request;
    request.set_baseline_id("mid-january");
    request.mutable_baseline()->set_title("Mid-January");
    *request.mutable_baseline()->mutable_from() = Jan(11);
    *request.mutable_baseline()->mutable_to() = Jan(15);
    absl::StatusOr<v1::Baseline> b = baselines_->Create(caller_, request);
    EXPECT_TRUE(b.ok()) << b.status();
    return b.ok() ? *b : v1::Baseline();
  }

  static v1::CreateTargetRequest Growth200() {
    v1::CreateTargetRequest request;
    request.set_target_id("users-up-200");
    v1::Target* t = request.mutable_target();
    t->set_title("Users up 200% from the mid-January baseline");
    t->set_kind(v1::GROWTH);
    t->set_baseline("baselines/mid-january");
    *t->mutable_start_date() = Jan(18);
    *t->mutable_deadline() = Feb(12);
    t->set_target_value(200);
    return request;
  }

  static v1::CreateTargetRequest Reach(const std::string& id, double percent, const std::string& authority) {
    v1::CreateTargetRequest request;
    request.set_target_id(id);
    v1::Target* t = request.mutable_target();
    t->set_kind(v1::REACH);
    *t->mutable_start_date() = Jan(18);
    *t->mutable_deadline() = Feb(12);
    t->set_target_value(percent);
    t->set_authority(authority);
    return request;
  }

  v1::Target Create(const v1::CreateTargetRequest& request) {
    absl::StatusOr<v1::Target> t = targets_->Create(caller_, request);
    EXPECT_TRUE(t.ok()) << t.status();
    return t.ok() ? *t : v1::Target();
  }

  v1::TargetStatus StatusOn(const std::string& name, const wp::common::v1::Date& as_of) {
    v1::GetTargetStatusRequest request;
    request.set_name(name);
    *request.mutable_as_of() = as_of;
    absl::StatusOr<v1::TargetStatus> s = evaluator_->Status(caller_, request);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : v1::TargetStatus();
  }

  int Published(const std::string& subject) {
    auto unsent = store::FetchUnsent(*db_, 10000);
    EXPECT_TRUE(unsent.ok()) << unsent.status();
    int n = 0;
    for (const store::OutboxMessage& m : *unsent) n += m.subject == subject;
    return n;
  }

  server::Caller caller_{"officer-1", "trace-1", "", "officer", {}, "/wp.westos.v1.UsageTargetService/Test"};
  std::unique_ptr<store::Database> db_;
  DayIndexCache cache_{64 << 20};
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  std::unique_ptr<UsageQueries> queries_;
  std::unique_ptr<UsageMeasures> measures_;
  std::unique_ptr<ReachQueries> reach_;
  std::unique_ptr<Baselines> baselines_;
  std::unique_ptr<Targets> targets_;
  std::unique_ptr<TargetEvaluator> evaluator_;
};

TEST_P(TargetsTest, ReachPerAuthorityAndRegionSaysWhichPopulationsAreMissing) {
  Use("gl", 12, 18);                                 // 12 Glasgow learners
  Use("gt", 2, 19, "GCC", Role::kTeacher);           // 2 Glasgow teachers
  Use("il", 5, 20, "INV");                           // 5 Inverclyde learners
  Use("el", 3, 20, "EDC");                           // East Dunbartonshire: no population figure
  v1::GetReachRequest request;
  *request.mutable_from() = Jan(18);
  *request.mutable_to() = Jan(22);
  absl::StatusOr<v1::ReachReport> r = reach_->GetReach(caller_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->session(), "2020-21");
  ASSERT_EQ(r->authorities_size(), 8);
  const v1::ReachFigures& edc = r->authorities(0).figures();
  EXPECT_EQ(r->authorities(0).authority(), "EDC");
  EXPECT_EQ(edc.distinct_users(), 3);
  EXPECT_TRUE(edc.population_missing());
  EXPECT_EQ(edc.reach_percent(), 0);
  const v1::ReachFigures& gcc = r->authorities(2).figures();
  EXPECT_EQ(gcc.distinct_users(), 14);
  EXPECT_EQ(gcc.population(), 110);
  EXPECT_NEAR(gcc.reach_percent(), 100.0 * 14 / 110, 1e-9);
  EXPECT_NEAR(r->authorities(3).figures().reach_percent(), 100.0 * 5 / 55, 1e-9);
  EXPECT_FALSE(r->authorities(3).figures().population_missing());
  EXPECT_EQ(r->region().distinct_users(), 22);
  EXPECT_TRUE(r->region().population_missing());
  EXPECT_EQ(r->authorities_missing_size(), 6);

  request.set_role(v1::TEACHER);
  r = reach_->GetReach(caller_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->authorities(2).figures().distinct_users(), 2);
  EXPECT_EQ(r->authorities(2).figures().population(), 10);
  EXPECT_NEAR(r->authorities(2).figures().reach_percent(), 20, 1e-9);
  // The region's 2 teachers are fewer than 5: suppressed.
  EXPECT_TRUE(r->region().suppressed());
  EXPECT_EQ(r->region().distinct_users(), 0);
}

TEST_P(TargetsTest, ReachUsesTheSessionOfTheRangesLastDay) {
  Use("gl", 12, 18);
  v1::GetReachRequest request;
  *request.mutable_from() = Jan(18);
  request.mutable_to()->set_year(2021);
  request.mutable_to()->set_month(8);
  request.mutable_to()->set_day(2);
  absl::StatusOr<v1::ReachReport> r = reach_->GetReach(caller_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->session(), "2021-22");
  EXPECT_TRUE(r->authorities(2).figures().population_missing());
  EXPECT_EQ(r->authorities_missing_size(), 8);
}

TEST_P(TargetsTest, ReachRefusesBadInputNamingTheField) {
  v1::GetReachRequest request;
  *request.mutable_to() = Jan(22);
  EXPECT_NE(reach_->GetReach(caller_, request).status().message().find("from"), std::string::npos);
  *request.mutable_from() = Jan(23);
  EXPECT_NE(reach_->GetReach(caller_, request).status().message().find("to: is before from"), std::string::npos);
  *request.mutable_from() = Jan(18);
  request.mutable_to()->set_day(32);
  EXPECT_NE(reach_->GetReach(caller_, request).status().message().find("to.day"), std::string::npos);
  *request.mutable_to() = Jan(22);
  request.set_role(v1::OTHER_ROLE);
  absl::Status s = reach_->GetReach(caller_, request).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("role: OTHER_ROLE"), std::string::npos) << s;
  request.set_role(static_cast<v1::UserRole>(9));
  EXPECT_NE(reach_->GetReach(caller_, request).status().message().find("role: 9"), std::string::npos);
}

TEST_P(TargetsTest, AuthorityOfficerSeesReachOfTheirOwnAuthoritiesOnly) {
  Use("gl", 12, 18);
  Use("il", 5, 20, "INV");
  server::Caller officer{"ao", "t", "", "authority_officer", {"INV"}, "/x"};
  v1::GetReachRequest request;
  *request.mutable_from() = Jan(18);
  *request.mutable_to() = Jan(22);
  absl::StatusOr<v1::ReachReport> r = reach_->GetReach(officer, request);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->authorities_size(), 1);
  EXPECT_EQ(r->authorities(0).authority(), "INV");
  EXPECT_EQ(r->region().distinct_users(), 5);
  EXPECT_EQ(r->region().population(), 55);
  EXPECT_FALSE(r->region().population_missing());
}

TEST_P(TargetsTest, BaselinesAreCreatedReadListedAndDeleted) {
  const v1::Baseline b = MidJanuaryBaseline();
  EXPECT_EQ(b.name(), "baselines/mid-january");
  EXPECT_EQ(Published("wp.westos.baseline.created"), 1);
  absl::StatusOr<v1::Baseline> got = baselines_->Get("baselines/mid-january");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "Mid-January");
  EXPECT_EQ(got->to().day(), 15);
  absl::StatusOr<v1::ListBaselinesResponse> list = baselines_->List();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->baselines_size(), 1);

  v1::CreateBaselineRequest again;
  again.set_baseline_id("mid-january");
  *again.mutable_baseline() = b;
  EXPECT_EQ(baselines_->Create(caller_, again).status().code(), absl::StatusCode::kAlreadyExists);

  Create(Growth200());
  absl::Status in_use = baselines_->Delete(caller_, "baselines/mid-january");
  EXPECT_EQ(in_use.code(), absl::StatusCode::kFailedPrecondition) << in_use;
  EXPECT_NE(in_use.message().find("targets/users-up-200"), std::string::npos) << in_use;
  ASSERT_TRUE(targets_->Delete(caller_, "targets/users-up-200").ok());
  ASSERT_TRUE(baselines_->Delete(caller_, "baselines/mid-january").ok());
  EXPECT_EQ(Published("wp.westos.baseline.deleted"), 1);
  EXPECT_EQ(baselines_->Get("baselines/mid-january").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(baselines_->Delete(caller_, "baselines/mid-january").code(), absl::StatusCode::kNotFound);
}

TEST_P(TargetsTest, BaselineBadInputNamesTheField) {
  struct Case {
    std::function<void(v1::CreateBaselineRequest&)> breaks;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](auto& r) { r.set_baseline_id(""); }, "baseline_id: is required"},
      {[](auto& r) { r.set_baseline_id("Mid January"); }, "baseline_id: may hold only"},
      {[](auto& r) { r.set_baseline_id("-x"); }, "baseline_id: must not start"},
      {[](auto& r) { r.set_baseline_id(std::string(64, 'a')); }, "baseline_id: is longer"},
      {[](auto& r) { r.mutable_baseline()->clear_from(); }, "baseline.from: is required"},
      {[](auto& r) { r.mutable_baseline()->mutable_to()->set_month(13); }, "baseline.to.month"},
      {[](auto& r) { *r.mutable_baseline()->mutable_to() = Jan(10); }, "baseline.to: is before"},
      {[](auto& r) { r.mutable_baseline()->mutable_from()->set_year(2005); }, "baseline.to: the range covers"},
      {[](auto& r) { r.mutable_baseline()->mutable_filter()->add_roles(static_cast<v1::UserRole>(7)); },
       "baseline.filter.roles"},
      {[](auto& r) { r.mutable_baseline()->mutable_filter()->add_authorities("Atlantis"); },
       "baseline.filter.authorities"},
      {[](auto& r) { r.mutable_baseline()->mutable_filter()->add_simd(6); }, "baseline.filter.simd"},
      {[](auto& r) { r.mutable_baseline()->mutable_filter()->add_sectors(static_cast<v1::Sector>(9)); },
       "baseline.filter.sectors"},
  };
  for (const Case& c : cases) {
    v1::CreateBaselineRequest request;
    request.set_baseline_id("b");
    *request.mutable_baseline()->mutable_from() = Jan(11);
    *request.mutable_baseline()->mutable_to() = Jan(15);
    c.breaks(request);
    absl::Status s = baselines_->Create(caller_, request).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.field << ": " << s;
    EXPECT_NE(s.message().find(c.field), std::string::npos) << c.field << ": " << s;
  }
  EXPECT_NE(baselines_->Get("mid-january").status().message().find("name: must be baselines/{id}"),
            std::string::npos);
}

TEST_P(TargetsTest, TargetBadInputNamesTheField) {
  MidJanuaryBaseline();
  struct Case {
    std::function<void(v1::CreateTargetRequest&)> breaks;
    std::string field;
    absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  };
  const std::vector<Case> cases = {
      {[](auto& r) { r.set_target_id("Users!"); }, "target_id: may hold only"},
      {[](auto& r) { r.set_target_id(""); }, "target_id: is required"},
      {[](auto& r) { r.mutable_target()->set_kind(v1::TARGET_KIND_UNSPECIFIED); }, "target.kind: is required"},
      {[](auto& r) { r.mutable_target()->set_kind(static_cast<v1::TargetKind>(9)); }, "target.kind: 9"},
      {[](auto& r) { r.mutable_target()->clear_baseline(); }, "target.baseline: is required"},
      {[](auto& r) { r.mutable_target()->set_baseline("mid-january"); }, "target.baseline: must be baselines/"},
      {[](auto& r) { r.mutable_target()->set_baseline("baselines/none"); }, "target.baseline: baselines/none does",
       absl::StatusCode::kFailedPrecondition},
      {[](auto& r) { r.mutable_target()->set_kind(v1::REACH); }, "target.baseline: is only for GROWTH"},
      {[](auto& r) { r.mutable_target()->clear_start_date(); }, "target.start_date: is required"},
      {[](auto& r) { r.mutable_target()->mutable_deadline()->set_day(30); }, "target.deadline.day"},
      {[](auto& r) { *r.mutable_target()->mutable_deadline() = Jan(18); }, "target.deadline: must be after"},
      {[](auto& r) { r.mutable_target()->set_target_value(0); }, "target.target_value"},
      {[](auto& r) { r.mutable_target()->set_target_value(200000); }, "target.target_value"},
      {[](auto& r) { r.mutable_target()->set_target_value(std::nan("")); }, "target.target_value"},
      {[](auto& r) { r.mutable_target()->set_start_value(200); }, "target.start_value"},
      {[](auto& r) { r.mutable_target()->set_start_value(-1); }, "target.start_value"},
      {[](auto& r) { r.mutable_target()->set_amber_tolerance(1); }, "target.amber_tolerance"},
      {[](auto& r) { r.mutable_target()->set_amber_tolerance(-0.1); }, "target.amber_tolerance"},
      {[](auto& r) { r.mutable_target()->set_authority("Atlantis"); }, "target.authority"},
      {[](auto& r) { r.mutable_target()->mutable_filter()->add_roles(v1::LEARNER); }, "target.filter: a GROWTH"},
  };
  for (const Case& c : cases) {
    v1::CreateTargetRequest request = Growth200();
    c.breaks(request);
    absl::Status s = targets_->Create(caller_, request).status();
    EXPECT_EQ(s.code(), c.code) << c.field << ": " << s;
    EXPECT_NE(s.message().find(c.field), std::string::npos) << c.field << ": " << s;
  }
  const std::vector<std::pair<std::function<void(v1::UsageFilter&)>, std::string>> reach_cases = {
      {[](auto& f) { f.add_roles(v1::OTHER_ROLE); }, "target.filter.roles"},
      {[](auto& f) { f.add_sectors(v1::PRIMARY); }, "target.filter.sectors"},
      {[](auto& f) { f.add_authorities("GCC"); }, "target.filter.authorities"},
      {[](auto& f) { f.add_subjects("Maths"); }, "target.filter.subjects"},
      {[](auto& f) { f.add_levels("N5"); }, "target.filter.levels"},
      {[](auto& f) { f.add_content_ids("x"); }, "target.filter.content_ids"},
      {[](auto& f) { f.add_simd(1); }, "target.filter.simd"},
  };
  for (const auto& [breaks, field] : reach_cases) {
    v1::CreateTargetRequest request = Reach("r", 10, "");
    breaks(*request.mutable_target()->mutable_filter());
    absl::Status s = targets_->Create(caller_, request).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << field << ": " << s;
    EXPECT_NE(s.message().find(field), std::string::npos) << field << ": " << s;
  }
  v1::CreateTargetRequest too_much = Reach("r", 100.5, "");
  EXPECT_NE(targets_->Create(caller_, too_much).status().message().find("target.target_value"), std::string::npos);
  EXPECT_EQ(Published("wp.westos.target.created"), 0);
  Create(Growth200());
  EXPECT_EQ(targets_->Create(caller_, Growth200()).status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(targets_->Get(caller_, "targets/none").status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(targets_->Get(caller_, "users-up-200").status().message().find("name: must be targets/{id}"),
            std::string::npos);
}

TEST_P(TargetsTest, GrowthComparesAWindowOfTheBaselinesLengthAndPublishesReachedOnce) {
  Use("base", 5, 12);  // 5 users in the baseline (Jan 11-15)
  MidJanuaryBaseline();
  Create(Growth200());
  Use("now", 10, 19);  // 10 users on Jan 19
  v1::TargetStatus s = StatusOn("targets/users-up-200", Jan(22));  // window Jan 18-22
  EXPECT_EQ(s.numerator(), 10);
  EXPECT_EQ(s.denominator(), 5);
  EXPECT_NEAR(s.current_value(), 100, 1e-9);
  EXPECT_FALSE(s.reached());
  // Day 4 of 25 on the way to 200%: 32% expected; 100% is above it.
  EXPECT_NEAR(s.expected_value(), 32, 1e-9);
  EXPECT_EQ(s.rag(), v1::GREEN);
  EXPECT_TRUE(s.on_track());
  EXPECT_EQ(Published("wp.westos.target.reached"), 0);

  Use("more", 5, 20);  // 15 users in the window: +200%
  s = StatusOn("targets/users-up-200", Jan(22));
  EXPECT_NEAR(s.current_value(), 200, 1e-9);
  EXPECT_TRUE(s.reached());
  EXPECT_EQ(s.rag(), v1::GREEN);
  EXPECT_EQ(s.target().reached_on().day(), 22);
  EXPECT_EQ(Published("wp.westos.target.reached"), 1);
  // Asked again, and by the periodic evaluation: never published again.
  StatusOn("targets/users-up-200", Jan(23));
  ASSERT_TRUE(evaluator_->EvaluateAll(ServiceCaller("test"), {}).ok());
  EXPECT_EQ(Published("wp.westos.target.reached"), 1);
  absl::StatusOr<v1::Target> t = targets_->Get(caller_, "targets/users-up-200");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->reached_on().day(), 22);
}

TEST_P(TargetsTest, ReachTargetIsAmberThenRedThenReachedByALateEvent) {
  Use("gl", 11, 18);  // 11 of Glasgow's 110: 10%
  Create(Reach("glasgow-half", 50, "Glasgow City"));
  // Day 4 of 25: 8% expected; 10% is on track.
  v1::TargetStatus s = StatusOn("targets/glasgow-half", Jan(22));
  EXPECT_EQ(s.target().authority(), "GCC");
  EXPECT_NEAR(s.current_value(), 10, 1e-9);
  EXPECT_EQ(s.numerator(), 11);
  EXPECT_EQ(s.denominator(), 110);
  EXPECT_EQ(s.rag(), v1::GREEN);
  // Jan 26: 16% expected, floor 11%: RED; Jan 23: 10% expected, so GREEN still; Jan 25: 14%, floor 9%: AMBER.
  EXPECT_EQ(StatusOn("targets/glasgow-half", Jan(26)).rag(), v1::RED);
  s = StatusOn("targets/glasgow-half", Jan(25));
  EXPECT_EQ(s.rag(), v1::AMBER);
  EXPECT_NE(s.reason().find("floor 9.00"), std::string::npos) << s.reason();
  // After the deadline, unreached: missed.
  s = StatusOn("targets/glasgow-half", Feb(20));
  EXPECT_EQ(s.rag(), v1::RED);
  EXPECT_EQ(s.as_of().day(), 12);  // measured up to the deadline
  EXPECT_NE(s.reason().find("missed"), std::string::npos) << s.reason();
  EXPECT_EQ(Published("wp.westos.target.reached"), 0);

  // Usage of January arriving late (after the deadline) reaches it: once.
  Use("late", 44, 20);
  absl::StatusOr<int> reached = evaluator_->CheckUnreached(absl::CivilDay(2026, 12, 3));
  ASSERT_TRUE(reached.ok()) << reached.status();
  EXPECT_EQ(*reached, 1);
  EXPECT_EQ(Published("wp.westos.target.reached"), 1);
  reached = evaluator_->CheckUnreached(absl::CivilDay(2026, 12, 3));
  ASSERT_TRUE(reached.ok());
  EXPECT_EQ(*reached, 0);  // reached targets are not looked at again
  s = StatusOn("targets/glasgow-half", Feb(20));
  EXPECT_TRUE(s.reached());
  EXPECT_EQ(s.rag(), v1::GREEN);
  ASSERT_TRUE(evaluator_->EvaluateAll(ServiceCaller("test"), {}).ok());
  EXPECT_EQ(Published("wp.westos.target.reached"), 1);
}

TEST_P(TargetsTest, RegionReachWithAMissingPopulationIsUnknownNotZero) {
  Use("gl", 11, 18);
  Create(Reach("region-10", 10, ""));
  const v1::TargetStatus s = StatusOn("targets/region-10", Jan(22));
  EXPECT_EQ(s.rag(), v1::RAG_UNKNOWN);
  EXPECT_NE(s.reason().find("no population figure for session 2020-21 (EDC, ERC, NLC, REN, SLC, WDC)"),
            std::string::npos)
      << s.reason();
  EXPECT_FALSE(s.reached());
}

TEST_P(TargetsTest, PositiveRatingsShareAndNotStartedYet) {
  Use("good", 4, 19, "GCC", Role::kLearner, Action::kRate, 5);
  Use("poor", 1, 19, "GCC", Role::kLearner, Action::kRate, 2);
  v1::CreateTargetRequest request;
  request.set_target_id("rated-well");
  request.mutable_target()->set_kind(v1::POSITIVE_RATINGS);
  *request.mutable_target()->mutable_start_date() = Jan(18);
  *request.mutable_target()->mutable_deadline() = Feb(12);
  request.mutable_target()->set_target_value(80);
  Create(request);
  v1::TargetStatus s = StatusOn("targets/rated-well", Jan(22));
  EXPECT_NEAR(s.current_value(), 80, 1e-9);
  EXPECT_EQ(s.numerator(), 4);
  EXPECT_EQ(s.denominator(), 5);
  EXPECT_TRUE(s.reached());
  s = StatusOn("targets/rated-well", Jan(10));
  EXPECT_EQ(s.rag(), v1::RAG_UNKNOWN);
  EXPECT_NE(s.reason().find("not started"), std::string::npos) << s.reason();
}

TEST_P(TargetsTest, AuthorityOfficerSeesOnlyTheTargetsOfTheirAuthorities) {
  Create(Reach("glasgow", 10, "GCC"));
  Create(Reach("inverclyde", 10, "INV"));
  server::Caller officer{"ao", "t", "", "authority_officer", {"INV"}, "/x"};
  absl::StatusOr<v1::ListTargetsResponse> list = targets_->List(officer);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->targets_size(), 1);
  EXPECT_EQ(list->targets(0).name(), "targets/inverclyde");
  EXPECT_EQ(targets_->Get(officer, "targets/glasgow").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<v1::EvaluateTargetsResponse> all = evaluator_->EvaluateAll(officer, {});
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->statuses_size(), 1);
}

TEST_P(TargetsTest, StatusAndDeleteRefuseBadNamesAndDates) {
  Create(Reach("glasgow", 10, "GCC"));
  v1::GetTargetStatusRequest request;
  request.set_name("glasgow");
  absl::Status s = evaluator_->Status(caller_, request).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("name: must be targets/{id}"), std::string::npos) << s;
  request.set_name("targets/Glasgow");
  EXPECT_NE(evaluator_->Status(caller_, request).status().message().find("name: may hold only"), std::string::npos);
  request.set_name("targets/nowhere");
  EXPECT_EQ(evaluator_->Status(caller_, request).status().code(), absl::StatusCode::kNotFound);
  request.set_name("targets/glasgow");
  request.mutable_as_of()->set_year(2021);
  request.mutable_as_of()->set_month(13);
  s = evaluator_->Status(caller_, request).status();
  EXPECT_NE(s.message().find("as_of.month"), std::string::npos) << s;
  v1::EvaluateTargetsRequest all;
  all.mutable_as_of()->set_year(2021);
  all.mutable_as_of()->set_month(2);
  all.mutable_as_of()->set_day(30);
  s = evaluator_->EvaluateAll(caller_, all).status();
  EXPECT_NE(s.message().find("as_of.day"), std::string::npos) << s;
  EXPECT_NE(targets_->Delete(caller_, "glasgow").message().find("name: must be targets/{id}"), std::string::npos);
  EXPECT_EQ(targets_->Delete(caller_, "targets/nowhere").code(), absl::StatusCode::kNotFound);
  EXPECT_NE(baselines_->Delete(caller_, "baselines/").message().find("name: is required"), std::string::npos);
  ASSERT_TRUE(targets_->Delete(caller_, "targets/glasgow").ok());
  EXPECT_EQ(Published("wp.westos.target.deleted"), 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TargetsTest);

}  // namespace
}  // namespace wp::westos
