// The notice board on either store engine: what it answers, what it stores,
// and the outbox row each change writes. No NATS: the outbox is the proof.
#include "examples/notices/notice_board.h"

#include <memory>

#include "examples/notices/migrations.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "wp/common/v1/event.pb.h"

namespace wp::examples::notices {
namespace {

class NoticeBoardTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  // [START unit_setup]
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    board_ = std::make_unique<NoticeBoard>(*db_);
  }
  // [END unit_setup]

  std::vector<store::OutboxMessage> Outbox() {
    auto unsent = store::FetchUnsent(*db_, 100);
    EXPECT_TRUE(unsent.ok()) << unsent.status();
    return unsent.ok() ? *unsent : std::vector<store::OutboxMessage>{};
  }

  server::Caller caller_{"ann", "trace-1", "", "officer", {}, "/wp.examples.v1.NoticesService/PostNotice"};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<NoticeBoard> board_;
};

TEST_P(NoticeBoardTest, PostStoresTheNoticeAndOneEvent) {
  v1::PostNoticeRequest request;
  request.mutable_notice()->set_title("Inset day");
  request.set_request_id("r1");
  absl::StatusOr<v1::Notice> posted = board_->PostNotice(caller_, request);
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(posted->posted_by(), "ann");

  v1::GetNoticeRequest get;
  get.set_name(posted->name());
  absl::StatusOr<v1::Notice> got = board_->GetNotice(get);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "Inset day");

  // The retry answers the first notice and writes no second event.
  absl::StatusOr<v1::Notice> again = board_->PostNotice(caller_, request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), posted->name());

  std::vector<store::OutboxMessage> outbox = Outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0].subject, "wp.notices.notice.posted");
  wp::common::v1::Event event;
  ASSERT_TRUE(event.ParseFromString(outbox[0].payload));
  v1::NoticePosted payload;
  ASSERT_TRUE(event.payload().UnpackTo(&payload));
  EXPECT_EQ(payload.notice().name(), posted->name());
}

TEST_P(NoticeBoardTest, ARefusedPostWritesNothing) {
  v1::PostNoticeRequest request;
  request.mutable_notice()->set_title("  ");
  EXPECT_EQ(board_->PostNotice(caller_, request).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Outbox().empty());
}

TEST_P(NoticeBoardTest, AMissingNoticeIsNotFound) {
  v1::GetNoticeRequest get;
  get.set_name("notices/none");
  absl::Status s = board_->GetNotice(get).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find("notices/none"), std::string::npos) << s;
}

WP_INSTANTIATE_ON_EVERY_ENGINE(NoticeBoardTest);

}  // namespace
}  // namespace wp::examples::notices
