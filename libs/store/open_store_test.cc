// The --store_url setting: each form it accepts, the clear error for the ones it
// refuses, a description that never shows a password, and opening both
// engines from it (PostgreSQL: the shared test server).
#include "libs/store/open_store.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/postgres_server.h"
#include "libs/testing/server_process.h"

namespace wp::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseStoreLocationTest, EmptyMeansSqliteAtTheDefaultPath) {
  auto location = ParseStoreLocation("", "data/workstreams.db");
  ASSERT_TRUE(location.ok()) << location.status();
  EXPECT_EQ(location->engine, StoreEngine::kSqlite);
  EXPECT_EQ(location->sqlite_path, "data/workstreams.db");
  EXPECT_EQ(DescribeStore(*location), "sqlite:data/workstreams.db");
}

TEST(ParseStoreLocationTest, APathOrSqlitePrefixIsSqlite) {
  auto plain = ParseStoreLocation("/srv/wp/governance.db", "unused.db");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->sqlite_path, "/srv/wp/governance.db");
  auto prefixed = ParseStoreLocation("sqlite:/srv/wp/governance.db", "unused.db");
  ASSERT_TRUE(prefixed.ok());
  EXPECT_EQ(prefixed->engine, StoreEngine::kSqlite);
  EXPECT_EQ(prefixed->sqlite_path, "/srv/wp/governance.db");
  // "sqlite:" alone falls back to the default path.
  auto bare = ParseStoreLocation("sqlite:", "data/x.db");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->sqlite_path, "data/x.db");
}

TEST(ParseStoreLocationTest, PostgresUrlsAndTheirDescriptionWithoutPassword) {
  for (const char* url : {"postgres://wp:s3cret@db.example:5433/workstreams",
                          "postgresql://wp:s3cret@db.example:5433/workstreams?sslmode=require"}) {
    auto location = ParseStoreLocation(url, "unused.db");
    ASSERT_TRUE(location.ok()) << url << ": " << location.status();
    EXPECT_EQ(location->engine, StoreEngine::kPostgres);
    EXPECT_EQ(location->postgres_url, url);
    const std::string described = DescribeStore(*location);
    EXPECT_EQ(described, "postgres://db.example:5433/workstreams");
    EXPECT_THAT(described, Not(HasSubstr("s3cret")));
  }
}

TEST(ParseStoreLocationTest, RefusesWhatItCannotUse) {
  struct Case {
    const char* setting;
    const char* says;
  };
  for (const Case& c : {Case{"mysql://wp@host/db", "unknown engine in \"mysql://\""},
                        Case{"postgres://wp@host:5432", "names no database"},
                        Case{"postgres://wp@host:notaport/db", "not a PostgreSQL url"},
                        Case{"postgres://wp@host/db?nosuchparam=1", "not a PostgreSQL url"}}) {
    auto location = ParseStoreLocation(c.setting, "unused.db");
    ASSERT_FALSE(location.ok()) << c.setting;
    EXPECT_EQ(location.status().code(), absl::StatusCode::kInvalidArgument) << c.setting;
    EXPECT_THAT(location.status().message(), HasSubstr("store: ")) << c.setting;
    EXPECT_THAT(location.status().message(), HasSubstr(c.says)) << c.setting;
  }
}

// The same migrations and the same write through either engine.
void WriteAndReadBack(Database& db) {
  absl::Status s = db.Write([](Transaction& tx) -> absl::Status {
    return tx.Execute("INSERT INTO notes (id, body) VALUES (?, ?)", {int64_t{1}, std::string("hello")}).status();
  });
  ASSERT_TRUE(s.ok()) << s;
  auto body = ReadValue<std::string>(db, [](Transaction& tx) -> absl::StatusOr<std::string> {
    auto row = tx.QueryOne("SELECT body FROM notes WHERE id = ?", {int64_t{1}});
    if (!row.ok()) return row.status();
    return row->Text(0);
  });
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(*body, "hello");
}

const std::vector<Migration> kNotes = {{1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"}};

TEST(OpenStoreTest, OpensSqliteFromAPath) {
  auto location = ParseStoreLocation(testing::MakeTempDir("open-store") + "/notes.db", "unused.db");
  ASSERT_TRUE(location.ok());
  auto db = OpenStore(*location, kNotes);
  ASSERT_TRUE(db.ok()) << db.status();
  WriteAndReadBack(**db);
}

TEST(OpenStoreTest, OpensPostgresFromAUrl) {
  absl::StatusOr<testing::PostgresServer*> server = testing::SharedPostgres();
  ASSERT_TRUE(server.ok()) << server.status();
  absl::StatusOr<std::string> url = (*server)->CreateDatabase("open_store_test");
  ASSERT_TRUE(url.ok()) << url.status();
  auto location = ParseStoreLocation(*url, "unused.db");
  ASSERT_TRUE(location.ok()) << location.status();
  auto db = OpenStore(*location, kNotes);
  ASSERT_TRUE(db.ok()) << db.status();
  WriteAndReadBack(**db);
}

TEST(OpenStoreTest, AnUnreachablePostgresIsUnavailableAndNamesWhere) {
  const int port = testing::FreePort();
  auto location = ParseStoreLocation(absl::StrCat("postgres://wp:pw@127.0.0.1:", port, "/none"), "unused.db");
  ASSERT_TRUE(location.ok());
  auto db = OpenStore(*location, kNotes);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(db.status().message(), HasSubstr(absl::StrCat("127.0.0.1:", port, "/none")));
  EXPECT_THAT(db.status().message(), Not(HasSubstr("pw@")));
}

}  // namespace
}  // namespace wp::store
