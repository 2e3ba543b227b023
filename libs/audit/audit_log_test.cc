#include "libs/audit/audit_log.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/test_store.h"

namespace wp::audit {
namespace {

const absl::Time kT0 = absl::FromUnixMicros(1700000000123456);

AuditEntry Entry(const std::string& subject, const std::string& resource, const std::string& summary,
                 absl::Time at = kT0) {
  server::Caller caller;
  caller.actor = subject;
  caller.role = "officer";
  caller.method = "/wp.test.v1.TestService/Change";
  caller.trace_id = "trace-" + summary;
  return EntryFor(caller, resource, summary, at);
}

class AuditLogTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = Open();
    ASSERT_NE(db_, nullptr);
  }

  std::unique_ptr<store::Database> Open() {
    auto db = store_.Open({});
    EXPECT_TRUE(db.ok()) << db.status();
    if (!db.ok()) return nullptr;
    return std::move(*db);
  }

  absl::Status Record(const AuditEntry& e) {
    return db_->Write([&](store::Transaction& tx) { return RecordAudit(tx, e); });
  }

  std::vector<StoredAuditEntry> ByResource(const std::string& resource, int64_t after, int limit) {
    auto r = store::ReadValue<std::vector<StoredAuditEntry>>(
        *db_, [&](store::Transaction& tx) { return ListAuditByResource(tx, resource, after, limit); });
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : std::vector<StoredAuditEntry>{};
  }

  std::vector<StoredAuditEntry> BySubject(const std::string& subject, int64_t after, int limit) {
    auto r = store::ReadValue<std::vector<StoredAuditEntry>>(
        *db_, [&](store::Transaction& tx) { return ListAuditBySubject(tx, subject, after, limit); });
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : std::vector<StoredAuditEntry>{};
  }

  static std::vector<std::string> Summaries(const std::vector<StoredAuditEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.entry.summary);
    return out;
  }

  wp::testing::TestStore store_{GetParam()};
  std::unique_ptr<store::Database> db_;
};

TEST_P(AuditLogTest, EntryForCopiesTheCaller) {
  server::Caller caller;
  caller.actor = "alice";
  caller.role = "admin";
  caller.authorities = {"A1"};
  caller.method = "/wp.x.v1.X/Update";
  caller.trace_id = "t-1";
  AuditEntry e = EntryFor(caller, "things/1", "name: a -> b", kT0);
  EXPECT_EQ(e.subject, "alice");
  EXPECT_EQ(e.role, "admin");
  EXPECT_EQ(e.method, "/wp.x.v1.X/Update");
  EXPECT_EQ(e.resource, "things/1");
  EXPECT_EQ(e.summary, "name: a -> b");
  EXPECT_EQ(e.trace_id, "t-1");
  EXPECT_EQ(e.at, kT0);
}

TEST_P(AuditLogTest, RecordsRoundTripAndSurviveReopen) {
  ASSERT_TRUE(Record(Entry("alice", "things/1", "created")).ok());
  db_ = Open();  // migrations again: idempotent, data kept
  ASSERT_NE(db_, nullptr);
  std::vector<StoredAuditEntry> got = ByResource("things/1", 0, 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_GT(got[0].id, 0);
  EXPECT_EQ(got[0].entry.subject, "alice");
  EXPECT_EQ(got[0].entry.role, "officer");
  EXPECT_EQ(got[0].entry.method, "/wp.test.v1.TestService/Change");
  EXPECT_EQ(got[0].entry.resource, "things/1");
  EXPECT_EQ(got[0].entry.summary, "created");
  EXPECT_EQ(got[0].entry.trace_id, "trace-created");
  EXPECT_EQ(got[0].entry.at, kT0);  // microsecond precision kept
}

TEST_P(AuditLogTest, RolledBackTransactionKeepsNoRecord) {
  absl::Status s = db_->Write([&](store::Transaction& tx) -> absl::Status {
    if (absl::Status r = RecordAudit(tx, Entry("alice", "things/1", "doomed")); !r.ok()) return r;
    return absl::FailedPreconditionError("the change itself failed");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(ByResource("things/1", 0, 10).empty());
  EXPECT_TRUE(BySubject("alice", 0, 10).empty());

  ASSERT_TRUE(Record(Entry("alice", "things/1", "kept")).ok());
  EXPECT_EQ(Summaries(ByResource("things/1", 0, 10)), std::vector<std::string>{"kept"});
}

TEST_P(AuditLogTest, ChangeFailsWhenItCannotBeAudited) {
  const std::vector<store::Migration> things = {{1, "things", "CREATE TABLE things (id INTEGER PRIMARY KEY)"}};
  auto bare = wp::testing::TestStore(GetParam()).Open(things, 1);
  ASSERT_TRUE(bare.ok()) << bare.status();
  // The platform migrations may create the audit table; take it away.
  ASSERT_TRUE((*bare)->Write([](store::Transaction& tx) {
                        return tx.Execute("DROP TABLE IF EXISTS audit_records").status();
                      }).ok());
  absl::Status s = (*bare)->Write([&](store::Transaction& tx) -> absl::Status {
    if (auto r = tx.Execute("INSERT INTO things (id) VALUES (1)"); !r.ok()) return r.status();
    return RecordAudit(tx, Entry("alice", "things/1", "created"));  // no audit table
  });
  EXPECT_FALSE(s.ok());
  auto count = store::ReadValue<int64_t>(**bare, [](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM things");
    if (!row.ok()) return row.status();
    return row->Int(0);
  });
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(*count, 0);
}

TEST_P(AuditLogTest, RejectsIncompleteEntries) {
  EXPECT_EQ(Record(Entry("", "things/1", "x")).code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Record(Entry("alice", "", "x")).code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Record(Entry("alice", "things/1", "x", absl::InfiniteFuture())).code(),
            absl::StatusCode::kInternal);
  EXPECT_TRUE(BySubject("alice", 0, 10).empty());
}

TEST_P(AuditLogTest, ListsByResourceAndBySubjectInPages) {
  // alice and bob take turns changing things/1 and things/2.
  for (int i = 0; i < 10; ++i) {
    const std::string who = i % 2 == 0 ? "alice" : "bob";
    const std::string what = i < 5 ? "things/1" : "things/2";
    ASSERT_TRUE(Record(Entry(who, what, "change " + std::to_string(i), kT0 + absl::Seconds(i))).ok());
  }

  // things/1: changes 0..4, in pages of 2, oldest first.
  std::vector<std::string> seen;
  int64_t after = 0;
  int pages = 0;
  for (;;) {
    std::vector<StoredAuditEntry> page = ByResource("things/1", after, 2);
    if (page.empty()) break;
    ++pages;
    ASSERT_LE(page.size(), 2u);
    for (const auto& e : page) {
      EXPECT_GT(e.id, after);
      EXPECT_EQ(e.entry.resource, "things/1");
      after = e.id;
      seen.push_back(e.entry.summary);
    }
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"change 0", "change 1", "change 2", "change 3", "change 4"}));

  // bob: changes 1, 3, 5, 7, 9 across both resources.
  seen.clear();
  after = 0;
  for (;;) {
    std::vector<StoredAuditEntry> page = BySubject("bob", after, 2);
    if (page.empty()) break;
    for (const auto& e : page) {
      EXPECT_EQ(e.entry.subject, "bob");
      after = e.id;
      seen.push_back(e.entry.summary);
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"change 1", "change 3", "change 5", "change 7", "change 9"}));

  EXPECT_TRUE(ByResource("things/3", 0, 10).empty());
  EXPECT_TRUE(ByResource("things", 0, 10).empty());  // exact names only
}

