// Ingestion and retraction on either store engine, read back through the
// usage queries: what is accepted counts once, whatever is re-sent.
#include "services/westos/ingest/usage_ingest.h"

#include <memory>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/event_keys.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"

namespace wp::westos {
namespace {

UsageEvent Event(const std::string& id, const std::string& user, int day_of_january = 18,
                 Action action = Action::kView) {
  UsageEvent e;
  e.event_id = id;
  e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, day_of_january, 10, 0, 0), absl::UTCTimeZone());
  e.user_id = user;
  e.role = Role::kLearner;
  e.authority = "GCC";
  e.establishment = "8435028";
  e.sector = Sector::kSecondary;
  e.simd = 2;
  e.content_id = "maths-n5-01";
  e.action = action;
  e.seconds = 120;
  return e;
}

IngestItem Item(UsageEvent e) {
  IngestItem item;
  item.event_id = e.event_id;
  item.event = std::move(e);
  return item;
}

class UsageIngestTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
    queries_ = std::make_unique<UsageQueries>(*db_, cache_);
  }

  BatchResult Ingest(std::vector<IngestItem> items) {
    absl::StatusOr<BatchResult> result = ingest_->Ingest(caller_, items);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : BatchResult{};
  }

  v1::UsageFigures January(const std::string& authority = "") {
    v1::QueryUsageRequest request;
    request.mutable_from()->set_year(2021);
    request.mutable_from()->set_month(1);
    request.mutable_from()->set_day(1);
    request.mutable_to()->set_year(2021);
    request.mutable_to()->set_month(1);
    request.mutable_to()->set_day(31);
    if (!authority.empty()) request.mutable_filter()->add_authorities(authority);
    absl::StatusOr<v1::UsageReport> report = queries_->Query(caller_, request);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? report->total() : v1::UsageFigures{};
  }

  server::Caller caller_{"platform", "trace-1", "", "ingest", {}, "/wp.westos.v1.UsageService/IngestUsage"};
  std::unique_ptr<store::Database> db_;
  DayIndexCache cache_{64 << 20};
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  std::unique_ptr<UsageQueries> queries_;
};

TEST_P(UsageIngestTest, EachEventIsAnsweredOnItsOwn) {
  IngestItem rejected;
  rejected.event_id = "bad-1";
  rejected.field = "role";
  rejected.reason = "is required";
  UsageEvent conflicting = Event("e2", "u9");
  conflicting.seconds = 999;
  BatchResult batch = Ingest({Item(Event("e1", "u1")), Item(Event("e2", "u2")), rejected, Item(Event("e1", "u1")),
                              Item(conflicting)});
  ASSERT_EQ(batch.results.size(), 5u);
  EXPECT_EQ(batch.results[0].outcome, Outcome::kAccepted);
  EXPECT_EQ(batch.results[1].outcome, Outcome::kAccepted);
  EXPECT_EQ(batch.results[2].outcome, Outcome::kRejected);
  EXPECT_EQ(batch.results[2].field, "role");
  EXPECT_EQ(batch.results[3].outcome, Outcome::kDuplicate);
  EXPECT_EQ(batch.results[4].outcome, Outcome::kConflict);
  EXPECT_EQ(batch.results[4].field, "event_id");
  EXPECT_EQ(batch.totals.accepted, 2);
  EXPECT_EQ(batch.totals.duplicates, 1);
  EXPECT_EQ(batch.totals.conflicts, 1);
  EXPECT_EQ(batch.totals.rejected, 1);

  // A re-send: duplicates and a conflict, nothing counted twice.
  UsageEvent changed = Event("e1", "u1");
  changed.action = Action::kPlay;
  batch = Ingest({Item(Event("e1", "u1")), Item(Event("e2", "u2")), Item(changed)});
  EXPECT_EQ(batch.totals.accepted, 0);
  EXPECT_EQ(batch.totals.duplicates, 2);
  EXPECT_EQ(batch.totals.conflicts, 1);
  // Region-wide, two people are too few to show; within one authority they are shown.
  EXPECT_TRUE(January().suppressed());
  EXPECT_EQ(January().views(), 0);
  const v1::UsageFigures glasgow = January("GCC");
  EXPECT_FALSE(glasgow.suppressed());
  EXPECT_EQ(glasgow.views(), 2);
  EXPECT_EQ(glasgow.plays(), 0);
  EXPECT_EQ(glasgow.distinct_users(), 2);
}

TEST_P(UsageIngestTest, OnlyAcceptedBatchesWriteAnEvent) {
  Ingest({Item(Event("e1", "u1", 18)), Item(Event("e2", "u1", 19))});
  Ingest({Item(Event("e1", "u1", 18))});  // all duplicates: no event
  auto unsent = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(unsent.ok()) << unsent.status();
  ASSERT_EQ(unsent->size(), 1u);
  EXPECT_EQ((*unsent)[0].subject, "wp.westos.usage.ingested");
}

TEST_P(UsageIngestTest, PeopleAreCountedOnceOverTheRange) {
  std::vector<IngestItem> items;
  for (int user = 0; user < 7; ++user) {
    for (int day = 4; day <= 20; day += 4) {
      items.push_back(Item(Event("e-" + std::to_string(user) + "-" + std::to_string(day), "u" + std::to_string(user),
                                 day)));
    }
  }
  EXPECT_EQ(Ingest(items).totals.accepted, 35);
  const v1::UsageFigures figures = January();
  EXPECT_EQ(figures.views(), 35);
  EXPECT_EQ(figures.distinct_users(), 7);  // not 35: a union, not a sum
  EXPECT_DOUBLE_EQ(figures.minutes(), 35 * 2.0);
}

