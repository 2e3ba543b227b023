#include "services/governance/core/quorum.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"

namespace wp::governance {

absl::Status ValidateQuorumRule(const QuorumRule& rule) {
  if (rule.minimum_members < 1 || rule.minimum_members > kMaxQuorum) {
    return InvalidField("quorum_rule.minimum_members",
                        absl::StrCat("must be between 1 and ", kMaxQuorum));
  }
  return absl::OkStatus();
}

absl::Status CheckQuorum(const QuorumRule& rule, int members_present, bool chair_present) {
  WP_RETURN_IF_ERROR(ValidateQuorumRule(rule));
  if (members_present < 0) return InvalidField("members_present", "must not be negative");
  if (chair_present && members_present == 0) {
    return InvalidField("members_present", "must count the chair, who is present");
  }
  // Both shortfalls are reported together so the clerk fixes the record once.
  std::vector<std::string> shortfalls;
  if (members_present < rule.minimum_members) {
    shortfalls.push_back(
        absl::StrCat(members_present, " of ", rule.minimum_members, " needed members present"));
  }
  if (rule.chair_required && !chair_present) shortfalls.push_back("the chair must be present");
  if (shortfalls.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("quorum not met: ", absl::StrJoin(shortfalls, "; ")));
}

}  // namespace wp::governance
