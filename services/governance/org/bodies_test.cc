// Bodies on either store engine: the seeded standing bodies, created ones
// (kind OTHER), the quorum rule checks, the listing order and updates.
#include "services/governance/org/bodies.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/org/org_test_support.h"

namespace wp::governance {
namespace {

using test_support::Exec;
using test_support::FieldsOf;
using test_support::Mask;

v1::CreateBodyRequest BodyRequest(const std::string& id, const std::string& title, int minimum = 3) {
  v1::CreateBodyRequest request;
  request.set_body_id(id);
  request.mutable_body()->set_title(title);
  request.mutable_body()->set_description("Plans the numeracy work across the region.");
  request.mutable_body()->set_cadence("monthly");
  request.mutable_body()->mutable_quorum_rule()->set_minimum_members(minimum);
  request.mutable_body()->mutable_quorum_rule()->set_chair_required(true);
  return request;
}

std::vector<std::string> Names(const v1::ListBodiesResponse& response) {
  std::vector<std::string> names;
  for (const auto& b : response.bodies()) names.push_back(b.name());
  return names;
}

class BodiesTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    bodies_ = std::make_unique<Bodies>(*db_);
  }

  v1::Body Create(const v1::CreateBodyRequest& request) {
    auto b = bodies_->CreateBody(caller_, request);
    EXPECT_TRUE(b.ok()) << b.status();
    return b.ok() ? *b : v1::Body();
  }

  absl::StatusOr<v1::Body> Get(const std::string& name) {
    v1::GetBodyRequest request;
    request.set_name(name);
    return bodies_->GetBody(caller_, request);
  }

  std::vector<std::string> ListAll(const v1::ListBodiesRequest& request, int* pages) {
    return test_support::AllPages<std::string>(
        request, [&](const v1::ListBodiesRequest& r) { return bodies_->ListBodies(caller_, r); },
        [&](const auto& page, std::vector<std::string>* names) {
          for (const auto& n : Names(page)) names->push_back(n);
        },
        pages);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Bodies> bodies_;
  server::Caller caller_ = test_support::OfficerCaller("ian.mcleod", "trace-b");
};

TEST_P(BodiesTest, CreatedBodyIsOtherAndPublished) {
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Body created = Create(BodyRequest("numeracy-group", "Numeracy Working Group"));
  EXPECT_EQ(created.name(), "bodies/numeracy-group");
  EXPECT_EQ(created.kind(), v1::Body::OTHER);
  EXPECT_EQ(created.title(), "Numeracy Working Group");
  EXPECT_EQ(created.cadence(), "monthly");
  EXPECT_EQ(created.quorum_rule().minimum_members(), 3);
  EXPECT_TRUE(created.quorum_rule().chair_required());
  EXPECT_EQ(created.current_members(), 0);
  EXPECT_EQ(created.etag(), "1");

  auto got = Get("bodies/numeracy-group");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.body.created");
  EXPECT_EQ(events[0].subject(), "bodies/numeracy-group");
  v1::Body payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.SerializeAsString(), created.SerializeAsString());
  EXPECT_EQ(test_support::AuditOf(*db_, "bodies/numeracy-group", "ian.mcleod"),
            std::vector<std::string>{"body.created"});
}

TEST_P(BodiesTest, KindOtherMayBeSentButNoStandingKind) {
  v1::CreateBodyRequest request = BodyRequest("numeracy-group", "Numeracy Working Group");
  request.mutable_body()->set_kind(v1::Body::OTHER);
  EXPECT_EQ(Create(request).kind(), v1::Body::OTHER);
  request.set_body_id("second-board");
  request.mutable_body()->set_kind(v1::Body::BOARD);
  auto board = bodies_->CreateBody(caller_, request);
  EXPECT_EQ(FieldsOf(board.status()), std::vector<std::string>{"body.kind"});
}

TEST_P(BodiesTest, BadCreateNamesEveryField) {
  v1::CreateBodyRequest request = BodyRequest("Bad Id", "", 0);
  request.mutable_body()->set_description(std::string(20001, 'd'));
  request.mutable_body()->set_cadence("every\nmonth");
  request.set_request_id(std::string(101, 'r'));
  auto b = bodies_->CreateBody(caller_, request);
  EXPECT_EQ(b.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(b.status()),
            (std::vector<std::string>{"body_id", "body.title", "body.description", "body.cadence",
                                      "body.quorum_rule.minimum_members", "request_id"}));
}

