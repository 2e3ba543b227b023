// Erasure and purge on either store engine, proved through the usage
// queries: a purge changes no figure and no count of people (with the day
// indexes cached and rebuilt), an erasure leaves figures exactly as if the
// person's events had never arrived, and purged or erased event ids stay
// taken for good.
#include "services/westos/privacy/usage_privacy.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"

namespace wp::westos {
namespace {

const absl::CivilDay kToday(2021, 3, 1);

UsageEvent Event(const std::string& id, const std::string& user, int day, Action action, int variant) {
  static const char* kAuthorities[] = {"GCC", "REN", "EDC"};
  UsageEvent e;
  e.event_id = id;
  e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, day, 8 + variant % 9, 0, 0), absl::UTCTimeZone());
  e.user_id = user;
  e.role = variant % 4 == 0 ? Role::kTeacher : Role::kLearner;
  e.authority = kAuthorities[variant % 3];
  e.establishment = absl::StrCat("S", variant % 5);
  e.sector = variant % 2 == 0 ? Sector::kPrimary : Sector::kSecondary;
  e.simd = variant % 6;
  e.content_id = absl::StrCat("lesson-", variant % 7);
  e.action = action;
  e.seconds = 30 * (variant % 11);
  e.rating = action == Action::kRate ? 1 + variant % 5 : 0;
  return e;
}

// Varied usage over 14..21 January: 40 people, each on several days, some
// in two authorities on one day ("mixed" people), all four actions.
std::vector<UsageEvent> Usage() {
  std::vector<UsageEvent> events;
  int n = 0;
  for (int user = 0; user < 40; ++user) {
    for (int day = 14 + user % 3; day <= 21; day += 1 + user % 2) {
      const Action action = static_cast<Action>(1 + (user + day) % 4);
      events.push_back(Event(absl::StrCat("e", n), absl::StrCat("u", user), day, action, user + (day % 2) * (user % 5 == 0)));
      ++n;
    }
  }
  return events;
}

std::vector<IngestItem> Items(const std::vector<UsageEvent>& events) {
  std::vector<IngestItem> items;
  for (const UsageEvent& e : events) {
    IngestItem item;
    item.event_id = e.event_id;
    item.event = e;
    items.push_back(std::move(item));
  }
  return items;
}

v1::QueryUsageRequest Request(v1::Period period, std::vector<v1::Dimension> by, const std::string& authority = "") {
  v1::QueryUsageRequest request;
  request.mutable_from()->set_year(2021);
  request.mutable_from()->set_month(1);
  request.mutable_from()->set_day(1);
  request.mutable_to()->set_year(2021);
  request.mutable_to()->set_month(1);
  request.mutable_to()->set_day(31);
  request.set_period(period);
  for (v1::Dimension d : by) request.add_group_by(d);
  if (!authority.empty()) request.mutable_filter()->add_authorities(authority);
  return request;
}

// Every report the tests compare: totals, days, splits, a filter on several
// dimensions (mixed people), content.
std::vector<v1::QueryUsageRequest> Reports() {
  std::vector<v1::QueryUsageRequest> reports = {
      Request(v1::PERIOD_UNSPECIFIED, {}),
      Request(v1::DAY, {v1::AUTHORITY}),
      Request(v1::ISO_WEEK, {v1::ROLE, v1::SIMD}),
      Request(v1::PERIOD_UNSPECIFIED, {v1::CONTENT}, "GCC"),
      Request(v1::DAY, {v1::SECTOR}, "REN"),
  };
  v1::QueryUsageRequest narrow = Request(v1::PERIOD_UNSPECIFIED, {});
  narrow.mutable_filter()->add_authorities("GCC");
  narrow.mutable_filter()->add_roles(v1::LEARNER);
  narrow.mutable_filter()->add_sectors(v1::PRIMARY);
  reports.push_back(narrow);
  return reports;
}

class UsagePrivacyTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override { db_ = Open(); }

  std::unique_ptr<store::Database> Open() {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }

  BatchResult Ingest(store::Database& db, const std::vector<UsageEvent>& events) {
    EventLocator locator(db.engine());
    UsageIngest ingest(db, locator);
    absl::StatusOr<BatchResult> result = ingest.Ingest(caller_, Items(events));
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : BatchResult{};
  }

  // The reports as text, with a cache that lives as long as `cache`.
  std::string Figures(store::Database& db, DayIndexCache& cache) {
    UsageQueries queries(db, cache);
    std::string all;
    for (const v1::QueryUsageRequest& request : Reports()) {
      absl::StatusOr<v1::UsageReport> report = queries.Query(caller_, request);
      EXPECT_TRUE(report.ok()) << report.status();
      if (report.ok()) absl::StrAppend(&all, report->DebugString(), "\n----\n");
    }
    return all;
  }
  std::string FreshFigures(store::Database& db) {
    DayIndexCache cache(64 << 20);
    return Figures(db, cache);
  }

  absl::StatusOr<PurgeResult> Purge(int before_day_of_january, bool dry_run = false) {
    UsagePrivacy privacy(*db_);
    return privacy.PurgeEvents(caller_, absl::CivilDay(2021, 1, before_day_of_january), dry_run, kToday);
  }

  int64_t Count(const std::string& sql) {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<store::Row> row = tx.QueryOne(sql);
                     if (!row.ok()) return row.status();
                     n = row->Int(0);
                     return absl::OkStatus();
                   }).ok());
    return n;
  }

  // A stored xAPI statement for the event (as StatementIntake keeps them).
  void PlantStatement(const std::string& event_id) {
    ASSERT_TRUE(db_->Write([&](store::Transaction& tx) {
                     return tx
                         .Execute("INSERT INTO xapi_statements (statement_id, stored_us, statement) VALUES (?, 1, ?)",
                                  {event_id, std::string("{\"actor\": \"...\"}")})
                         .status();
                   }).ok());
  }
  int64_t Statements() { return Count("SELECT COUNT(*) FROM xapi_statements"); }

  server::Caller caller_{"admin-1", "trace-1", "", "admin", {}, "/wp.westos.v1.UsagePrivacyService/PurgeEvents"};
  std::unique_ptr<store::Database> db_;
};

TEST_P(UsagePrivacyTest, APurgeChangesNoFigureAndNoCountOfPeople) {
  const std::vector<UsageEvent> usage = Usage();
  ASSERT_EQ(Ingest(*db_, usage).totals.accepted, static_cast<int64_t>(usage.size()));
  EventLocator locator(db_->engine());
  UsageIngest ingest(*db_, locator);
  ASSERT_TRUE(ingest.Retract(caller_, {"e3", "e40"}, "fix").ok());
  DayIndexCache cache(64 << 20);
  const std::string before = Figures(*db_, cache);  // and cached
  ASSERT_NE(before.find("distinct_users"), std::string::npos);

  // A dry run says what would go and changes nothing.
  absl::StatusOr<PurgeResult> dry = Purge(19, /*dry_run=*/true);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_EQ(dry->days, 5);  // 14..18 January
  EXPECT_GT(dry->events, 0);
  EXPECT_GT(dry->users, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_day_rollups"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events WHERE retracted >= 2"), 0);

  PlantStatement(usage[0].event_id);  // 14 January: purged
  PlantStatement(usage.back().event_id);  // 21 January: kept
  absl::StatusOr<PurgeResult> purged = Purge(19);
  ASSERT_TRUE(purged.ok()) << purged.status();
  EXPECT_EQ(Statements(), 1);
  EXPECT_EQ(purged->days, dry->days);
  EXPECT_EQ(purged->events, dry->events);
  EXPECT_EQ(purged->users, dry->users);
  // What is left of a purged event: key, id, digest, day.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events WHERE day < 18646 AND (user_num <> 0 OR occurred_us <> 0 OR "
                  "content_num <> 0 OR establishment_num <> 0 OR authority <> 0)"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events WHERE retracted = 2"), purged->events);
  EXPECT_GT(Count("SELECT COUNT(*) FROM usage_day_rollups"), 0);

  EXPECT_EQ(Figures(*db_, cache), before);  // the cached indexes
  EXPECT_EQ(FreshFigures(*db_), before);    // rebuilt from the rollups

  // Purged ids stay taken: the same event is a duplicate, changed a conflict.
  UsageEvent changed = usage[0];
  changed.seconds += 1;
  BatchResult again = Ingest(*db_, {usage[0], usage[1], changed});
  EXPECT_EQ(again.results[0].outcome, Outcome::kDuplicate);
  EXPECT_EQ(again.results[1].outcome, Outcome::kDuplicate);
  EXPECT_EQ(again.results[2].outcome, Outcome::kConflict);
  EXPECT_EQ(FreshFigures(*db_), before);
  // A purged event can no longer be retracted on its own; a kept one can.
  absl::StatusOr<RetractionResult> retract = ingest.Retract(caller_, {usage[0].event_id, "e3"}, "too late");
  ASSERT_TRUE(retract.ok()) << retract.status();
  EXPECT_EQ(retract->states[0], RetractionState::kPurged);
  EXPECT_EQ(retract->states[1], RetractionState::kPurged);  // retracted, then purged
  EXPECT_EQ(retract->retracted, 0);
  EXPECT_EQ(FreshFigures(*db_), before);

  // Purging again finds nothing; a late event on a purged day is counted,
  // and is folded in by the next purge without changing a figure.
  absl::StatusOr<PurgeResult> twice = Purge(19);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->days, 0);
  EXPECT_EQ(twice->events, 0);
  Ingest(*db_, {Event("late-1", "u1", 15, Action::kPlay, 1), Event("late-2", "u-new", 15, Action::kView, 2)});
  const std::string with_late = Figures(*db_, cache);
  EXPECT_NE(with_late, before);
  absl::StatusOr<PurgeResult> late = Purge(19);
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->days, 1);
  EXPECT_EQ(late->events, 2);
  EXPECT_EQ(Figures(*db_, cache), with_late);
  EXPECT_EQ(FreshFigures(*db_), with_late);

  // The outbox says how much, never who.
  auto unsent = store::FetchUnsent(*db_, 100);
  ASSERT_TRUE(unsent.ok());
  int purges = 0;
  for (const store::OutboxMessage& m : *unsent) purges += m.subject == "wp.westos.usage.purged";
  EXPECT_EQ(purges, 2);  // the purges that found something
}

