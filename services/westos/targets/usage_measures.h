// The usage figures targets are measured with: the usage queries
// (rollups/usage_query.h) asked as the service itself, so a target's value
// is the same whoever looks (who may see which target is checked apart).
// Errors about the filter name the field under `field_prefix`, e.g.
// "target.filter.roles".
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_TARGETS_USAGE_MEASURES_H_
#define WP_SERVICES_WESTOS_TARGETS_USAGE_MEASURES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/server/request_context.h"
#include "services/westos/rollups/usage_query.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {

// The service as the caller of its own evaluations and their events.
server::Caller ServiceCaller(absl::string_view method);

class UsageMeasures {
 public:
  explicit UsageMeasures(UsageQueries& queries) : queries_(queries) {}

  // The whole-range figures for `filter`, narrowed to `authority` when set.
  absl::StatusOr<v1::UsageFigures> Figures(const v1::UsageFilter& filter, const std::string& authority,
                                           absl::CivilDay from, absl::CivilDay to, absl::string_view field_prefix);

  // INVALID_ARGUMENT when the usage queries would refuse `filter`.
  absl::Status CheckFilter(const v1::UsageFilter& filter, absl::string_view field_prefix);

 private:
  UsageQueries& queries_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_USAGE_MEASURES_H_