TEST_P(BodiesTest, QuorumRuleIsRequiredAndBounded) {
  v1::CreateBodyRequest request = BodyRequest("numeracy-group", "Numeracy Working Group");
  request.mutable_body()->clear_quorum_rule();
  EXPECT_EQ(FieldsOf(bodies_->CreateBody(caller_, request).status()), std::vector<std::string>{"body.quorum_rule"});
  request.mutable_body()->mutable_quorum_rule()->set_minimum_members(101);
  EXPECT_EQ(FieldsOf(bodies_->CreateBody(caller_, request).status()),
            std::vector<std::string>{"body.quorum_rule.minimum_members"});
  request.mutable_body()->mutable_quorum_rule()->set_minimum_members(100);
  EXPECT_TRUE(bodies_->CreateBody(caller_, request).ok());
}

TEST_P(BodiesTest, ControlCharactersInTheTitleAreRejected) {
  auto b = bodies_->CreateBody(caller_, BodyRequest("numeracy-group", std::string("Numeracy\x1fGroup")));
  EXPECT_EQ(FieldsOf(b.status()), std::vector<std::string>{"body.title"});
}

TEST_P(BodiesTest, ATakenIdIsAlreadyExists) {
  auto b = bodies_->CreateBody(caller_, BodyRequest("board", "Another Board"));
  EXPECT_EQ(b.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Get("bodies/board")->title(), "Board");
}

TEST_P(BodiesTest, RetryWithTheSameRequestIdReturnsTheFirstBody) {
  v1::CreateBodyRequest request = BodyRequest("numeracy-group", "Numeracy Working Group");
  request.set_request_id("req-1");
  const v1::Body first = Create(request);
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Body second = Create(request);
  EXPECT_EQ(second.SerializeAsString(), first.SerializeAsString());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(BodiesTest, GetOfSeededMissingAndMalformed) {
  auto board = Get("bodies/board");
  ASSERT_TRUE(board.ok()) << board.status();
  EXPECT_EQ(board->kind(), v1::Body::BOARD);
  EXPECT_EQ(board->quorum_rule().minimum_members(), 5);
  EXPECT_EQ(Get("bodies/nothing").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FieldsOf(Get("bodies/-").status()), std::vector<std::string>{"name"});
}

TEST_P(BodiesTest, CurrentMembersCountsMembershipsCurrentToday) {
  Exec(*db_, "INSERT INTO people (id, display_name, version, create_us, update_us) VALUES "
             "('a-one', 'A One', 1, 0, 0), ('b-two', 'B Two', 1, 0, 0), ('c-three', 'C Three', 1, 0, 0), "
             "('d-four', 'D Four', 1, 0, 0)");
  const std::string today = TodayText();
  // Current without end, current ending today, ended, not yet started.
  Exec(*db_,
       "INSERT INTO memberships (body_id, number, person_id, role, start_day, end_day, version, create_us, "
       "update_us) VALUES ('board', 1, 'a-one', 4, '2020-01-01', NULL, 1, 0, 0), "
       "('board', 2, 'b-two', 4, '2020-01-01', ?, 1, 0, 0), "
       "('board', 3, 'c-three', 4, '2020-01-01', '2021-01-01', 1, 0, 0), "
       "('board', 4, 'd-four', 4, '2199-01-01', NULL, 1, 0, 0)",
       {today});
  const int members = Get("bodies/board")->current_members();
  if (TodayText() != today) GTEST_SKIP() << "the day changed during the test";
  EXPECT_EQ(members, 2);
  EXPECT_EQ(Get("bodies/finance-sub-group")->current_members(), 0);
}

TEST_P(BodiesTest, ListHasStandingBodiesInKindOrderThenOthersByTitle) {
  Create(BodyRequest("zeta", "Attainment Working Group"));
  Create(BodyRequest("alpha", "Wellbeing Working Group"));
  Create(BodyRequest("mid", "Moderation Group"));
  v1::ListBodiesRequest request;
  request.set_page_size(2);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"bodies/regional-education-committee", "bodies/board",
                                      "bodies/implementation-group", "bodies/finance-sub-group", "bodies/zeta",
                                      "bodies/mid", "bodies/alpha"}));
  EXPECT_EQ(pages, 4);

  request.set_kind(v1::Body::OTHER);
  EXPECT_EQ(ListAll(request, &pages), (std::vector<std::string>{"bodies/zeta", "bodies/mid", "bodies/alpha"}));
  EXPECT_EQ(pages, 2);
  request.set_kind(v1::Body::BOARD);
  EXPECT_EQ(ListAll(request, &pages), std::vector<std::string>{"bodies/board"});
}

