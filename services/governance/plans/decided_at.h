// The meeting (and decision) at which a plan change was decided: optional
// for most changes, required for approval and endorsement. Shared by plans,
// amendments and sponsorships.
//
// Thread-safety: pure functions, and the transaction's for the resolution.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_DECIDED_AT_H_
#define WP_SERVICES_GOVERNANCE_PLANS_DECIDED_AT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "libs/status/field_errors.h"
#include "libs/store/database.h"
#include "services/governance/core/references.h"

namespace wp::governance {

struct DecidedAtFields {
  std::string meeting;   // e.g. "meeting" or "sponsorship.meeting"
  std::string decision;  // e.g. "decision" or "sponsorship.decision"
};

// Checks the names alone: the meeting when set (or "is required"), and a
// decision only together with its meeting.
void CheckDecidedAt(const std::string& meeting, const std::string& decision,
                    const DecidedAtFields& fields, bool meeting_required, FieldViolations* v);

// The HELD meeting named (of a body of `kind`, unless KIND_UNSPECIFIED),
// and the decision belonging to it when one is named; nullopt when no
// meeting is named. NOT_FOUND / FAILED_PRECONDITION as references.h.
absl::StatusOr<std::optional<MeetingRef>> ResolveDecidedAt(store::Transaction& tx,
                                                           const std::string& meeting,
                                                           const std::string& decision,
                                                           const DecidedAtFields& fields,
                                                           v1::Body::Kind kind);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_DECIDED_AT_H_
