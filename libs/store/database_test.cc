// The Database contract, checked on both engines (SQLite and PostgreSQL).
#include "libs/store/database.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"

namespace wp::store {
namespace {

const std::vector<Migration> kMigrations = {
    {1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)"},
    {2, "notes.rank", "ALTER TABLE notes ADD COLUMN rank INTEGER NOT NULL DEFAULT 0"},
};

using wp::testing::Engine;
using wp::testing::TestStore;

class DatabaseTest : public ::testing::TestWithParam<Engine> {
 protected:
  std::unique_ptr<Database> Open(const std::vector<Migration>& m = kMigrations) {
    auto db = store_.Open(m);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }
  int64_t Count(Database& db) {
    int64_t n = -1;
    EXPECT_TRUE(db.Read([&](Transaction& tx) {
                    auto row = tx.QueryOne("SELECT COUNT(*) FROM notes");
                    if (!row.ok()) return row.status();
                    n = row->Int(0);
                    return absl::OkStatus();
                  }).ok());
    return n;
  }
  TestStore store_{GetParam()};
};

TEST_P(DatabaseTest, CommitsAndSurvivesReopen) {
  {
    auto db = Open();
    ASSERT_TRUE(db->Write([](Transaction& tx) {
                    return tx.Execute("INSERT INTO notes (body, rank) VALUES (?, ?)",
                                      {std::string("hello"), int64_t{3}})
                        .status();
                  }).ok());
  }
  auto db = Open();  // migrations already applied: must not fail or re-run
  EXPECT_EQ(Count(*db), 1);
  ASSERT_TRUE(db->Read([](Transaction& tx) {
                  auto row = tx.QueryOne("SELECT body, rank, NULL FROM notes");
                  EXPECT_TRUE(row.ok());
                  EXPECT_EQ(row->Text(0), "hello");
                  EXPECT_EQ(row->Int(1), 3);
                  EXPECT_TRUE(row->IsNull(2));
                  return absl::OkStatus();
                }).ok());
}

TEST_P(DatabaseTest, FailedBodyRollsBack) {
  auto db = Open();
  absl::Status s = db->Write([](Transaction& tx) {
    auto n = tx.Execute("INSERT INTO notes (body) VALUES ('kept?')");
    EXPECT_TRUE(n.ok());
    return absl::InvalidArgumentError("changed my mind");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Count(*db), 0);
}

TEST_P(DatabaseTest, UniqueViolationIsAlreadyExists) {
  auto db = Open();
  auto insert = [](Transaction& tx) {
    return tx.Execute("INSERT INTO notes (body) VALUES ('same')").status();
  };
  ASSERT_TRUE(db->Write(insert).ok());
  EXPECT_EQ(db->Write(insert).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Count(*db), 1);
}

TEST_P(DatabaseTest, BadSqlIsAnErrorNotACrash) {
  auto db = Open();
  absl::Status s = db->Read([](Transaction& tx) { return tx.Query("SELECT nope FROM nowhere").status(); });
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
  s = db->Read([](Transaction& tx) { return tx.Query("SELECT ?", {}).status(); });
  EXPECT_FALSE(s.ok());
}

TEST_P(DatabaseTest, BrokenMigrationNamesItself) {
  std::vector<Migration> broken = kMigrations;
  broken.push_back({3, "typo", "CREAT TABLE x (y)"});
  auto db = store_.Open(broken, 1);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("service/3 (typo)"), absl::string_view::npos)
      << db.status();
}

TEST_P(DatabaseTest, ConcurrentWritersAndReaders) {
  auto db = Open();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        ASSERT_TRUE(db->Write([&](Transaction& tx) {
                        return tx.Execute("INSERT INTO notes (body) VALUES (?)",
                                          {std::to_string(t * 1000 + i)})
                            .status();
                      }).ok());
        EXPECT_GE(Count(*db), 0);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(Count(*db), 400);
}

TEST_P(DatabaseTest, OutboxKeepsOrderAndMarksSent) {
  auto db = Open();
  int commits = 0;
  db->SetCommitListener([&] { ++commits; });
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(db->Write([&](Transaction& tx) -> absl::Status {
                    auto seq = ReserveOutboxRow(tx, "id-" + std::to_string(i), "wp.test.thing.done");
                    if (!seq.ok()) return seq.status();
                    return SetOutboxPayload(tx, *seq, "payload-" + std::to_string(*seq));
                  }).ok());
  }
  EXPECT_EQ(commits, 3);
  auto unsent = FetchUnsent(*db, 10);
  ASSERT_TRUE(unsent.ok());
  ASSERT_EQ(unsent->size(), 3u);
  EXPECT_EQ((*unsent)[0].event_id, "id-0");
  EXPECT_EQ((*unsent)[2].payload, "payload-" + std::to_string((*unsent)[2].seq));
  ASSERT_TRUE(MarkSent(*db, {(*unsent)[0].seq, (*unsent)[1].seq}).ok());
  unsent = FetchUnsent(*db, 10);
  ASSERT_EQ(unsent->size(), 1u);
  EXPECT_EQ((*unsent)[0].event_id, "id-2");
  EXPECT_EQ(*LastOutboxSeq(*db), (*unsent)[0].seq);
  // The same event id twice is refused, so an event is never duplicated.
  absl::Status dup = db->Write([](Transaction& tx) { return ReserveOutboxRow(tx, "id-1", "s").status(); });
  EXPECT_EQ(dup.code(), absl::StatusCode::kAlreadyExists);
}

// The relay marks rows sent (WriteIndependent) while the service's writes
// append to the outbox: neither side fails, every event is appended once in
// commit order, and every row ends marked.
TEST_P(DatabaseTest, MarkingSentBesideAppendingWritersNeverConflicts) {
  auto db = Open();
  int commits = 0;
  std::mutex commits_mu;
  db->SetCommitListener([&] {
    std::lock_guard<std::mutex> lock(commits_mu);
    ++commits;
  });
  std::atomic<bool> writing{true};
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        absl::Status s = db->Write([&](Transaction& tx) -> absl::Status {
          auto seq = ReserveOutboxRow(tx, absl::StrCat("w", t, "-", i), "wp.test.thing.done");
          if (!seq.ok()) return seq.status();
          return SetOutboxPayload(tx, *seq, "payload");
        });
        EXPECT_TRUE(s.ok()) << s;
      }
    });
  }
  std::thread relay([&] {
    while (writing.load()) {
      auto unsent = FetchUnsent(*db, 16);
      ASSERT_TRUE(unsent.ok()) << unsent.status();
      std::vector<int64_t> seqs;
      for (const OutboxMessage& m : *unsent) seqs.push_back(m.seq);
      absl::Status marked = MarkSent(*db, seqs);
      EXPECT_TRUE(marked.ok()) << marked;
    }
  });
  for (auto& w : writers) w.join();
  writing = false;
  relay.join();
  auto left = FetchUnsent(*db, 1000);
  ASSERT_TRUE(left.ok());
  std::vector<int64_t> rest;
  for (const OutboxMessage& m : *left) rest.push_back(m.seq);
  ASSERT_TRUE(MarkSent(*db, rest).ok());
  auto after = FetchUnsent(*db, 1);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->empty());
  // Each event once (a re-run after a conflict may leave a gap in the
  // positions on PostgreSQL, never a second row).
  auto rows = ReadValue<int64_t>(*db, [](Transaction& tx) -> absl::StatusOr<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM outbox");
    if (!row.ok()) return row.status();
    EXPECT_EQ(row->Int(0), row->Int(1));
    return row->Int(0);
  });
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(*rows, 160);
  std::lock_guard<std::mutex> lock(commits_mu);
  EXPECT_GE(commits, 160);
}