TEST_P(BodiesTest, ListRejectsBadKindAndPaging) {
  v1::ListBodiesRequest request;
  request.set_kind(static_cast<v1::Body::Kind>(42));
  request.set_page_size(-1);
  request.set_page_token("zzz");
  auto page = bodies_->ListBodies(caller_, request);
  EXPECT_EQ(FieldsOf(page.status()), (std::vector<std::string>{"kind", "page_size", "page_token"}));
}

TEST_P(BodiesTest, UpdateChangesTheMaskedFieldsAndPublishes) {
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdateBodyRequest request;
  request.mutable_body()->set_name("bodies/board");
  request.mutable_body()->set_title("Not this");  // not in the mask
  request.mutable_body()->set_cadence("six-weekly");
  request.mutable_body()->mutable_quorum_rule()->set_minimum_members(6);
  request.mutable_body()->mutable_quorum_rule()->set_chair_required(true);
  request.mutable_body()->set_kind(v1::Body::OTHER);  // output only
  request.mutable_body()->set_etag("1");
  *request.mutable_update_mask() = Mask({"cadence", "quorum_rule"});
  auto updated = bodies_->UpdateBody(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Board");
  EXPECT_EQ(updated->kind(), v1::Body::BOARD);
  EXPECT_EQ(updated->cadence(), "six-weekly");
  EXPECT_EQ(updated->quorum_rule().minimum_members(), 6);
  EXPECT_TRUE(updated->quorum_rule().chair_required());
  EXPECT_EQ(updated->etag(), "2");

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.body.updated");
  EXPECT_EQ(events[0].subject(), "bodies/board");
  v1::Body payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.quorum_rule().minimum_members(), 6);
  EXPECT_EQ(test_support::AuditOf(*db_, "bodies/board", "ian.mcleod"), std::vector<std::string>{"body.updated"});
}

TEST_P(BodiesTest, UpdateThatChangesNothingPublishesNothing) {
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdateBodyRequest request;
  request.mutable_body()->set_name("bodies/board");
  request.mutable_body()->set_title("Board");
  *request.mutable_update_mask() = Mask({"title"});
  auto same = bodies_->UpdateBody(caller_, request);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->etag(), "1");
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(BodiesTest, UpdateErrors) {
  v1::UpdateBodyRequest request;
  request.mutable_body()->set_name("bodies/board");
  request.mutable_body()->set_title("");
  request.mutable_body()->set_cadence("a\nb");
  request.mutable_body()->mutable_quorum_rule()->set_minimum_members(-1);
  auto bad = bodies_->UpdateBody(caller_, request);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"body.title", "body.cadence", "body.quorum_rule.minimum_members"}));

  v1::UpdateBodyRequest no_rule;
  no_rule.mutable_body()->set_name("bodies/board");
  *no_rule.mutable_update_mask() = Mask({"quorum_rule"});
  EXPECT_EQ(FieldsOf(bodies_->UpdateBody(caller_, no_rule).status()), std::vector<std::string>{"body.quorum_rule"});

  *no_rule.mutable_update_mask() = Mask({"kind"});
  EXPECT_EQ(FieldsOf(bodies_->UpdateBody(caller_, no_rule).status()), std::vector<std::string>{"update_mask"});

  v1::UpdateBodyRequest stale;
  stale.mutable_body()->set_name("bodies/board");
  stale.mutable_body()->set_title("Board of Directors");
  stale.mutable_body()->set_etag("3");
  *stale.mutable_update_mask() = Mask({"title"});
  EXPECT_EQ(bodies_->UpdateBody(caller_, stale).status().code(), absl::StatusCode::kAborted);
  stale.mutable_body()->set_name("bodies/nothing");
  EXPECT_EQ(bodies_->UpdateBody(caller_, stale).status().code(), absl::StatusCode::kNotFound);
  stale.mutable_body()->set_name("board");
  EXPECT_EQ(FieldsOf(bodies_->UpdateBody(caller_, stale).status()), std::vector<std::string>{"body.name"});

  auto board = Get("bodies/board");
  ASSERT_TRUE(board.ok()) << board.status();
  EXPECT_EQ(board->title(), "Board");
  EXPECT_EQ(board->etag(), "1");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(BodiesTest);

}  // namespace
}  // namespace wp::governance
