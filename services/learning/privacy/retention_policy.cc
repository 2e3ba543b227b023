#include "services/learning/privacy/retention_policy.h"

#include <string>

#include "libs/calendar/dates.h"
#include "libs/log/log.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/events.h"

namespace wp::learning {

absl::StatusOr<int> ApplyRetentionPolicy(PractitionerPrivacy& privacy, int days, absl::Time now) {
  if (days < 1) return absl::InvalidArgumentError("practitioner_retention_days: must be at least 1");
  const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  server::Caller service;
  service.actor = kServiceName;
  service.role = "system";
  service.method = "retention policy";
  v1::ApplyRetentionRequest request;
  *request.mutable_inactive_before() = calendar::FromCivilDay(today - days);
  WP_ASSIGN_OR_RETURN(v1::ApplyRetentionResponse erased, privacy.ApplyRetention(service, request, today));
  if (erased.practitioners() > 0) {
    log::Info("retention policy erased practitioners",
              {{"practitioners", std::to_string(erased.practitioners())},
               {"registrations", std::to_string(erased.registrations())},
               {"evaluations", std::to_string(erased.evaluations())}});
  }
  return erased.practitioners();
}

}  // namespace wp::learning