TEST_P(UsageIngestTest, RetractedAndLateEventsLeaveFiguresAsIfTheyHadNeverOrAlwaysBeenThere) {
  std::vector<IngestItem> items;
  for (int user = 0; user < 6; ++user) items.push_back(Item(Event("e" + std::to_string(user), "u" + std::to_string(user))));
  Ingest(items);
  EXPECT_EQ(January().distinct_users(), 6);  // builds and caches the day

  absl::StatusOr<RetractionResult> retracted = ingest_->Retract(caller_, {"e0", "e0", "nope"}, "platform fix");
  ASSERT_TRUE(retracted.ok()) << retracted.status();
  EXPECT_EQ(retracted->states[0], RetractionState::kRetracted);
  EXPECT_EQ(retracted->states[1], RetractionState::kAlreadyRetracted);
  EXPECT_EQ(retracted->states[2], RetractionState::kNotFound);
  EXPECT_EQ(retracted->retracted, 1);
  EXPECT_EQ(January().distinct_users(), 5);
  EXPECT_EQ(January().views(), 5);

  // Re-sending a retracted event changes nothing.
  BatchResult again = Ingest({Item(Event("e0", "u0"))});
  EXPECT_EQ(again.results[0].outcome, Outcome::kDuplicate);
  EXPECT_EQ(January().distinct_users(), 5);

  // A late event for an earlier day counts in that day.
  Ingest({Item(Event("late", "u-new", 2))});
  EXPECT_EQ(January().distinct_users(), 6);
}

TEST_P(UsageIngestTest, AnIdWhoseKeyIsTakenByAnotherIdTakesTheNextKey) {
  // Plant another id under the key "wanted" hashes to: a collision.
  const int64_t key = EventKey("wanted");
  ASSERT_TRUE(db_->Write([&](store::Transaction& tx) {
                   return tx.Execute("INSERT INTO usage_events (event_key, event_id, digest, day, occurred_us, "
                                     "user_num, role, authority, establishment_num, sector, simd, content_num, "
                                     "action, seconds, rating) VALUES (?, 'squatter', 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, "
                                     "1, 0, 0)",
                                     {key})
                       .status();
                 }).ok());
  EXPECT_EQ(Ingest({Item(Event("wanted", "u1"))}).results[0].outcome, Outcome::kAccepted);
  EXPECT_EQ(Ingest({Item(Event("wanted", "u1"))}).results[0].outcome, Outcome::kDuplicate);
  absl::StatusOr<RetractionResult> retracted = ingest_->Retract(caller_, {"wanted"}, "");
  ASSERT_TRUE(retracted.ok());
  EXPECT_EQ(retracted->states[0], RetractionState::kRetracted);
}

// A second process on the same store (replicas on PostgreSQL, two
// instances on one SQLite file) has its own locator: each sees what the
// other stored, and a locator that starts over a full table knows it all.
TEST_P(UsageIngestTest, EventsStoredByAnotherProcessAreKnown) {
  EventLocator other_locator(db_->engine());
  UsageIngest other(*db_, other_locator);
  ASSERT_EQ(Ingest({Item(Event("e1", "u1")), Item(Event("e2", "u2"))}).totals.accepted, 2);
  absl::StatusOr<BatchResult> there = other.Ingest(caller_, {Item(Event("e1", "u1")), Item(Event("e3", "u3"))});
  ASSERT_TRUE(there.ok()) << there.status();
  EXPECT_EQ(there->results[0].outcome, Outcome::kDuplicate);
  EXPECT_EQ(there->results[1].outcome, Outcome::kAccepted);
  EXPECT_EQ(Ingest({Item(Event("e3", "u3"))}).results[0].outcome, Outcome::kDuplicate);
  UsageEvent changed = Event("e2", "u2");
  changed.seconds += 1;
  EXPECT_EQ(Ingest({Item(changed)}).results[0].outcome, Outcome::kConflict);

  EventLocator restarted(db_->engine());
  ASSERT_TRUE(restarted.Warm(*db_).ok());
  if (db_->engine() == store::StoreEngine::kSqlite) {
    EXPECT_EQ(restarted.keys_in_memory(), 3u);
  }
  UsageIngest after_restart(*db_, restarted);
  absl::StatusOr<BatchResult> again =
      after_restart.Ingest(caller_, {Item(Event("e1", "u1")), Item(Event("e2", "u2")), Item(Event("e4", "u4"))});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->totals.duplicates, 2);
  EXPECT_EQ(again->totals.accepted, 1);
  EXPECT_EQ(January("GCC").distinct_users(), 4);
}

TEST_P(UsageIngestTest, AQueryForAnAuthorityOutsideTheRegionNamesTheFilter) {
  v1::QueryUsageRequest request;
  request.mutable_from()->set_year(2021);
  request.mutable_from()->set_month(1);
  request.mutable_from()->set_day(1);
  *request.mutable_to() = request.from();
  request.mutable_filter()->add_authorities("Fife");
  absl::StatusOr<v1::UsageReport> report = queries_->Query(caller_, request);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(report.status().message(),
            "filter.authorities: \"Fife\" is not the code or name of an authority of the region");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(UsageIngestTest);

}  // namespace
}  // namespace wp::westos
