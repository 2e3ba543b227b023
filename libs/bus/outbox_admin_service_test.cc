// The dead-letter admin functions on either store engine: listing with
// pages, re-driving with an audit record, and bad requests that change nothing.
#include "libs/bus/outbox_admin_service.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "libs/status/field_errors.h"
#include "libs/store/dead_letters.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"

namespace wp::bus {
namespace {

namespace v1 = wp::common::v1;

class OutboxAdminTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Database>> db = wp::testing::TestStore(GetParam()).Open({});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    caller_.actor = "ops@example";
    caller_.role = "admin";
    caller_.method = "/wp.common.v1.OutboxAdminService/RedriveDeadLetters";
  }

  // Writes an outbox row and moves it aside; returns its position.
  int64_t DeadLetter(const std::string& event_id) {
    int64_t seq = 0;
    EXPECT_TRUE(db_->Write([&](store::Transaction& tx) -> absl::Status {
                     absl::StatusOr<int64_t> s = store::ReserveOutboxRow(tx, event_id, "wp.t.x.y");
                     if (!s.ok()) return s.status();
                     seq = *s;
                     return store::SetOutboxPayload(tx, *s, "bytes");
                   }).ok());
    EXPECT_TRUE(store::MoveToDeadLetters(*db_, seq, "INVALID_ARGUMENT: too big", 5).ok());
    return seq;
  }

  int64_t Unsent() {
    absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db_, 100);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
  }

  std::unique_ptr<store::Database> db_;
  server::Caller caller_;
};

TEST_P(OutboxAdminTest, ListsDeadLettersInPagesOldestFirst) {
  const int64_t a = DeadLetter("e-1");
  const int64_t b = DeadLetter("e-2");
  EXPECT_EQ(Unsent(), 0);  // moved aside: the relay goes on

  v1::ListDeadLettersRequest request;
  request.set_page_size(1);
  absl::StatusOr<v1::ListDeadLettersResponse> first = ListDeadLetters(*db_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->dead_letters_size(), 1);
  EXPECT_EQ(first->dead_letters(0).seq(), a);
  EXPECT_EQ(first->dead_letters(0).event_id(), "e-1");
  EXPECT_EQ(first->dead_letters(0).subject(), "wp.t.x.y");
  EXPECT_EQ(first->dead_letters(0).payload_bytes(), 5);
  EXPECT_EQ(first->dead_letters(0).reason(), "INVALID_ARGUMENT: too big");
  EXPECT_EQ(first->dead_letters(0).attempts(), 5);
  EXPECT_GT(first->dead_letters(0).fail_time().seconds(), 0);
  EXPECT_EQ(first->total(), 2);
  ASSERT_FALSE(first->next_page_token().empty());

  request.set_page_token(first->next_page_token());
  absl::StatusOr<v1::ListDeadLettersResponse> second = ListDeadLetters(*db_, request);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->dead_letters_size(), 1);
  EXPECT_EQ(second->dead_letters(0).seq(), b);
  EXPECT_TRUE(second->next_page_token().empty());
}

TEST_P(OutboxAdminTest, BadListRequestsNameTheField) {
  v1::ListDeadLettersRequest request;
  request.set_page_size(-1);
  request.set_page_token("not a token");
  absl::StatusOr<v1::ListDeadLettersResponse> r = ListDeadLetters(*db_, request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<FieldViolation> v = FieldViolationsOf(r.status());
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "page_size");
  EXPECT_EQ(v[1].field, "page_token");
}

TEST_P(OutboxAdminTest, RedrivePutsTheEventBackWithAnAuditRecord) {
  const int64_t a = DeadLetter("e-1");
  v1::RedriveDeadLettersRequest request;
  request.add_seqs(a);
  absl::StatusOr<v1::RedriveDeadLettersResponse> r = RedriveDeadLetters(*db_, caller_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->redriven(), 1);

  absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].event_id, "e-1");
  EXPECT_EQ((*rows)[0].payload, "bytes");
  EXPECT_GT((*rows)[0].seq, a);
  absl::StatusOr<int64_t> left = store::CountDeadLetters(*db_);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 0);

  absl::StatusOr<std::vector<audit::StoredAuditEntry>> trail =
      store::ReadValue<std::vector<audit::StoredAuditEntry>>(
          *db_, [&](store::Transaction& tx) {
            return audit::ListAuditByResource(tx, absl::StrCat("outbox/deadLetters/", a), 0, 10);
          });
  ASSERT_TRUE(trail.ok()) << trail.status();
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ((*trail)[0].entry.subject, "ops@example");
}

TEST_P(OutboxAdminTest, RedriveAllTakesEveryDeadLetter) {
  DeadLetter("e-1");
  DeadLetter("e-2");
  v1::RedriveDeadLettersRequest request;
  request.set_all(true);
  absl::StatusOr<v1::RedriveDeadLettersResponse> r = RedriveDeadLetters(*db_, caller_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->redriven(), 2);
  EXPECT_EQ(Unsent(), 2);
}

TEST_P(OutboxAdminTest, BadRedriveRequestsChangeNothing) {
  const int64_t a = DeadLetter("e-1");
  v1::RedriveDeadLettersRequest neither;
  EXPECT_EQ(RedriveDeadLetters(*db_, caller_, neither).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::RedriveDeadLettersRequest both;
  both.add_seqs(a);
  both.set_all(true);
  EXPECT_EQ(RedriveDeadLetters(*db_, caller_, both).status().code(),
            absl::StatusCode::kInvalidArgument);
  // One unknown position fails the whole call: the known one stays aside.
  v1::RedriveDeadLettersRequest unknown;
  unknown.add_seqs(a);
  unknown.add_seqs(a + 100);
  EXPECT_EQ(RedriveDeadLetters(*db_, caller_, unknown).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Unsent(), 0);
  absl::StatusOr<int64_t> left = store::CountDeadLetters(*db_);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(OutboxAdminTest);

}  // namespace
}  // namespace wp::bus
