#include "services/governance/plans/decided_at.h"

#include "libs/status/status_macros.h"
#include "services/governance/core/names.h"

namespace wp::governance {

void CheckDecidedAt(const std::string& meeting, const std::string& decision,
                    const DecidedAtFields& fields, bool meeting_required, FieldViolations* v) {
  if (meeting.empty()) {
    if (meeting_required) v->Add(fields.meeting, "is required");
  } else if (auto parts = ParseName(meeting, kMeetingPattern, fields.meeting); !parts.ok()) {
    AddViolationsOf(parts.status(), v);
  }
  if (decision.empty()) return;
  if (auto parts = ParseName(decision, kDecisionPattern, fields.decision); !parts.ok()) {
    AddViolationsOf(parts.status(), v);
  } else if (meeting.empty()) {
    v->Add(fields.decision, "needs the meeting it was recorded at (" + fields.meeting + ")");
  }
}

absl::StatusOr<std::optional<MeetingRef>> ResolveDecidedAt(store::Transaction& tx,
                                                           const std::string& meeting,
                                                           const std::string& decision,
                                                           const DecidedAtFields& fields,
                                                           v1::Body::Kind kind) {
  if (meeting.empty()) return std::optional<MeetingRef>();
  WP_ASSIGN_OR_RETURN(auto ref, ResolveMeeting(tx, meeting, fields.meeting, /*must_be_held=*/true, kind));
  if (!decision.empty()) {
    if (auto number = ResolveDecisionAt(tx, decision, fields.decision, ref); !number.ok()) {
      return number.status();
    }
  }
  return std::optional<MeetingRef>(std::move(ref));
}

}  // namespace wp::governance
