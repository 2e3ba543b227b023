// Checks of references between the service's areas, read straight from the
// store inside the caller's transaction, so that each area (org, meetings,
// plans, budgets) can check what it points at without depending on the
// others' code. Each returns NOT_FOUND naming the missing resource, and
// FAILED_PRECONDITION when it exists but is in the wrong state or kind.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_GOVERNANCE_CORE_REFERENCES_H_
#define WP_SERVICES_GOVERNANCE_CORE_REFERENCES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

struct PersonRef {
  std::string id;
  std::string display_name;
};
// `name` is people/{id}; `field` names the request field for INVALID_ARGUMENT.
absl::StatusOr<PersonRef> ResolvePerson(store::Transaction& tx, const std::string& name,
                                        const std::string& field);

struct BodyRef {
  std::string id;
  v1::Body::Kind kind = v1::Body::KIND_UNSPECIFIED;
  std::string title;
};
absl::StatusOr<BodyRef> ResolveBody(store::Transaction& tx, const std::string& name,
                                    const std::string& field);

struct MeetingRef {
  BodyRef body;
  int64_t number = 0;
  std::string name;
  std::string day;  // "2022-06-14"
  v1::Meeting::State state = v1::Meeting::STATE_UNSPECIFIED;
};
// A meeting; with `must_be_held`, FAILED_PRECONDITION unless HELD; with
// `kind` other than KIND_UNSPECIFIED, FAILED_PRECONDITION unless its body is
// of that kind.
absl::StatusOr<MeetingRef> ResolveMeeting(store::Transaction& tx, const std::string& name,
                                          const std::string& field, bool must_be_held,
                                          v1::Body::Kind kind = v1::Body::KIND_UNSPECIFIED);

// A decision recorded at `meeting` (FAILED_PRECONDITION when it belongs to
// another meeting). Returns its number.
absl::StatusOr<int64_t> ResolveDecisionAt(store::Transaction& tx, const std::string& name,
                                          const std::string& field, const MeetingRef& meeting);

// The membership `person_id` holds on `body_id` on `day`, if any.
struct MembershipRef {
  int64_t number = 0;
  std::string name;
  v1::Membership::Role role = v1::Membership::ROLE_UNSPECIFIED;
  bool advisory = false;
};
absl::StatusOr<std::optional<MembershipRef>> MembershipOn(store::Transaction& tx,
                                                          const std::string& body_id,
                                                          const std::string& person_id,
                                                          const std::string& day);

struct PlanRef {
  std::string id;
  std::string name;
  std::string session_span;
  v1::Plan::State state = v1::Plan::STATE_UNSPECIFIED;
  int64_t version = 0;
  std::map<int32_t, std::string> workstreams;  // number -> title
};
absl::StatusOr<PlanRef> ResolvePlan(store::Transaction& tx, const std::string& name,
                                    const std::string& field);
// The same by id (plans/{id} already parsed).
absl::StatusOr<PlanRef> LoadPlanRef(store::Transaction& tx, const std::string& plan_id);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_REFERENCES_H_
