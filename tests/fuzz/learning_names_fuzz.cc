// Fuzzes the learning API's resource names and ids, all taken from
// requests: events/{id}, programmes/{id}, practitioners/{id}, registrations,
// evaluations, and the workstream and network names programmes link to.
// Checks that an accepted name is rebuilt exactly from its parts, and that
// its ids are themselves valid.
#include <cstddef>
#include <cstdint>
#include <string>

#include "libs/fields/field_checks.h"
#include "services/learning/catalogue/programme_rules.h"
#include "services/learning/core/names.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

namespace learning = wp::learning;

void CheckNames(absl::string_view text) {
  if (auto id = learning::EventIdOf(text, "event"); id.ok()) {
    FUZZ_CHECK(wp::fields::IsValidId(*id));
    FUZZ_CHECK(learning::EventName(*id) == text);
  }
  if (auto id = learning::ProgrammeIdOf(text, "programme"); id.ok()) {
    FUZZ_CHECK(wp::fields::IsValidId(*id));
    FUZZ_CHECK(learning::ProgrammeName(*id) == text);
  }
  if (auto id = learning::PractitionerIdOf(text, "practitioner"); id.ok()) {
    FUZZ_CHECK(learning::IsValidPractitionerId(*id));
    FUZZ_CHECK(learning::PractitionerName(*id) == text);
  }
  if (auto key = learning::RegistrationKeyOf(text, "name"); key.ok()) {
    FUZZ_CHECK(learning::RegistrationName(key->event_id, key->practitioner_id) == text);
  }
  if (auto key = learning::EvaluationKeyOf(text, "name"); key.ok()) {
    FUZZ_CHECK(key->stage == wp::learning::v1::PRE || key->stage == wp::learning::v1::POST);
    FUZZ_CHECK(learning::EvaluationName(key->event_id, key->practitioner_id, key->stage) == text);
  }
  // Link names are checked by shape only; they must never crash.
  (void)learning::IsWorkstreamName(text);
  (void)learning::IsNetworkName(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CheckNames(absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