TEST_P(DatabaseTest, StoreIdentityIsStable) {
  std::string first;
  {
    auto db = Open();
    auto id = StoreIdentity(*db);
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_EQ(id->size(), 16u);
    EXPECT_EQ(*StoreIdentity(*db), *id);
    first = *id;
  }
  auto db = Open();
  EXPECT_EQ(*StoreIdentity(*db), first);
  TestStore other_store(GetParam());
  auto other = other_store.Open(kMigrations, 1);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*StoreIdentity(**other), first);
}

TEST_P(DatabaseTest, PruneKeepsUnsentAndTheNewestRows) {
  auto db = Open();
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(db->Write([&](Transaction& tx) {
                    return ReserveOutboxRow(tx, "ev-" + std::to_string(i), "wp.test.thing.done").status();
                  }).ok());
  }
  auto rows = FetchUnsent(*db, 100);
  ASSERT_EQ(rows->size(), 10u);
  // Every row sent but the second (the relay is stuck on it, say).
  std::vector<int64_t> sent;
  for (size_t i = 0; i < rows->size(); ++i) {
    if (i != 1) sent.push_back((*rows)[i].seq);
  }
  ASSERT_TRUE(MarkSent(*db, sent).ok());
  const int64_t last = *LastOutboxSeq(*db);
  auto count = [&] {
    int64_t remaining = 0;
    EXPECT_TRUE(db->Read([&](Transaction& tx) {
                    auto row = tx.QueryOne("SELECT COUNT(*) FROM outbox");
                    remaining = row->Int(0);
                    return row.status();
                  }).ok());
    return remaining;
  };
  ASSERT_TRUE(PruneSent(*db, 3).ok());
  // Only what is older than the unsent row goes: what is held stays whole
  // from the oldest to the newest position (the change feed relies on it).
  EXPECT_EQ(count(), 9);
  ASSERT_TRUE(MarkSent(*db, {(*rows)[1].seq}).ok());
  ASSERT_TRUE(PruneSent(*db, 3).ok());
  EXPECT_EQ(count(), 4);  // the newest four (seq >= last - 3)
  EXPECT_EQ(FetchUnsent(*db, 100)->size(), 0u);
  EXPECT_EQ(*LastOutboxSeq(*db), last);
}

