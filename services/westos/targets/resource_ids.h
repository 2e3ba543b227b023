// The ids of baselines and targets (the {id} of baselines/{id} and
// targets/{id}): 1 to 63 lower-case letters, digits and hyphens, starting
// with a letter or digit, so names read well in URLs and on the command line.
#ifndef WP_SERVICES_WESTOS_TARGETS_RESOURCE_IDS_H_
#define WP_SERVICES_WESTOS_TARGETS_RESOURCE_IDS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::westos {

// INVALID_ARGUMENT naming `field` when `id` breaks the rule.
absl::Status CheckResourceId(absl::string_view id, absl::string_view field);

// The id of "<collection>/<id>"; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<std::string> IdFromName(absl::string_view name, absl::string_view collection,
                                       absl::string_view field);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_RESOURCE_IDS_H_
