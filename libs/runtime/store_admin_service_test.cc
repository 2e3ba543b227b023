#include "libs/runtime/store_admin_service.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/synchronization/notification.h"

#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/server_process.h"

namespace wp::runtime {
namespace {

namespace v1 = wp::common::v1;

const absl::Time kNow = absl::FromUnixSeconds(1764663300);  // 2025-12-02 08:15:00 UTC

TEST(BackupFileNameTest, TheServiceNamesTheFile) {
  EXPECT_EQ(*BackupFileName("workstreams", "", kNow), "workstreams-20251202T081500Z.db");
  EXPECT_EQ(*BackupFileName("workstreams", "before-upgrade-2", kNow),
            "workstreams-20251202T081500Z-before-upgrade-2.db");
  for (const char* bad : {"../x", "a/b", "Upper", "with space", "dot.db", "x\n",
                          "a-label-that-is-far-too-long-to-be-used"}) {
    auto name = BackupFileName("workstreams", bad, kNow);
    EXPECT_EQ(name.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(name.status().message().find("label"), std::string::npos) << name.status();
  }
}

class StoreAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = wp::testing::MakeTempDir("wp-store-admin");
    auto db = store::OpenSqlite({dir_ + "/notes.db", 1},
                                {{1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY)"}});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Write([](store::Transaction& tx) {
                     return store::ReserveOutboxRow(tx, "e1", "wp.notes.note.created").status();
                   }).ok());
    ASSERT_TRUE(store::StoreIdentity(*db_).ok());  // as the runtime does on start
    admin_ = std::make_unique<StoreAdminGrpc>(*db_, "notes", dir_ + "/backups", nullptr);
    caller_.actor = "ada.admin";
    caller_.role = "admin";
    caller_.method = "/wp.common.v1.StoreAdminService/BackupStore";
  }

  std::string dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<StoreAdminGrpc> admin_;
  server::Caller caller_;
};

TEST_F(StoreAdminTest, BacksUpIntoTheFolderAndAudits) {
  v1::BackupStoreRequest request;
  request.set_label("nightly");
  auto backup = admin_->TakeBackup(caller_, request);
  ASSERT_TRUE(backup.ok()) << backup.status();
  EXPECT_EQ(backup->path(), dir_ + "/backups/" + backup->name());
  EXPECT_TRUE(std::filesystem::exists(backup->path()));
  EXPECT_EQ(backup->last_outbox_seq(), 1);
  EXPECT_EQ(backup->store_id(), *store::StoreIdentity(*db_));
  EXPECT_GT(backup->bytes(), 0);

  auto audited = store::ReadValue<std::string>(*db_, [&](store::Transaction& tx) -> absl::StatusOr<std::string> {
    auto row = tx.QueryOne("SELECT subject || ' ' || resource || ' ' || summary FROM audit_records");
    if (!row.ok()) return row.status();
    return row->Text(0);
  });
  ASSERT_TRUE(audited.ok()) << audited.status();
  EXPECT_NE(audited->find("ada.admin backups/" + backup->name() + " backed up "), std::string::npos)
      << *audited;
  EXPECT_NE(audited->find("at outbox position 1"), std::string::npos) << *audited;
}

TEST_F(StoreAdminTest, ListsThisServicesBackupsOldestFirst) {
  auto empty = admin_->List();
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_EQ(empty->backups_size(), 0);

  auto backup = admin_->TakeBackup(caller_, {});
  ASSERT_TRUE(backup.ok()) << backup.status();
  // Neither another service's file, nor a backup being written, nor other files.
  for (const char* other : {"other-20251202T081500Z.db", "notes-20251202T081500Z.db.partial", "notes.txt"}) {
    std::ofstream(dir_ + "/backups/" + other) << "x";
  }
  // An older one that is not readable is listed still, with its size.
  std::ofstream(dir_ + "/backups/notes-20200101T000000Z.db") << "broken";

  auto listed = admin_->List();
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->backups_size(), 2);
  EXPECT_EQ(listed->backups(0).name(), "notes-20200101T000000Z.db");
  EXPECT_EQ(listed->backups(0).bytes(), 6);
  EXPECT_EQ(listed->backups(1).name(), backup->name());
  EXPECT_EQ(listed->backups(1).last_outbox_seq(), 1);
  EXPECT_EQ(listed->backups(1).store_id(), backup->store_id());
}

// Passes everything on to a database, but holds the first Read() until told.
class HeldReads : public store::Database {
 public:
  explicit HeldReads(store::Database& db) : db_(db) {}
  absl::Status Write(const store::TransactionBody& body) override { return db_.Write(body); }
  absl::Status Read(const store::TransactionBody& body) override {
    if (!entered_.HasBeenNotified()) {
      entered_.Notify();
      release_.WaitForNotification();
    }
    return db_.Read(body);
  }
  void SetCommitListener(std::function<void()> listener) override {
    db_.SetCommitListener(std::move(listener));
  }
  void SetTransactionObserver(store::TransactionObserver* observer) override {
    db_.SetTransactionObserver(observer);
  }
  absl::StatusOr<std::unique_ptr<store::Lease>> TryLease(absl::string_view name) override {
    return db_.TryLease(name);
  }
  store::StoreEngine engine() const override { return db_.engine(); }
  absl::Notification entered_;
  absl::Notification release_;

 private:
  store::Database& db_;
};

TEST_F(StoreAdminTest, OneBackupAtATime) {
  HeldReads held(*db_);
  StoreAdminGrpc admin(held, "notes", dir_ + "/backups", nullptr);
  absl::StatusOr<v1::Backup> first;
  std::thread running([&] {
    v1::BackupStoreRequest request;
    request.set_label("first");
    first = admin.TakeBackup(caller_, request);
  });
  held.entered_.WaitForNotification();  // the first backup is copying
  v1::BackupStoreRequest request;
  request.set_label("second");
  auto second = admin.TakeBackup(caller_, request);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition) << second.status();
  held.release_.Notify();
  running.join();
  ASSERT_TRUE(first.ok()) << first.status();
  // Once it is done, the next may run.
  EXPECT_TRUE(admin.TakeBackup(caller_, request).ok());
}

TEST_F(StoreAdminTest, ABadLabelTakesNoBackup) {
  v1::BackupStoreRequest request;
  request.set_label("../../outside");
  EXPECT_EQ(admin_->TakeBackup(caller_, request).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/backups"));
}

}  // namespace
}  // namespace wp::runtime
