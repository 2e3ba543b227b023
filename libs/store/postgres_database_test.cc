// What only the PostgreSQL engine has to get right: conflicts between
// concurrent writers, type mapping, errors, concurrent start-up. The
// Database contract shared with SQLite is in database_test.cc.
#include "libs/store/postgres_database.h"

#include <atomic>
#include <limits>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/testing/postgres_server.h"
#include "libs/testing/server_process.h"

namespace wp::store {
namespace {

const std::vector<Migration> kMigrations = {
    {1, "things",
     "CREATE TABLE things (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, "
     "n INTEGER NOT NULL DEFAULT 0, data BLOB, ratio REAL)"},
};

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = wp::testing::SharedPostgres();
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *server;
    static int next = 0;
    auto url = server_->CreateSchema(absl::StrCat("engine_", ::getpid(), "_", next++));
    ASSERT_TRUE(url.ok()) << url.status();
    options_.url = *url;
    options_.pool_connections = 4;
  }

  std::unique_ptr<Database> Open() {
    auto db = OpenPostgres(options_, kMigrations);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }

  // Inserts one row and reads the named column back.
  template <typename T>
  absl::StatusOr<Row> RoundTrip(Database& db, const std::string& column, const T& value) {
    return WriteValue<Row>(db, [&](Transaction& tx) {
      return tx.QueryOne(absl::StrCat("INSERT INTO things (name, ", column, ") VALUES (?, ?) RETURNING ", column),
                         {absl::StrCat("row-", ++rows_), Value(value)});
    });
  }

  wp::testing::PostgresServer* server_ = nullptr;
  PostgresOptions options_;
  int rows_ = 0;
};

TEST_F(PostgresDatabaseTest, ConcurrentReadModifyWritesAreRetriedNotLost) {
  auto db = Open();
  ASSERT_TRUE(db->Write([](Transaction& tx) {
                  return tx.Execute("INSERT INTO things (name, n) VALUES ('counter', 0)").status();
                }).ok());
  std::atomic<int> commits{0}, runs{0};
  db->SetCommitListener([&] { ++commits; });
  auto add = [&] {
    for (int i = 0; i < 200; ++i) {
      absl::Status s = db->Write([&](Transaction& tx) -> absl::Status {
        ++runs;
        // Read, then write what was read plus one: only correct if no other
        // writer slipped in between, which SQLite's single writer ensured.
        WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT n FROM things WHERE name = 'counter'"));
        return tx.Execute("UPDATE things SET n = ? WHERE name = 'counter'", {row.Int(0) + 1}).status();
      });
      ASSERT_TRUE(s.ok()) << s;
    }
  };
  std::thread a(add), b(add);
  a.join();
  b.join();
  auto n = ReadValue<int64_t>(*db, [](Transaction& tx) -> absl::StatusOr<int64_t> {
    WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT n FROM things WHERE name = 'counter'"));
    return row.Int(0);
  });
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 400);
  EXPECT_EQ(commits, 400);
  EXPECT_GE(runs.load(), 400);  // more when conflicts were retried
  RecordProperty("body_runs", runs.load());
}

// A write whose first `conflicting_runs` runs see another writer change the
// counter between their read and their write; returns the runs of the body.
int IncrementWithConflicts(Database& db, Database& other, int conflicting_runs, absl::Status* result) {
  int runs = 0;
  *result = db.Write([&](Transaction& tx) -> absl::Status {
    ++runs;
    WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT n FROM things WHERE name = 'counter'"));
    if (runs <= conflicting_runs) {
      EXPECT_TRUE(other.Write([](Transaction& o) {
                         return o.Execute("UPDATE things SET n = n + 10 WHERE name = 'counter'").status();
                       }).ok());
    }
    return tx.Execute("UPDATE things SET n = ? WHERE name = 'counter'", {row.Int(0) + 1}).status();
  });
  return runs;
}

TEST_F(PostgresDatabaseTest, AConflictReRunsTheBodyFromScratch) {
  auto db = Open();
  auto other = Open();
  ASSERT_TRUE(db->Write([](Transaction& tx) {
                  return tx.Execute("INSERT INTO things (name, n) VALUES ('counter', 0)").status();
                }).ok());
  absl::Status s;
  EXPECT_EQ(IncrementWithConflicts(*db, *other, 1, &s), 2);
  ASSERT_TRUE(s.ok()) << s;
  auto n = ReadValue<int64_t>(*db, [](Transaction& tx) -> absl::StatusOr<int64_t> {
    WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT n FROM things WHERE name = 'counter'"));
    return row.Int(0);
  });
  EXPECT_EQ(*n, 11);  // the other writer's 10, then this one's 1 on the re-read value
}

