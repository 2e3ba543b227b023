// Concurrent writers meeting on the same new texts and event ids, on either
// store engine: several threads, each with its own UsageIngest, on one
// Database, and a second Database on the same store standing for a second
// replica. Every batch must succeed (PostgreSQL re-runs the losers of a
// conflict; SQLite has one writer), every event counts once, and each user
// id, establishment code and content id gets exactly one number.
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/usage_event_store.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"

namespace wp::westos {
namespace {

constexpr int kThreadsPerProcess = 3;  // two processes: six writers at once
constexpr int kRounds = 4;

UsageEvent Event(const std::string& id, const std::string& user, const std::string& establishment,
                 const std::string& content) {
  UsageEvent e;
  e.event_id = id;
  e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, 18, 10, 0, 0), absl::UTCTimeZone());
  e.user_id = user;
  e.role = Role::kLearner;
  e.authority = "GCC";
  e.establishment = establishment;
  e.sector = Sector::kSecondary;
  e.simd = 2;
  e.content_id = content;
  e.action = Action::kView;
  e.seconds = 120;
  return e;
}

IngestItem Item(UsageEvent e) {
  IngestItem item;
  item.event_id = e.event_id;
  item.event = std::move(e);
  return item;
}

// What an event was sent with, to compare with what its numbers decode to.
struct Sent {
  std::string user;
  std::string establishment;
  std::string content;
};

// One service process: its own Database handle on the shared store and its
// own locator, as main.cc has.
struct Process {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<EventLocator> locator;
};

class ConcurrentIngestTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    for (int p = 0; p < 2; ++p) {
      auto db = store_.Open(Migrations(), kThreadsPerProcess + 1);
      ASSERT_TRUE(db.ok()) << db.status();
      Process process;
      process.db = std::move(*db);
      process.locator = std::make_unique<EventLocator>(process.db->engine());
      processes_.push_back(std::move(process));
    }
  }

  store::Database& db() { return *processes_[0].db; }

  // Runs `work(writer)` on every writer thread at once (each thread has its
  // own UsageIngest; writer w is in process w % 2).
  void AtOnce(const std::function<void(int writer, UsageIngest& ingest)>& work) {
    absl::Notification go;
    std::vector<std::thread> threads;
    for (int w = 0; w < 2 * kThreadsPerProcess; ++w) {
      threads.emplace_back([&, w] {
        Process& p = processes_[w % 2];
        UsageIngest ingest(*p.db, *p.locator);
        go.WaitForNotification();
        work(w, ingest);
      });
    }
    go.Notify();
    for (std::thread& t : threads) t.join();
  }

  int64_t Count(const std::string& sql) {
    absl::StatusOr<int64_t> n = store::ReadValue<int64_t>(db(), [&](store::Transaction& tx) -> absl::StatusOr<int64_t> {
      WP_ASSIGN_OR_RETURN(store::Row row, tx.QueryOne(sql));
      return row.Int(0);
    });
    EXPECT_TRUE(n.ok()) << sql << ": " << n.status();
    return n.ok() ? *n : -1;
  }

  // Every stored event whose numbers decode to the texts it was sent with,
  // and the events that do not.
  void ExpectNumbersDecodeToTheSentTexts(const absl::flat_hash_map<std::string, Sent>& sent) {
    absl::StatusOr<std::vector<store::Row>> rows =
        store::ReadValue<std::vector<store::Row>>(db(), [](store::Transaction& tx) {
          return tx.Query(
              "SELECT e.event_id, u.user_id, s.code, c.content_id FROM usage_events e "
              "JOIN usage_users u ON u.user_num = e.user_num "
              "JOIN establishments s ON s.establishment_num = e.establishment_num "
              "JOIN content_items c ON c.content_num = e.content_num");
        });
    ASSERT_TRUE(rows.ok()) << rows.status();
    EXPECT_EQ(rows->size(), sent.size());
    for (const store::Row& row : *rows) {
      auto it = sent.find(row.Text(0));
      ASSERT_NE(it, sent.end()) << row.Text(0);
      EXPECT_EQ(row.Text(1), it->second.user) << row.Text(0);
      EXPECT_EQ(row.Text(2), it->second.establishment) << row.Text(0);
      EXPECT_EQ(row.Text(3), it->second.content) << row.Text(0);
    }
  }

  int64_t DistinctUsersInJanuary() {
    DayIndexCache cache(16 << 20);
    UsageQueries queries(db(), cache);
    v1::QueryUsageRequest request;
    request.mutable_from()->set_year(2021);
    request.mutable_from()->set_month(1);
    request.mutable_from()->set_day(1);
    request.mutable_to()->set_year(2021);
    request.mutable_to()->set_month(1);
    request.mutable_to()->set_day(31);
    request.mutable_filter()->add_authorities("GCC");
    absl::StatusOr<v1::UsageReport> report = queries.Query(caller_, request);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? report->total().distinct_users() : -1;
  }

  server::Caller caller_{"platform", "trace-1", "", "ingest", {}, "/wp.westos.v1.UsageService/IngestUsage"};
  wp::testing::TestStore store_{GetParam()};
  std::vector<Process> processes_;
};

