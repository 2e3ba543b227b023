#include "libs/store/backup.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/store/sqlite_database.h"
#include "libs/store/sqlite_file.h"
#include "libs/testing/server_process.h"

namespace wp::store {
namespace {

const std::vector<Migration> kMigrations = {
    {1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"},
};

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = wp::testing::MakeTempDir("wp-backup");
    auto db = OpenSqlite({dir_ + "/live.db", 2}, kMigrations);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  // One note and its outbox row in one transaction, as a service writes.
  absl::Status WriteNote(int64_t id) {
    return db_->Write([&](Transaction& tx) -> absl::Status {
      auto n = tx.Execute("INSERT INTO notes (id, body) VALUES (?, ?)", {id, std::string(1000, 'x')});
      if (!n.ok()) return n.status();
      return ReserveOutboxRow(tx, "event-" + std::to_string(id), "wp.test.note.created").status();
    });
  }

  // Rows of `sql` in the file at `path`, opened on its own.
  std::vector<std::vector<std::string>> Rows(const std::string& path, const std::string& sql) {
    auto file = SqliteFile::Open(path, SqliteFile::Mode::kReadOnly);
    EXPECT_TRUE(file.ok()) << file.status();
    if (!file.ok()) return {};
    auto rows = (*file)->Rows(sql);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::vector<std::vector<std::string>>{};
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(BackupTest, CopiesAConsistentSnapshotWhileWritersGoOn) {
  auto store_id = StoreIdentity(*db_);
  ASSERT_TRUE(store_id.ok());
  // Some megabytes, so the copy takes many steps.
  ASSERT_TRUE(db_->Write([&](Transaction& tx) -> absl::Status {
                   for (int64_t id = 1; id <= 3000; ++id) {
                     auto n = tx.Execute("INSERT INTO notes (id, body) VALUES (?, ?)",
                                         {id, std::string(1000, 'x')});
                     if (!n.ok()) return n.status();
                     auto seq = ReserveOutboxRow(tx, "event-" + std::to_string(id), "wp.test.note.created");
                     if (!seq.ok()) return seq.status();
                   }
                   return absl::OkStatus();
                 }).ok());

  std::atomic<int64_t> committed{3000};
  std::atomic<bool> stop{false};
  std::atomic<bool> failed{false};
  std::thread writer([&] {
    for (int64_t id = committed + 1; !stop; ++id) {
      if (!WriteNote(id).ok()) {
        failed = true;
        return;
      }
      committed = id;
    }
  });
  // Let the writer commit some first: then it is surely running.
  while (committed < 3100 && !failed) std::this_thread::yield();
  const int64_t before = committed;
  auto backup = BackupTo(*db_, dir_ + "/copy.db");
  const int64_t after = committed;
  stop = true;
  writer.join();
  ASSERT_FALSE(failed);
  ASSERT_TRUE(backup.ok()) << backup.status();
  RecordProperty("writes_during_backup", static_cast<int>(after - before));

  const StoreFile& file = backup->file;
  EXPECT_EQ(file.path, dir_ + "/copy.db");
  EXPECT_EQ(file.bytes, static_cast<int64_t>(std::filesystem::file_size(file.path)));
  EXPECT_EQ(file.store_id, *store_id);
  ASSERT_EQ(file.service_migrations.size(), 1u);
  EXPECT_EQ(file.service_migrations[0].description, "notes");
  // Every write acknowledged before the backup began is in it ...
  EXPECT_GE(file.last_outbox_seq, before);
  EXPECT_LE(file.last_outbox_seq, after);
  // ... and the copy is one snapshot: notes 1..N and outbox rows 1..N, no gap, no half transaction.
  auto counts = Rows(file.path,
                     "SELECT (SELECT COUNT(*) FROM notes), (SELECT MAX(id) FROM notes), "
                     "(SELECT COUNT(*) FROM outbox), (SELECT MAX(seq) FROM outbox)");
  ASSERT_EQ(counts.size(), 1u);
  const std::string n = std::to_string(file.last_outbox_seq);
  EXPECT_EQ(counts[0], (std::vector<std::string>{n, n, n, n}));
  EXPECT_EQ(Rows(file.path, "PRAGMA integrity_check")[0][0], "ok");
  // One self-contained file: no WAL beside it, no partial file left.
  EXPECT_FALSE(std::filesystem::exists(file.path + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(file.path + ".partial"));
  EXPECT_EQ(Rows(file.path, "PRAGMA journal_mode")[0][0], "delete");
  // The live store goes on.
  EXPECT_TRUE(WriteNote(1000000).ok());
}

TEST_F(BackupTest, NeverReplacesAnExistingFile) {
  ASSERT_TRUE(WriteNote(1).ok());
  const std::string path = dir_ + "/copy.db";
  ASSERT_TRUE(BackupTo(*db_, path).ok());
  ASSERT_TRUE(WriteNote(2).ok());
  auto again = BackupTo(*db_, path);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists) << again.status();
  EXPECT_EQ(Rows(path, "SELECT COUNT(*) FROM notes")[0][0], "1");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST_F(BackupTest, TheCopyOpensAsAStore) {
  ASSERT_TRUE(WriteNote(1).ok());
  auto backup = BackupTo(*db_, dir_ + "/copy.db");
  ASSERT_TRUE(backup.ok()) << backup.status();
  auto copy = OpenSqlite({backup->file.path, 1}, kMigrations);
  ASSERT_TRUE(copy.ok()) << copy.status();
  auto seq = LastOutboxSeq(**copy);
  ASSERT_TRUE(seq.ok());
  EXPECT_EQ(*seq, 1);
}

TEST_F(BackupTest, InspectRefusesWhatIsNotAStore) {
  EXPECT_EQ(InspectStoreFile(dir_ + "/none.db", FileCheck::kNone).status().code(), absl::StatusCode::kNotFound);
  {
    std::ofstream text(dir_ + "/text.db");
    text << "this is not a database, only some text that is long enough to have a header\n";
  }
  auto text = InspectStoreFile(dir_ + "/text.db", FileCheck::kFull);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kFailedPrecondition) << text.status();
  EXPECT_NE(text.status().message().find("not a SQLite database"), std::string::npos) << text.status();
  {
    auto other = SqliteFile::Open(dir_ + "/other.db", SqliteFile::Mode::kCreate);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->Exec("CREATE TABLE t (x INTEGER)").ok());
  }
  auto other = InspectStoreFile(dir_ + "/other.db", FileCheck::kFull);
  EXPECT_EQ(other.status().code(), absl::StatusCode::kFailedPrecondition) << other.status();
  EXPECT_NE(other.status().message().find("not a service's store"), std::string::npos) << other.status();
}

}  // namespace
}  // namespace wp::store
