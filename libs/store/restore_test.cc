#include "libs/store/restore.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/store/sqlite_database.h"
#include "libs/store/sqlite_file.h"
#include "libs/testing/server_process.h"

namespace wp::store {
namespace {

namespace fs = std::filesystem;

const std::vector<Migration> kMigrations = {
    {1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY)"},
    {2, "notes.rank", "ALTER TABLE notes ADD COLUMN rank INTEGER NOT NULL DEFAULT 0"},
};
const absl::Time kNow = absl::FromUnixSeconds(1764664200);  // 2025-12-02 08:30:00 UTC

class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = wp::testing::MakeTempDir("wp-restore");
    live_ = dir_ + "/notes.db";
  }

  std::unique_ptr<Database> Open(const std::string& path, const std::vector<Migration>& m = kMigrations) {
    auto db = OpenSqlite({path, 1}, m);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }
  static void WriteNote(Database& db, int64_t id) {
    ASSERT_TRUE(db.Write([&](Transaction& tx) -> absl::Status {
                    auto n = tx.Execute("INSERT INTO notes (id) VALUES (?)", {id});
                    if (!n.ok()) return n.status();
                    return ReserveOutboxRow(tx, "e" + std::to_string(id), "wp.test.note").status();
                  }).ok());
  }
  static int64_t Notes(Database& db) {
    auto n = ReadValue<int64_t>(db, [](Transaction& tx) -> absl::StatusOr<int64_t> {
      auto row = tx.QueryOne("SELECT COUNT(*) FROM notes");
      if (!row.ok()) return row.status();
      return row->Int(0);
    });
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *n : -1;
  }
  // A live store with notes 1..3, a backup of it, then notes 4..5 after.
  std::string LiveStoreAndBackup(std::string* store_id) {
    auto db = Open(live_);
    for (int64_t id = 1; id <= 3; ++id) WriteNote(*db, id);
    *store_id = *StoreIdentity(*db);
    auto backup = BackupTo(*db, dir_ + "/backup.db");
    EXPECT_TRUE(backup.ok()) << backup.status();
    for (int64_t id = 4; id <= 5; ++id) WriteNote(*db, id);
    return dir_ + "/backup.db";
  }

  std::string dir_;
  std::string live_;
};

TEST_F(RestoreTest, PutsTheBackupInPlaceAndMovesTheOldStoreAside) {
  std::string old_id;
  const std::string backup = LiveStoreAndBackup(&old_id);
  auto restored = RestoreStore(backup, live_, "notes", kMigrations, kNow);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_FALSE(restored->already_restored);
  EXPECT_EQ(restored->backup.last_outbox_seq, 3);
  EXPECT_EQ(restored->backup.store_id, old_id);
  EXPECT_EQ(restored->moved_aside, live_ + ".before-restore-20251202T083000Z");

  auto db = Open(live_);
  EXPECT_EQ(Notes(*db), 3);
  EXPECT_EQ(*LastOutboxSeq(*db), 3);
  // A new identity: nothing cached for the old store is read again.
  auto new_id = StoreIdentity(*db);
  ASSERT_TRUE(new_id.ok());
  EXPECT_NE(*new_id, old_id);
  // The old store is kept whole.
  auto aside = Open(restored->moved_aside);
  EXPECT_EQ(Notes(*aside), 5);
  EXPECT_EQ(*StoreIdentity(*aside), old_id);
  // The backup itself is untouched.
  auto again = InspectStoreFile(backup, FileCheck::kFull);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->store_id, old_id);
}

TEST_F(RestoreTest, TheSameBackupIsNotRestoredTwice) {
  std::string old_id;
  const std::string backup = LiveStoreAndBackup(&old_id);
  ASSERT_TRUE(RestoreStore(backup, live_, "notes", kMigrations, kNow).ok());
  {
    auto db = Open(live_);
    WriteNote(*db, 10);  // written after the restore
  }
  auto twice = RestoreStore(backup, live_, "notes", kMigrations, kNow + absl::Minutes(1));
  ASSERT_TRUE(twice.ok()) << twice.status();
  EXPECT_TRUE(twice->already_restored);
  EXPECT_TRUE(twice->moved_aside.empty());
  auto db = Open(live_);
  EXPECT_EQ(Notes(*db), 4);
}