// Each round every writer sends a batch at once: events of its own and
// events every writer sends, all naming the round's new users,
// establishments and content, each writer in its own order (so that on
// PostgreSQL they also insert the same texts in different orders).
TEST_P(ConcurrentIngestTest, BatchesMeetingOnTheSameNewTextsAllSucceedAndNumberEachTextOnce) {
  constexpr int kUsers = 12, kEstablishments = 3, kContents = 4, kOwnEvents = 12, kSharedEvents = 8;
  absl::flat_hash_map<std::string, Sent> sent;
  for (int round = 0; round < kRounds; ++round) {
    auto event = [&](const std::string& id, int i) {
      Sent s{absl::StrCat("user-", round, "-", i % kUsers), absl::StrCat("est-", round, "-", i % kEstablishments),
             absl::StrCat("content-", round, "-", i % kContents)};
      sent[id] = s;
      return Event(id, s.user, s.establishment, s.content);
    };
    std::vector<std::vector<IngestItem>> batches(2 * kThreadsPerProcess);
    for (int w = 0; w < 2 * kThreadsPerProcess; ++w) {
      std::vector<IngestItem>& batch = batches[w];
      for (int i = 0; i < kOwnEvents; ++i) {
        batch.push_back(Item(event(absl::StrCat("own-", round, "-", w, "-", i), w + i)));
      }
      for (int i = 0; i < kSharedEvents; ++i) batch.push_back(Item(event(absl::StrCat("shared-", round, "-", i), i)));
      if (w % 2 == 1) std::reverse(batch.begin(), batch.end());
    }
    std::vector<absl::StatusOr<BatchResult>> results(batches.size(), absl::UnknownError("not run"));
    AtOnce([&](int w, UsageIngest& ingest) { results[w] = ingest.Ingest(caller_, batches[w]); });

    int64_t shared_accepted = 0;
    for (size_t w = 0; w < results.size(); ++w) {
      ASSERT_TRUE(results[w].ok()) << "round " << round << " writer " << w << ": " << results[w].status();
      const IngestTotals& t = results[w]->totals;
      EXPECT_EQ(t.accepted + t.duplicates, kOwnEvents + kSharedEvents);
      EXPECT_EQ(t.conflicts, 0);
      for (const ItemResult& r : results[w]->results) {
        if (r.event_id.rfind("own-", 0) == 0) {
          EXPECT_EQ(r.outcome, Outcome::kAccepted) << r.event_id;
        }
        if (r.event_id.rfind("shared-", 0) == 0 && r.outcome == Outcome::kAccepted) ++shared_accepted;
      }
    }
    EXPECT_EQ(shared_accepted, kSharedEvents) << "round " << round << ": each shared event accepted once";
  }

  const int64_t events = kRounds * (2 * kThreadsPerProcess * kOwnEvents + kSharedEvents);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events"), events);
  EXPECT_EQ(Count("SELECT SUM(events) FROM usage_days"), events);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_users"), kRounds * kUsers);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT user_id) FROM usage_users"), kRounds * kUsers);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM establishments"), kRounds * kEstablishments);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM content_items"), kRounds * kContents);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT user_num) FROM usage_events"), kRounds * kUsers);
  ExpectNumbersDecodeToTheSentTexts(sent);
  EXPECT_EQ(DistinctUsersInJanuary(), kRounds * kUsers);
}

