#include "services/learning/core/names.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"

namespace wp::learning {
namespace {

absl::Status Expected(absl::string_view field, absl::string_view form) {
  return InvalidField(field, absl::StrCat("must be ", form));
}

// The id after `collection` + "/" in a two-part name, checked by `valid`.
absl::StatusOr<std::string> SimpleIdOf(absl::string_view name, absl::string_view collection,
                                       bool (*valid)(absl::string_view), absl::string_view field,
                                       absl::string_view form) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 2 || parts[0] != collection || !valid(parts[1])) return Expected(field, form);
  return std::string(parts[1]);
}

constexpr absl::string_view kProgrammeForm = "programmes/{id}, the id 2 to 63 of a-z, 0-9 and '-'";
constexpr absl::string_view kEventForm = "events/{id}, the id 2 to 63 of a-z, 0-9 and '-'";
constexpr absl::string_view kPractitionerForm =
    "practitioners/{id}, the id 1 to 64 of letters, digits, '-', '_' and '.'";
constexpr absl::string_view kRegistrationForm = "events/{event}/registrations/{practitioner}";
constexpr absl::string_view kEvaluationForm = "events/{event}/registrations/{practitioner}/evaluations/{pre|post}";

}  // namespace

bool IsValidPractitionerId(absl::string_view id) {
  if (id.empty() || id.size() > kMaxPractitionerIdBytes) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

std::string ProgrammeName(absl::string_view id) { return absl::StrCat("programmes/", id); }
std::string EventName(absl::string_view id) { return absl::StrCat("events/", id); }
std::string PractitionerName(absl::string_view id) { return absl::StrCat("practitioners/", id); }
std::string RegistrationName(absl::string_view event_id, absl::string_view practitioner_id) {
  return absl::StrCat("events/", event_id, "/registrations/", practitioner_id);
}
std::string EvaluationName(absl::string_view event_id, absl::string_view practitioner_id, v1::Stage stage) {
  return absl::StrCat(RegistrationName(event_id, practitioner_id), "/evaluations/",
                      stage == v1::PRE ? "pre" : "post");
}

absl::StatusOr<std::string> ProgrammeIdOf(absl::string_view name, absl::string_view field) {
  return SimpleIdOf(name, "programmes", fields::IsValidId, field, kProgrammeForm);
}

absl::StatusOr<std::string> EventIdOf(absl::string_view name, absl::string_view field) {
  return SimpleIdOf(name, "events", fields::IsValidId, field, kEventForm);
}

absl::StatusOr<std::string> PractitionerIdOf(absl::string_view name, absl::string_view field) {
  return SimpleIdOf(name, "practitioners", IsValidPractitionerId, field, kPractitionerForm);
}

absl::StatusOr<RegistrationKey> RegistrationKeyOf(absl::string_view name, absl::string_view field) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "events" || parts[2] != "registrations" || !fields::IsValidId(parts[1]) ||
      !IsValidPractitionerId(parts[3])) {
    return Expected(field, kRegistrationForm);
  }
  return RegistrationKey{std::string(parts[1]), std::string(parts[3])};
}

absl::StatusOr<EvaluationKey> EvaluationKeyOf(absl::string_view name, absl::string_view field) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 6 || parts[4] != "evaluations" || (parts[5] != "pre" && parts[5] != "post")) {
    return Expected(field, kEvaluationForm);
  }
  absl::StatusOr<RegistrationKey> registration =
      RegistrationKeyOf(absl::StrCat(parts[0], "/", parts[1], "/", parts[2], "/", parts[3]), field);
  if (!registration.ok()) return Expected(field, kEvaluationForm);
  return EvaluationKey{registration->event_id, registration->practitioner_id, parts[5] == "pre" ? v1::PRE : v1::POST};
}

}  // namespace wp::learning