TEST_P(AuditLogTest, ChangesAndRelatedResourcesRoundTrip) {
  AuditEntry move = Entry("alice", "plans/p/reallocations/1", "budget.reallocated");
  move.changes = {{"amount", "", "500"}, {"reason", "", "it's \"urgent\"\n"}};
  // The own resource and duplicates are kept once.
  move.related_resources = {"plans/p/budgetLines/b", "plans/p/budgetLines/a", "plans/p/budgetLines/a",
                            "plans/p/reallocations/1"};
  ASSERT_TRUE(Record(move).ok());
  ASSERT_TRUE(Record(Entry("bob", "plans/p/budgetLines/a", "budget.updated", kT0 + absl::Seconds(1))).ok());

  std::vector<StoredAuditEntry> got = ByResource("plans/p/budgetLines/b", 0, 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].entry.resource, "plans/p/reallocations/1");
  EXPECT_EQ(got[0].entry.changes, move.changes);
  EXPECT_EQ(got[0].entry.related_resources,
            (std::vector<std::string>{"plans/p/budgetLines/a", "plans/p/budgetLines/b"}));

  // A line's trail: the move touching it and its own change, in order.
  EXPECT_EQ(Summaries(ByResource("plans/p/budgetLines/a", 0, 10)),
            (std::vector<std::string>{"budget.reallocated", "budget.updated"}));
  EXPECT_EQ(Summaries(ByResource("plans/p/reallocations/1", 0, 10)),
            std::vector<std::string>{"budget.reallocated"});
  // A record without details has none.
  EXPECT_TRUE(BySubject("bob", 0, 10).at(0).entry.changes.empty());
}

TEST_P(AuditLogTest, ListsByTimeRangeAloneOrWithOtherFilters) {
  for (int i = 0; i < 6; ++i) {
    AuditEntry e = Entry(i % 2 == 0 ? "alice" : "bob", i < 3 ? "things/1" : "things/2",
                         "change " + std::to_string(i), kT0 + absl::Seconds(i));
    if (i == 4) e.related_resources = {"things/1"};
    ASSERT_TRUE(Record(e).ok());
  }
  auto list = [&](const AuditQuery& q, int64_t after, int limit) {
    auto r = store::ReadValue<std::vector<StoredAuditEntry>>(
        *db_, [&](store::Transaction& tx) { return ListAudit(tx, q, after, limit); });
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? Summaries(*r) : std::vector<std::string>{};
  };
  AuditQuery q;
  q.from = kT0 + absl::Seconds(1);
  q.to = kT0 + absl::Seconds(4);  // exclusive
  EXPECT_EQ(list(q, 0, 10), (std::vector<std::string>{"change 1", "change 2", "change 3"}));
  EXPECT_EQ(list(q, 0, 2), (std::vector<std::string>{"change 1", "change 2"}));
  q.to = absl::InfiniteFuture();
  q.resource = "things/1";
  EXPECT_EQ(list(q, 0, 10), (std::vector<std::string>{"change 1", "change 2", "change 4"}));
  q.subject = "alice";
  EXPECT_EQ(list(q, 0, 10), (std::vector<std::string>{"change 2", "change 4"}));
  EXPECT_EQ(list(AuditQuery{}, 0, 100).size(), 6u);
}

TEST_P(AuditLogTest, ListRejectsNonPositiveLimit) {
  auto r = store::ReadValue<std::vector<StoredAuditEntry>>(
      *db_, [](store::Transaction& tx) { return ListAuditByResource(tx, "things/1", 0, 0); });
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(AuditLogTest);

}  // namespace
}  // namespace wp::audit
