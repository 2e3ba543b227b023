// Whether enough of a body was present for a meeting to count as held.
//
// Each body sets its own quorum (the Regional Education Committee, the Board,
// the Implementation Group and the Finance Sub-Group differ), so the rule is
// data, checked once when the rule is saved and again whenever a meeting is
// recorded as held. Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_CORE_QUORUM_H_
#define WP_SERVICES_GOVERNANCE_CORE_QUORUM_H_

#include "absl/status/status.h"

namespace wp::governance {

struct QuorumRule {
  int minimum_members = 1;      // members who must be present, the chair included
  bool chair_required = false;  // true when the body cannot meet without its chair
};

// The largest quorum accepted; every body here has well under this many
// members, so a bigger number is a typing slip.
inline constexpr int kMaxQuorum = 100;

// INVALID_ARGUMENT naming quorum_rule.minimum_members unless it is 1..kMaxQuorum.
absl::Status ValidateQuorumRule(const QuorumRule& rule);

// OK when the meeting was quorate. The chair counts as one of the members
// present. Errors:
//   - INVALID_ARGUMENT for a bad rule (as ValidateQuorumRule), a negative
//     members_present, or chair_present with nobody present;
//   - FAILED_PRECONDITION "quorum not met: 3 of 5 needed members present",
//     and/or "the chair must be present", when the meeting fell short.
absl::Status CheckQuorum(const QuorumRule& rule, int members_present, bool chair_present);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_QUORUM_H_
