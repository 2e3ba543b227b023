// Resource names of the learning service, and the ids inside them:
//   programmes/{id}                 ids: fields::IsValidId
//   events/{id}
//   practitioners/{id}              the pseudonymous id: IsValidPractitionerId
//   events/{event}/registrations/{practitioner}
//   events/{event}/registrations/{practitioner}/evaluations/{pre|post}
// The parsers answer INVALID_ARGUMENT naming `field` and the expected form.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_CORE_NAMES_H_
#define WP_SERVICES_LEARNING_CORE_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

// 1 to 64 bytes of ASCII letters, digits, '-', '_' and '.': an authority's
// staff reference or a form's respondent code, never a name.
inline constexpr size_t kMaxPractitionerIdBytes = 64;
bool IsValidPractitionerId(absl::string_view id);

std::string ProgrammeName(absl::string_view id);
std::string EventName(absl::string_view id);
std::string PractitionerName(absl::string_view id);
std::string RegistrationName(absl::string_view event_id, absl::string_view practitioner_id);
std::string EvaluationName(absl::string_view event_id, absl::string_view practitioner_id, v1::Stage stage);

absl::StatusOr<std::string> ProgrammeIdOf(absl::string_view name, absl::string_view field);
absl::StatusOr<std::string> EventIdOf(absl::string_view name, absl::string_view field);
absl::StatusOr<std::string> PractitionerIdOf(absl::string_view name, absl::string_view field);

struct RegistrationKey {
  std::string event_id;
  std::string practitioner_id;
};
absl::StatusOr<RegistrationKey> RegistrationKeyOf(absl::string_view name, absl::string_view field);

struct EvaluationKey {
  std::string event_id;
  std::string practitioner_id;
  v1::Stage stage = v1::STAGE_UNSPECIFIED;
};
absl::StatusOr<EvaluationKey> EvaluationKeyOf(absl::string_view name, absl::string_view field);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_NAMES_H_
