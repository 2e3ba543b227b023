// The rules a programme keeps, checked before it is stored. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_CATALOGUE_PROGRAMME_RULES_H_
#define WP_SERVICES_LEARNING_CATALOGUE_PROGRAMME_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning {

inline constexpr size_t kMaxTitleBytes = 200;
inline constexpr size_t kMaxDescriptionBytes = 4000;
inline constexpr int kMaxCompletionEvents = 100;

// planPeriods/{period}/workstreams/{number}, as the workstreams service names them.
bool IsWorkstreamName(absl::string_view name);
// networks/{id}.
bool IsNetworkName(absl::string_view name);

// Every broken rule of `programme`'s caller-set fields at once, as
// INVALID_ARGUMENT on `prefix` + the field's name.
absl::Status CheckProgramme(const v1::Programme& programme, const std::string& prefix);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CATALOGUE_PROGRAMME_RULES_H_