TEST_F(RestoreTest, RestoresIntoAnEmptyFolderAndMigratesAnOlderBackup) {
  // A backup taken before migration 2 existed.
  auto old = Open(dir_ + "/old.db", {kMigrations[0]});
  WriteNote(*old, 1);
  ASSERT_TRUE(BackupTo(*old, dir_ + "/old-backup.db").ok());
  const std::string fresh = wp::testing::MakeTempDir("wp-restore-fresh") + "/notes.db";
  auto restored = RestoreStore(dir_ + "/old-backup.db", fresh, "notes", kMigrations, kNow);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_TRUE(restored->moved_aside.empty());
  auto db = Open(fresh);
  EXPECT_EQ(Notes(*db), 1);
  EXPECT_TRUE(db->Write([](Transaction& tx) {
                  return tx.Execute("UPDATE notes SET rank = 2").status();
                }).ok());
}

TEST_F(RestoreTest, TakesACopyMadeByHandWithTheSqliteBackupCommand) {
  {
    auto db = Open(live_);
    WriteNote(*db, 1);
  }
  // What `sqlite3 notes.db ".backup copy.db"` does: the copy keeps the WAL flag.
  const std::string copy = dir_ + "/by-hand.db";
  {
    auto from = SqliteFile::Open(live_, SqliteFile::Mode::kReadWrite);
    auto to = SqliteFile::Open(copy, SqliteFile::Mode::kCreate);
    ASSERT_TRUE(from.ok() && to.ok());
    sqlite3_backup* b = sqlite3_backup_init((*to)->handle(), "main", (*from)->handle(), "main");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(sqlite3_backup_step(b, -1), SQLITE_DONE);
    sqlite3_backup_finish(b);
  }
  const std::string fresh = wp::testing::MakeTempDir("wp-restore-by-hand") + "/notes.db";
  auto restored = RestoreStore(copy, fresh, "notes", kMigrations, kNow);
  ASSERT_TRUE(restored.ok()) << restored.status();
  auto db = Open(fresh);
  EXPECT_EQ(Notes(*db), 1);
}

TEST_F(RestoreTest, RefusesAFileThatIsNotSqliteAndChangesNothing) {
  std::string old_id;
  LiveStoreAndBackup(&old_id);
  {
    std::ofstream text(dir_ + "/text.db");
    text << "SQLite format 2? no: only text, long enough to look like a header of a file.\n";
  }
  auto restored = RestoreStore(dir_ + "/text.db", live_, "notes", kMigrations, kNow);
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kFailedPrecondition) << restored.status();
  EXPECT_NE(restored.status().message().find("not a SQLite database"), std::string::npos);
  EXPECT_EQ(RestoreStore(dir_ + "/none.db", live_, "notes", kMigrations, kNow).status().code(),
            absl::StatusCode::kNotFound);
  auto db = Open(live_);
  EXPECT_EQ(Notes(*db), 5);
  EXPECT_EQ(*StoreIdentity(*db), old_id);
  EXPECT_FALSE(fs::exists(live_ + ".before-restore-20251202T083000Z"));
}

TEST_F(RestoreTest, RefusesAnotherServicesStore) {
  std::string old_id;
  LiveStoreAndBackup(&old_id);
  // Same version numbers, another service's schema.
  auto other = Open(dir_ + "/other.db", {{1, "sessions", "CREATE TABLE sessions (id INTEGER)"}});
  ASSERT_TRUE(BackupTo(*other, dir_ + "/other-backup.db").ok());
  auto restored = RestoreStore(dir_ + "/other-backup.db", live_, "notes", kMigrations, kNow);
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kFailedPrecondition) << restored.status();
  EXPECT_NE(restored.status().message().find("is not a notes store"), std::string::npos)
      << restored.status();
  // A store with a migration this build does not know (another service, or newer).
  auto newer = Open(dir_ + "/newer.db", {kMigrations[0], kMigrations[1], {3, "more", "SELECT 1"}});
  ASSERT_TRUE(BackupTo(*newer, dir_ + "/newer-backup.db").ok());
  restored = RestoreStore(dir_ + "/newer-backup.db", live_, "notes", kMigrations, kNow);
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kFailedPrecondition) << restored.status();
  auto db = Open(live_);
  EXPECT_EQ(Notes(*db), 5);
}

}  // namespace
}  // namespace wp::store
