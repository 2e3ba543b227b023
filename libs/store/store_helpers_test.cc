// CreateOnce and UpdateWithEtag against a real database of each engine.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag_update.h"
#include "libs/testing/test_store.h"

namespace wp::store {
namespace {

const std::vector<Migration> kMigrations = {
    {1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, version INTEGER NOT NULL)"},
};

// A resource as the helpers see it: a name and an etag.
struct Note {
  int64_t id = 0;
  std::string body;
  int64_t version = 0;
  std::string name() const { return absl::StrCat("notes/", id); }
  std::string etag() const { return EtagOf(version); }
};

bool SameNote(const Note& a, const Note& b) { return a.body == b.body; }

using wp::testing::Engine;

class StoreHelpersTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(kMigrations);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static absl::StatusOr<Note> Load(Transaction& tx, int64_t id) {
    WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT id, body, version FROM notes WHERE id = ?", {id}));
    return Note{row.Int(0), row.Text(1), row.Int(2)};
  }
  static absl::StatusOr<Note> LoadNamed(Transaction& tx, const std::string& name) {
    return Load(tx, std::stoll(name.substr(std::string("notes/").size())));
  }

  // A create of `body` answering request `request_id`.
  absl::StatusOr<Note> Create(const std::string& request_id, const std::string& body) {
    return WriteValue<Note>(*db_, [&](Transaction& tx) {
      return CreateOnce<Note>(
          tx, {"CreateNote", request_id, absl::Now()},
          [&](const std::string& made) { return LoadNamed(tx, made); },
          [&]() -> absl::StatusOr<Note> {
            WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO notes (body, version) VALUES (?, 1)", {body}).status());
            WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT MAX(id) FROM notes"));
            return Load(tx, row.Int(0));
          });
    });
  }

  // Sets the body of note `id`, as a client holding `etag` asks; counts saves.
  absl::StatusOr<Note> SetBody(int64_t id, const std::string& etag, const std::string& body) {
    return WriteValue<Note>(*db_, [&](Transaction& tx) {
      return UpdateWithEtag<Note>(
          etag, [&] { return Load(tx, id); },
          [&](Note& next) -> absl::Status {
            if (body.empty()) return absl::InvalidArgumentError("body: must not be empty");
            next.body = body;
            return absl::OkStatus();
          },
          [&](const Note& next, int64_t version) -> absl::StatusOr<Note> {
            ++saves_;
            WP_RETURN_IF_ERROR(tx.Execute("UPDATE notes SET body = ?, version = version + 1 "
                                          "WHERE id = ? AND version = ?",
                                          {next.body, id, version})
                                   .status());
            return Load(tx, id);
          },
          SameNote);
    });
  }

  int64_t Count() {
    auto n = ReadValue<int64_t>(*db_, [](Transaction& tx) -> absl::StatusOr<int64_t> {
      WP_ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT COUNT(*) FROM notes"));
      return row.Int(0);
    });
    EXPECT_TRUE(n.ok()) << n.status();
    return n.value_or(-1);
  }

  std::unique_ptr<Database> db_;
  int saves_ = 0;
};

TEST_P(StoreHelpersTest, ARetryAnswersWithWhatTheFirstCallMade) {
  auto first = Create("req-1", "hello");
  ASSERT_TRUE(first.ok()) << first.status();
  auto retry = Create("req-1", "something else");  // the body of a retry is not looked at
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->name(), first->name());
  EXPECT_EQ(retry->body, "hello");
  EXPECT_EQ(Count(), 1);
}

TEST_P(StoreHelpersTest, WithoutARequestIdEveryCallCreates) {
  ASSERT_TRUE(Create("", "a").ok());
  ASSERT_TRUE(Create("", "a").ok());
  EXPECT_EQ(Count(), 2);
}

TEST_P(StoreHelpersTest, AFailedCreateRecordsNothing) {
  auto failed = WriteValue<Note>(*db_, [&](Transaction& tx) {
    return CreateOnce<Note>(
        tx, {"CreateNote", "req-2", absl::Now()}, [&](const std::string& made) { return LoadNamed(tx, made); },
        []() -> absl::StatusOr<Note> { return absl::FailedPreconditionError("refused"); });
  });
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kFailedPrecondition);
  auto then = Create("req-2", "made now");  // the id is free: nothing was recorded
  ASSERT_TRUE(then.ok()) << then.status();
  EXPECT_EQ(then->body, "made now");
}

TEST_P(StoreHelpersTest, UpdatesApplyWithTheCurrentEtagOrNone) {
  auto note = Create("", "one");
  ASSERT_TRUE(note.ok());
  auto with_etag = SetBody(note->id, note->etag(), "two");
  ASSERT_TRUE(with_etag.ok()) << with_etag.status();
  EXPECT_EQ(with_etag->body, "two");
  EXPECT_EQ(with_etag->version, note->version + 1);
  auto without = SetBody(note->id, "", "three");
  ASSERT_TRUE(without.ok()) << without.status();
  EXPECT_EQ(without->body, "three");
  EXPECT_EQ(saves_, 2);
}

TEST_P(StoreHelpersTest, AStaleEtagIsAbortedAndChangesNothing) {
  auto note = Create("", "one");
  ASSERT_TRUE(note.ok());
  ASSERT_TRUE(SetBody(note->id, note->etag(), "two").ok());
  auto stale = SetBody(note->id, note->etag(), "three");
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_NE(stale.status().message().find(note->name()), std::string::npos);
  auto now = ReadValue<Note>(*db_, [&](Transaction& tx) { return Load(tx, note->id); });
  EXPECT_EQ(now->body, "two");
}

TEST_P(StoreHelpersTest, ANoOpChangeSavesNothing) {
  auto note = Create("", "same");
  ASSERT_TRUE(note.ok());
  auto again = SetBody(note->id, note->etag(), "same");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->version, note->version);
  EXPECT_EQ(saves_, 0);
}

TEST_P(StoreHelpersTest, ARefusedChangeSavesNothing) {
  auto note = Create("", "kept");
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(SetBody(note->id, "", "").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(saves_, 0);
}

TEST_P(StoreHelpersTest, AMissingResourceIsNotFound) {
  EXPECT_EQ(SetBody(404, "", "x").status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(StoreHelpersTest);

}  // namespace
}  // namespace wp::store
