// Request checks the org area's classes (authorities, people, bodies,
// memberships) share: the update_mask, authority codes, and text that goes
// into page tokens.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_ORG_ORG_CHECKS_H_
#define WP_SERVICES_GOVERNANCE_ORG_ORG_CHECKS_H_

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/field_mask.pb.h"
#include "libs/status/field_errors.h"

namespace wp::governance {

// An authority code or empty (a partner, or no filter).
void CheckOptionalAuthority(absl::string_view code, const std::string& field, FieldViolations* v);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_ORG_CHECKS_H_