// The same new events sent by every writer at once, in different orders,
// by people and places already numbered: the writers meet only on the
// events' keys. One accepts each event, the others answer duplicate.
TEST_P(ConcurrentIngestTest, ResendsOfTheSameNewEventsInAnyOrderCountEachOnce) {
  constexpr int kEvents = 24;
  std::vector<IngestItem> known;
  for (int i = 0; i < kEvents; ++i) known.push_back(Item(Event(absl::StrCat("known-", i), absl::StrCat("ku-", i), "est-k", "ck")));
  {
    UsageIngest first(db(), *processes_[0].locator);
    absl::StatusOr<BatchResult> result = first.Ingest(caller_, known);
    ASSERT_TRUE(result.ok()) << result.status();
  }
  for (int round = 0; round < kRounds; ++round) {
    std::vector<std::vector<IngestItem>> batches(2 * kThreadsPerProcess);
    for (int w = 0; w < 2 * kThreadsPerProcess; ++w) {
      for (int i = 0; i < kEvents; ++i) {
        // Writer w starts at event w * 4 and wraps around.
        const int n = (i + w * 4) % kEvents;
        batches[w].push_back(Item(Event(absl::StrCat("resent-", round, "-", n), absl::StrCat("ku-", n), "est-k", "ck")));
      }
      if (w % 2 == 1) std::reverse(batches[w].begin(), batches[w].end());
    }
    std::vector<absl::StatusOr<BatchResult>> results(batches.size(), absl::UnknownError("not run"));
    AtOnce([&](int w, UsageIngest& ingest) { results[w] = ingest.Ingest(caller_, batches[w]); });
    int64_t accepted = 0;
    for (size_t w = 0; w < results.size(); ++w) {
      ASSERT_TRUE(results[w].ok()) << "round " << round << " writer " << w << ": " << results[w].status();
      EXPECT_EQ(results[w]->totals.accepted + results[w]->totals.duplicates, kEvents);
      accepted += results[w]->totals.accepted;
    }
    EXPECT_EQ(accepted, kEvents) << "round " << round;
  }
  const int64_t events = (kRounds + 1) * kEvents;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events"), events);
  EXPECT_EQ(Count("SELECT SUM(events) FROM usage_days"), events);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_users"), kEvents);
}

