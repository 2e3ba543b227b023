// The retention policy as the service applies it by itself: erase every
// practitioner inactive for `days` (PractitionerPrivacy::ApplyRetention,
// acting as the service), logging what went.
//
// Thread-safety: as PractitionerPrivacy.
#ifndef WP_SERVICES_LEARNING_PRIVACY_RETENTION_POLICY_H_
#define WP_SERVICES_LEARNING_PRIVACY_RETENTION_POLICY_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/learning/privacy/practitioner_privacy.h"

namespace wp::learning {

// Practitioners erased; INVALID_ARGUMENT for days < 1.
absl::StatusOr<int> ApplyRetentionPolicy(PractitionerPrivacy& privacy, int days, absl::Time now);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_PRIVACY_RETENTION_POLICY_H_