TEST_P(DatabaseTest, MarkHandledOnlyOnce) {
  auto db = Open();
  bool first = false, second = true;
  ASSERT_TRUE(db->Write([&](Transaction& tx) {
                  auto r = MarkHandled(tx, "summary", "ev-1");
                  first = *r;
                  return r.status();
                }).ok());
  ASSERT_TRUE(db->Write([&](Transaction& tx) {
                  auto r = MarkHandled(tx, "summary", "ev-1");
                  second = *r;
                  return r.status();
                }).ok());
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
}

TEST_P(DatabaseTest, RefusesASchemaNewerThanTheBinary) {
  std::vector<Migration> newer = kMigrations;
  newer.push_back({3, "notes.color", "ALTER TABLE notes ADD COLUMN color TEXT"});
  ASSERT_NE(Open(newer), nullptr);
  auto old = store_.Open(kMigrations);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(old.status().message().find("the database schema is at version 3 but this binary knows only up "
                                        "to 2; run a newer binary"),
            absl::string_view::npos)
      << old.status();
  EXPECT_NE(Open(newer), nullptr);  // the newer binary still starts
}

TEST_P(DatabaseTest, ObserverIsToldOfEveryTransaction) {
  struct Counting : TransactionObserver {
    void OnTransaction(bool write, absl::Duration elapsed) override {
      (write ? writes : reads)++;
      EXPECT_GE(elapsed, absl::ZeroDuration());
    }
    std::atomic<int> writes{0}, reads{0};
  } observer;
  auto db = Open();
  db->SetTransactionObserver(&observer);
  ASSERT_TRUE(db->Write([](Transaction& tx) { return tx.Execute("INSERT INTO notes (body) VALUES ('x')").status(); })
                  .ok());
  EXPECT_EQ(db->Write([](Transaction&) { return absl::CancelledError("no"); }).code(),
            absl::StatusCode::kCancelled);
  EXPECT_EQ(Count(*db), 1);
  db->SetTransactionObserver(nullptr);
  EXPECT_EQ(observer.writes, 2);
  EXPECT_EQ(observer.reads, 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(DatabaseTest);

}  // namespace
}  // namespace wp::store
