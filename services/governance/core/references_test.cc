#include "services/governance/core/references.h"

#include "gtest/gtest.h"
#include "services/governance/core/governance_test_support.h"

namespace wp::governance {
namespace {

using test_support::Exec;

class ReferencesTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    Exec(*db_, "INSERT INTO people (id, display_name, version, create_us, update_us) "
               "VALUES ('jane-smith', 'Jane Smith', 1, 0, 0)");
    Exec(*db_, "INSERT INTO memberships (body_id, number, person_id, role, advisory, start_day, end_day, "
               "version, create_us, update_us) VALUES ('board', 1, 'jane-smith', 4, 0, '2020-08-01', "
               "'2023-06-30', 1, 0, 0)");
    Exec(*db_, "INSERT INTO meetings (body_id, number, title, meeting_day, state, version, create_us, "
               "update_us) VALUES ('board', 1, 'Board, June 2022', '2022-06-14', 2, 1, 0, 0)");
    Exec(*db_, "INSERT INTO meetings (body_id, number, title, meeting_day, state, version, create_us, "
               "update_us) VALUES ('board', 2, 'Board, August 2022', '2022-08-30', 1, 1, 0, 0)");
    Exec(*db_, "INSERT INTO decisions (body_id, meeting_number, number, text, outcome, create_us) "
               "VALUES ('board', 1, 1, 'Approve the plan', 1, 0)");
  }

  template <typename T>
  absl::StatusOr<T> Read(const std::function<absl::StatusOr<T>(store::Transaction&)>& body) {
    return store::ReadValue<T>(*db_, body);
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(ReferencesTest, TheEightAuthoritiesAndFourStandingBodiesAreSeeded) {
  auto count = Read<int64_t>([](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM authorities");
    if (!row.ok()) return row.status();
    return row->Int(0);
  });
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(*count, 8);
  for (const auto& [name, kind] : std::vector<std::pair<std::string, v1::Body::Kind>>{
           {"bodies/regional-education-committee", v1::Body::REGIONAL_EDUCATION_COMMITTEE},
           {"bodies/board", v1::Body::BOARD},
           {"bodies/implementation-group", v1::Body::IMPLEMENTATION_GROUP},
           {"bodies/finance-sub-group", v1::Body::FINANCE_SUB_GROUP}}) {
    auto body = Read<BodyRef>([&](store::Transaction& tx) { return ResolveBody(tx, name, "body"); });
    ASSERT_TRUE(body.ok()) << body.status();
    EXPECT_EQ(body->kind, kind) << name;
  }
}

TEST_P(ReferencesTest, PersonMissingIsNotFoundAndMalformedIsInvalid) {
  auto found = Read<PersonRef>([](store::Transaction& tx) { return ResolvePerson(tx, "people/jane-smith", "owner"); });
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->display_name, "Jane Smith");
  auto missing = Read<PersonRef>([](store::Transaction& tx) { return ResolvePerson(tx, "people/nobody", "owner"); });
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  auto bad = Read<PersonRef>([](store::Transaction& tx) { return ResolvePerson(tx, "jane", "owner"); });
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(test_support::FieldsOf(bad.status()), std::vector<std::string>{"owner"});
}

TEST_P(ReferencesTest, MeetingMustBeHeldAndOfTheRightBodyWhenAsked) {
  auto held = Read<MeetingRef>([](store::Transaction& tx) {
    return ResolveMeeting(tx, "bodies/board/meetings/1", "meeting", true, v1::Body::BOARD);
  });
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_EQ(held->day, "2022-06-14");
  auto scheduled = Read<MeetingRef>([](store::Transaction& tx) {
    return ResolveMeeting(tx, "bodies/board/meetings/2", "meeting", true);
  });
  EXPECT_EQ(scheduled.status().code(), absl::StatusCode::kFailedPrecondition);
  auto wrong_body = Read<MeetingRef>([](store::Transaction& tx) {
    return ResolveMeeting(tx, "bodies/board/meetings/1", "meeting", true,
                          v1::Body::REGIONAL_EDUCATION_COMMITTEE);
  });
  EXPECT_EQ(wrong_body.status().code(), absl::StatusCode::kFailedPrecondition);
  auto missing = Read<MeetingRef>([](store::Transaction& tx) {
    return ResolveMeeting(tx, "bodies/board/meetings/9", "meeting", false);
  });
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

TEST_P(ReferencesTest, DecisionMustBelongToTheMeeting) {
  auto number = Read<int64_t>([](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto meeting = ResolveMeeting(tx, "bodies/board/meetings/1", "meeting", true);
    if (!meeting.ok()) return meeting.status();
    return ResolveDecisionAt(tx, "bodies/board/meetings/1/decisions/1", "decision", *meeting);
  });
  ASSERT_TRUE(number.ok()) << number.status();
  EXPECT_EQ(*number, 1);
  auto elsewhere = Read<int64_t>([](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto meeting = ResolveMeeting(tx, "bodies/board/meetings/2", "meeting", false);
    if (!meeting.ok()) return meeting.status();
    return ResolveDecisionAt(tx, "bodies/board/meetings/1/decisions/1", "decision", *meeting);
  });
  EXPECT_EQ(elsewhere.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(ReferencesTest, MembershipOnADayRespectsStartAndEnd) {
  auto on = [&](const std::string& day) {
    return Read<std::optional<MembershipRef>>([&](store::Transaction& tx) {
      return MembershipOn(tx, "board", "jane-smith", day);
    });
  };
  ASSERT_TRUE(on("2022-06-14").ok());
  ASSERT_TRUE(on("2022-06-14")->has_value());
  EXPECT_EQ((*on("2022-06-14"))->name, "bodies/board/memberships/1");
  EXPECT_FALSE(on("2020-07-31")->has_value());
  EXPECT_TRUE(on("2023-06-30")->has_value());
  EXPECT_FALSE(on("2023-07-01")->has_value());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ReferencesTest);

}  // namespace
}  // namespace wp::governance