// Retractions racing re-sends and other retractions of the same ids, and
// ingestion of ids not stored yet: each event is retracted at most once,
// a retraction that answered "retracted" is never undone, and the day
// counts stay equal to the events that count.
TEST_P(ConcurrentIngestTest, RetractionsRacingResendsAndEachOtherLoseNothing) {
  constexpr int kEvents = 16;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<IngestItem> stored, late;
    std::vector<std::string> stored_ids, late_ids;
    for (int i = 0; i < kEvents; ++i) {
      stored.push_back(Item(Event(absl::StrCat("r-", round, "-", i), absl::StrCat("ru-", round, "-", i), "est-r",
                                  absl::StrCat("rc-", round))));
      stored_ids.push_back(stored.back().event_id);
      late.push_back(Item(Event(absl::StrCat("late-", round, "-", i), absl::StrCat("lu-", round, "-", i), "est-l",
                                absl::StrCat("lc-", round))));
      late_ids.push_back(late.back().event_id);
    }
    {
      UsageIngest first(db(), *processes_[0].locator);
      absl::StatusOr<BatchResult> result = first.Ingest(caller_, stored);
      ASSERT_TRUE(result.ok()) << result.status();
      ASSERT_EQ(result->totals.accepted, kEvents);
    }
    // Writers 0-2 retract the stored ids and the late ones; 3-5 re-send the
    // stored events and send the late ones.
    std::vector<absl::StatusOr<RetractionResult>> retractions(kThreadsPerProcess, absl::UnknownError("not run"));
    std::vector<absl::StatusOr<BatchResult>> sends(kThreadsPerProcess, absl::UnknownError("not run"));
    std::vector<std::string> all_ids = stored_ids;
    all_ids.insert(all_ids.end(), late_ids.begin(), late_ids.end());
    std::vector<IngestItem> all = stored;
    all.insert(all.end(), late.begin(), late.end());
    AtOnce([&](int w, UsageIngest& ingest) {
      if (w < kThreadsPerProcess) {
        retractions[w] = ingest.Retract(caller_, all_ids, "test");
      } else {
        sends[w - kThreadsPerProcess] = ingest.Ingest(caller_, all);
      }
    });

    std::vector<int> retracted_times(all_ids.size(), 0);
    for (const auto& r : retractions) {
      ASSERT_TRUE(r.ok()) << "round " << round << ": " << r.status();
      for (size_t i = 0; i < all_ids.size(); ++i) {
        if (r->states[i] == RetractionState::kRetracted) ++retracted_times[i];
      }
    }
    int64_t late_accepted = 0;
    for (const auto& s : sends) {
      ASSERT_TRUE(s.ok()) << "round " << round << ": " << s.status();
      EXPECT_EQ(s->totals.conflicts, 0);
      for (int i = 0; i < kEvents; ++i) EXPECT_EQ(s->results[i].outcome, Outcome::kDuplicate);
      late_accepted += s->totals.accepted;
    }
    EXPECT_EQ(late_accepted, kEvents) << "round " << round << ": each late event accepted once";
    for (int i = 0; i < kEvents; ++i) EXPECT_EQ(retracted_times[i], 1) << stored_ids[i];
    for (size_t i = kEvents; i < all_ids.size(); ++i) EXPECT_LE(retracted_times[i], 1) << all_ids[i];

    // What was answered "retracted" is retracted; nothing else is.
    for (size_t i = 0; i < all_ids.size(); ++i) {
      EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM usage_events WHERE retracted = 1 AND event_id = '",
                                   all_ids[i], "'")),
                retracted_times[i])
          << all_ids[i];
    }
  }
  const int64_t counting = Count("SELECT COUNT(*) FROM usage_events WHERE retracted = 0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM usage_events"), 2 * kRounds * kEvents);
  EXPECT_EQ(Count("SELECT SUM(events) FROM usage_days"), counting);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT user_num) FROM usage_events WHERE retracted = 0"), counting);
  EXPECT_EQ(DistinctUsersInJanuary(), counting);
}

// Writers adding the same new texts insert them in one order (sorted,
// whatever order the batch named them in), so that on PostgreSQL one waits
// for the other instead of both deadlocking: each deadlock cost the
// server's deadlock_timeout (a second) before a re-run, which the test
// above showed as 7-15 s runs instead of under one.
TEST_P(ConcurrentIngestTest, NewTextsAreInsertedInSortedOrder) {
  absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> numbers =
      store::WriteValue<absl::flat_hash_map<std::string, int64_t>>(db(), [](store::Transaction& tx) {
        return NumberTexts(tx, kUsers, {"zoe", "amy", "kim", "amy"});
      });
  ASSERT_TRUE(numbers.ok()) << numbers.status();
  ASSERT_EQ(numbers->size(), 3u);
  EXPECT_LT(numbers->at("amy"), numbers->at("kim"));
  EXPECT_LT(numbers->at("kim"), numbers->at("zoe"));
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ConcurrentIngestTest);

}  // namespace
}  // namespace wp::westos