TEST_P(UsagePrivacyTest, AnErasedPersonLeavesEveryFigureAsIfNeverThere) {
  const std::vector<UsageEvent> usage = Usage();
  Ingest(*db_, usage);
  DayIndexCache cache(64 << 20);
  Figures(*db_, cache);  // cache every day
  ASSERT_TRUE(Purge(17).ok());  // some of u7's events are rolled up, some raw

  std::vector<UsageEvent> without;
  for (const UsageEvent& e : usage) {
    if (e.user_id != "u7") without.push_back(e);
  }
  std::unique_ptr<store::Database> reference = Open();
  Ingest(*reference, without);
  const std::string expected = FreshFigures(*reference);
  ASSERT_NE(FreshFigures(*db_), expected);

  std::string u7_last_event;
  for (const UsageEvent& e : usage) {
    if (e.user_id == "u7") u7_last_event = e.event_id;
  }
  PlantStatement(u7_last_event);
  PlantStatement(usage.back().event_id);  // someone else's
  UsagePrivacy privacy(*db_);
  absl::StatusOr<ErasureResult> erased = privacy.EraseUser(caller_, "u7", "request DSR-2021-014");
  EXPECT_EQ(Statements(), 1);
  ASSERT_TRUE(erased.ok()) << erased.status();
  EXPECT_TRUE(erased->found);
  EXPECT_EQ(erased->events, static_cast<int64_t>(usage.size() - without.size()));
  EXPECT_GT(erased->days, 1);
  EXPECT_EQ(Figures(*db_, cache), expected);  // the cached days were rebuilt
  EXPECT_EQ(FreshFigures(*db_), expected);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_users WHERE user_id = 'u7'"), 0);
  // Their raw events keep key, id, digest and day; the rolled-up ones were purged already.
  const int64_t raw_erased = Count("SELECT COUNT(*) FROM usage_events WHERE retracted = 3 AND user_num = 0");
  EXPECT_GT(raw_erased, 0);
  EXPECT_LT(raw_erased, erased->events);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events WHERE retracted = 3 AND user_num <> 0"), 0);

  // Idempotent: the id is unknown now.
  absl::StatusOr<ErasureResult> again = privacy.EraseUser(caller_, "u7", "request DSR-2021-014");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->found);
  EXPECT_EQ(again->events, 0);

  // A re-send of an erased event is a duplicate: the person does not come back.
  std::vector<UsageEvent> theirs;
  for (const UsageEvent& e : usage) {
    if (e.user_id == "u7") theirs.push_back(e);
  }
  BatchResult resent = Ingest(*db_, theirs);
  EXPECT_EQ(resent.totals.duplicates, static_cast<int64_t>(theirs.size()));
  EXPECT_EQ(FreshFigures(*db_), expected);

  // The outbox event has counts and the reason, not the id.
  auto unsent = store::FetchUnsent(*db_, 100);
  ASSERT_TRUE(unsent.ok());
  int erasures = 0;
  for (const store::OutboxMessage& m : *unsent) {
    if (m.subject != "wp.westos.usage.erased") continue;
    ++erasures;
    EXPECT_EQ(m.payload.find("u7"), std::string::npos);
    EXPECT_NE(m.payload.find("DSR-2021-014"), std::string::npos);
  }
  EXPECT_EQ(erasures, 1);
}

TEST_P(UsagePrivacyTest, BadInputIsRefusedByField) {
  UsagePrivacy privacy(*db_);
  absl::Status s = privacy.EraseUser(caller_, "", "why").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("user_id"), std::string::npos);
  s = privacy.EraseUser(caller_, "u1", "").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("reason"), std::string::npos);
  s = privacy.EraseUser(caller_, "u1", "erase u1 please").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("reason"), std::string::npos);
  s = privacy.PurgeEvents(caller_, kToday + 1, false, kToday).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("before"), std::string::npos);
  absl::StatusOr<ErasureResult> unknown = privacy.EraseUser(caller_, "never-seen", "ticket 9");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->found);
  absl::StatusOr<PurgeResult> empty = privacy.PurgeEvents(caller_, kToday, false, kToday);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->days, 0);
  auto unsent = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(unsent.ok());
  EXPECT_TRUE(unsent->empty());  // nothing changed, nothing said
}

WP_INSTANTIATE_ON_EVERY_ENGINE(UsagePrivacyTest);

}  // namespace
}  // namespace wp::westos
