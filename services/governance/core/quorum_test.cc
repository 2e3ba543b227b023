#include "services/governance/core/quorum.h"

#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

// The Regional Education Committee: eight conveners, five of them and the
// chair needed.
constexpr QuorumRule kCommittee{5, true};
// The Finance Sub-Group: one finance lead per authority, any four of eight.
constexpr QuorumRule kFinanceSubGroup{4, false};

TEST(ValidateQuorumRuleTest, AcceptsSensibleRules) {
  EXPECT_TRUE(ValidateQuorumRule(kCommittee).ok());
  EXPECT_TRUE(ValidateQuorumRule(kFinanceSubGroup).ok());
  EXPECT_TRUE(ValidateQuorumRule({1, false}).ok());
  EXPECT_TRUE(ValidateQuorumRule({kMaxQuorum, true}).ok());
  EXPECT_TRUE(ValidateQuorumRule(QuorumRule{}).ok());
}

TEST(ValidateQuorumRuleTest, RejectsMinimumsOutOfRange) {
  for (int minimum : {0, -3, kMaxQuorum + 1}) {
    absl::Status s = ValidateQuorumRule({minimum, false});
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << minimum;
    EXPECT_EQ(s.message(), "quorum_rule.minimum_members: must be between 1 and 100") << minimum;
    std::vector<FieldViolation> v = FieldViolationsOf(s);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].field, "quorum_rule.minimum_members");
  }
}

TEST(CheckQuorumTest, MetWhenEnoughMembersAndTheChair) {
  EXPECT_TRUE(CheckQuorum(kCommittee, 5, true).ok());
  EXPECT_TRUE(CheckQuorum(kCommittee, 8, true).ok());
  EXPECT_TRUE(CheckQuorum(kFinanceSubGroup, 4, false).ok());
  EXPECT_TRUE(CheckQuorum(kFinanceSubGroup, 4, true).ok());
}

TEST(CheckQuorumTest, TooFewMembers) {
  absl::Status s = CheckQuorum({5, false}, 3, true);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "quorum not met: 3 of 5 needed members present");

  EXPECT_EQ(CheckQuorum(kFinanceSubGroup, 0, false).message(),
            "quorum not met: 0 of 4 needed members present");
}

TEST(CheckQuorumTest, ChairAbsent) {
  absl::Status s = CheckQuorum(kCommittee, 7, false);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "quorum not met: the chair must be present");
}

TEST(CheckQuorumTest, ReportsBothShortfalls) {
  absl::Status s = CheckQuorum(kCommittee, 3, false);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "quorum not met: 3 of 5 needed members present; the chair must be present");
}

TEST(CheckQuorumTest, RejectsImpossibleCounts) {
  absl::Status negative = CheckQuorum(kCommittee, -1, false);
  EXPECT_EQ(negative.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(negative.message(), "members_present: must not be negative");

  absl::Status chair_alone = CheckQuorum({1, true}, 0, true);
  EXPECT_EQ(chair_alone.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(chair_alone.message(), "members_present: must count the chair, who is present");
}

TEST(CheckQuorumTest, RejectsABadRuleBeforeCounting) {
  absl::Status s = CheckQuorum({0, false}, 6, true);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "quorum_rule.minimum_members: must be between 1 and 100");
}

}  // namespace
}  // namespace wp::governance