TEST_F(PostgresDatabaseTest, GivesUpWithAbortedAfterMaxWriteAttempts) {
  options_.max_write_attempts = 3;
  auto db = Open();
  auto other = Open();
  ASSERT_TRUE(db->Write([](Transaction& tx) {
                  return tx.Execute("INSERT INTO things (name, n) VALUES ('counter', 0)").status();
                }).ok());
  absl::Status s;
  EXPECT_EQ(IncrementWithConflicts(*db, *other, 100, &s), 3);
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
  EXPECT_NE(s.message().find("40001"), absl::string_view::npos) << s;
}

TEST_F(PostgresDatabaseTest, ABodyThatSwallowsAConflictStillDoesNotCommit) {
  auto db = Open();
  // A failed statement leaves the transaction aborted; a body going on as if
  // nothing happened must not get OK (PostgreSQL answers COMMIT with ROLLBACK).
  absl::Status s = db->Write([](Transaction& tx) {
    tx.Execute("INSERT INTO things (name) VALUES (NULL)").IgnoreError();
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal) << s;
}

TEST_F(PostgresDatabaseTest, ConstraintViolationsMapLikeSqlite) {
  auto db = Open();
  auto insert = [](Transaction& tx) { return tx.Execute("INSERT INTO things (name) VALUES ('same')").status(); };
  ASSERT_TRUE(db->Write(insert).ok());
  absl::Status dup = db->Write(insert);
  EXPECT_EQ(dup.code(), absl::StatusCode::kAlreadyExists) << dup;
  EXPECT_NE(dup.message().find("23505"), absl::string_view::npos) << dup;
  EXPECT_EQ(db->Write([](Transaction& tx) {
                return tx.Execute("INSERT INTO things (name) VALUES (NULL)").status();
              }).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(PostgresDatabaseTest, BlobsRoundTripWithZeroBytes) {
  auto db = Open();
  const std::string bytes("a\0b\xff\x00\x01z", 7);
  auto row = RoundTrip(*db, "data", Blob{bytes});
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_EQ(row->Text(0), bytes);
  auto empty = RoundTrip(*db, "data", Blob{""});
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_FALSE(empty->IsNull(0));
  EXPECT_EQ(empty->Text(0), "");
}

TEST_F(PostgresDatabaseTest, IntegersKeepSixtyFourBits) {
  auto db = Open();
  for (int64_t n : {int64_t{1} << 40, int64_t{-(int64_t{1} << 33)}, std::numeric_limits<int64_t>::max()}) {
    auto row = RoundTrip(*db, "n", n);
    ASSERT_TRUE(row.ok()) << row.status();
    EXPECT_EQ(row->Int(0), n);
  }
  auto ratio = RoundTrip(*db, "ratio", 0.1);
  ASSERT_TRUE(ratio.ok()) << ratio.status();
  EXPECT_EQ(ratio->Double(0), 0.1);
}

TEST_F(PostgresDatabaseTest, AggregatesReadAsIntAndDouble) {
  auto db = Open();
  const int64_t big = int64_t{1} << 60;  // SUM is NUMERIC here: exact beyond 2^53
  ASSERT_TRUE(RoundTrip(*db, "n", big).ok());
  ASSERT_TRUE(RoundTrip(*db, "n", int64_t{3}).ok());
  ASSERT_TRUE(RoundTrip(*db, "n", int64_t{4}).ok());
  ASSERT_TRUE(db->Read([&](Transaction& tx) -> absl::Status {
                  WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT SUM(n), COUNT(*), MAX(n), SUM(n) - ? FROM things",
                                                           {big}));
                  EXPECT_EQ(row.Int(0), big + 7);
                  EXPECT_EQ(row.Int(1), 3);
                  EXPECT_EQ(row.Int(2), big);
                  EXPECT_EQ(row.Int(3), 7);
                  WP_ASSIGN_OR_RETURN(Row small, tx.QueryOne("SELECT AVG(n), SUM(n) FROM things WHERE n < 10"));
                  EXPECT_EQ(small.Double(0), 3.5);  // as SQLite's AVG
                  EXPECT_EQ(small.Int(0), 3);
                  EXPECT_EQ(small.Double(1), 7.0);
                  return absl::OkStatus();
                }).ok());
}

TEST_F(PostgresDatabaseTest, UnicodeTextRoundTrips) {
  auto db = Open();
  const std::string text = "Grüße, 世界 🌍 — ‘quoted’";
  auto row = WriteValue<Row>(*db, [&](Transaction& tx) {
    return tx.QueryOne("INSERT INTO things (name) VALUES (?) RETURNING name", {text});
  });
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_EQ(row->Text(0), text);
  ASSERT_TRUE(db->Read([&](Transaction& tx) -> absl::Status {
                  WP_ASSIGN_OR_RETURN(Row r, tx.QueryOne("SELECT LENGTH(name) FROM things WHERE name = ?", {text}));
                  EXPECT_EQ(r.Int(0), 22);  // characters, not bytes
                  return absl::OkStatus();
                }).ok());
}

TEST_F(PostgresDatabaseTest, QuestionMarksInLiteralsAreNotPlaceholders) {
  auto db = Open();
  ASSERT_TRUE(db->Write([](Transaction& tx) {
                  return tx.Execute("INSERT INTO things (name, n) VALUES ('why? -- /*', ?)", {int64_t{7}}).status();
                }).ok());
  ASSERT_TRUE(db->Read([](Transaction& tx) -> absl::Status {
                  WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT name, n FROM things WHERE name = 'why? -- /*'"));
                  EXPECT_EQ(row.Text(0), "why? -- /*");
                  EXPECT_EQ(row.Int(1), 7);
                  return absl::OkStatus();
                }).ok());
}

TEST_F(PostgresDatabaseTest, NullsAndTypesOfParametersMayChangeBetweenCalls) {
  auto db = Open();
  for (const Value& v : {Value(), Value(int64_t{5}), Value()}) {
    ASSERT_TRUE(db->Write([&](Transaction& tx) {
                    return tx.Execute("INSERT INTO things (name, ratio) VALUES (?, ?)",
                                      {absl::StrCat("r", ++rows_), v})
                        .status();
                  }).ok());
  }
  ASSERT_TRUE(db->Read([](Transaction& tx) -> absl::Status {
                  WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT COUNT(ratio), SUM(ratio) FROM things"));
                  EXPECT_EQ(row.Int(0), 1);
                  EXPECT_EQ(row.Double(1), 5.0);
                  return absl::OkStatus();
                }).ok());
}

TEST_F(PostgresDatabaseTest, ReadsAreReadOnlySnapshots) {
  auto db = Open();
  absl::Status s = db->Read([](Transaction& tx) {
    return tx.Execute("INSERT INTO things (name) VALUES ('sneaky')").status();
  });
  EXPECT_FALSE(s.ok());
}

TEST_F(PostgresDatabaseTest, AnUnreachableServerIsUnavailableAndNamed) {
  const int port = wp::testing::FreePort();
  PostgresOptions options;
  options.url = absl::StrCat("postgres://wp:hunter2@127.0.0.1:", port, "/nowhere");
  options.connect_timeout = absl::Seconds(2);
  auto db = OpenPostgres(options, kMigrations);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(db.status().message().find(absl::StrCat("127.0.0.1:", port)), absl::string_view::npos)
      << db.status();
  EXPECT_EQ(db.status().message().find("hunter2"), absl::string_view::npos) << db.status();
}

TEST_F(PostgresDatabaseTest, ReplicasStartingTogetherBothMigrate) {
  // A whole new database this time, as a first deployment has.
  auto url = server_->CreateDatabase(absl::StrCat("fresh_", ::getpid()));
  ASSERT_TRUE(url.ok()) << url.status();
  options_.url = *url;
  absl::StatusOr<std::unique_ptr<Database>> first, second;
  std::thread a([&] { first = OpenPostgres(options_, kMigrations); });
  std::thread b([&] { second = OpenPostgres(options_, kMigrations); });
  a.join();
  b.join();
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  auto applied = ReadValue<int64_t>(**first, [](Transaction& tx) -> absl::StatusOr<int64_t> {
    WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT COUNT(*) FROM schema_migrations WHERE component = 'service'"));
    return row.Int(0);
  });
  EXPECT_EQ(*applied, 1);
}

TEST_F(PostgresDatabaseTest, AServerRestartIsSurvivedByTheNextTransaction) {
  auto db = Open();
  ASSERT_TRUE(RoundTrip(*db, "n", int64_t{1}).ok());
  // Drop every other connection to this database, as a server restart would.
  PostgresOptions admin_options = options_;
  admin_options.pool_connections = 1;
  auto admin = OpenPostgres(admin_options, kMigrations);
  ASSERT_TRUE(admin.ok()) << admin.status();
  ASSERT_TRUE((*admin)->Read([&](Transaction& tx) {
                 return tx.Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                     .status();
               }).ok());
  // A connection found dead at BEGIN is replaced before the body runs, so
  // no transaction fails for it.
  for (int i = 0; i < 6; ++i) {
    auto row = RoundTrip(*db, "n", int64_t{i});
    EXPECT_TRUE(row.ok()) << row.status();
  }
}

}  // namespace
}  // namespace wp::store
