// Fuzzes the xAPI mapping's reader (ParseXapiMapping: what LoadXapiMapping
// does with the --xapi_mapping file once read). Checks: a refused mapping is
// INVALID_ARGUMENT naming where (every violation has a field), bounded,
// valid UTF-8 and free of control characters (it is logged); an accepted
// one reads back the same from its own JSON, and it maps statements
// consistently: the default mapping's statements (DefaultXapiMappingJson)
// and statements written in its own terms map the same twice, to an event
// only for a verb it maps, with that verb's action; a statement in its own
// terms is an event whenever its extension keys differ (else two fields
// would share one value).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "libs/status/error_limits.h"
#include "libs/status/field_errors.h"
#include "services/westos/statements/xapi_mapping_config.h"
#include "services/westos/usage/xapi_statement.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using google::protobuf::Struct;
using wp::westos::Action;
using wp::westos::UsageEvent;
using wp::westos::Voiding;
using wp::westos::XapiError;
using wp::westos::XapiMapping;
using wp::westos::XapiStatementResult;

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 12, 0, 0), absl::UTCTimeZone());
// Statements per mapping: enough verbs to cover the default's, few enough to stay fast.
constexpr size_t kMaxVerbsTried = 8;

const XapiMapping& DefaultMapping() {
  static const auto* mapping =
      new XapiMapping(*wp::westos::ParseXapiMapping(wp::westos::DefaultXapiMappingJson()));
  return *mapping;
}

void Set(Struct* object, const std::string& name, const std::string& value) {
  (*object->mutable_fields())[name].set_string_value(value);
}

Struct* Child(Struct* object, const std::string& name) {
  return (*object->mutable_fields())[name].mutable_struct_value();
}

// The mapping as the JSON ParseXapiMapping reads.
std::string MappingJson(const XapiMapping& mapping) {
  Struct root;
  Struct* verbs = Child(&root, "verbs");
  for (const auto& [iri, action] : mapping.verbs) Set(verbs, iri, std::string(wp::westos::ActionName(action)));
  Set(&root, "content_id_prefix", mapping.content_id_prefix);
  Struct* extensions = Child(&root, "extensions");
  Set(extensions, "role", mapping.extensions.role);
  Set(extensions, "authority", mapping.extensions.authority);
  Set(extensions, "establishment", mapping.extensions.establishment);
  Set(extensions, "sector", mapping.extensions.sector);
  Set(extensions, "simd", mapping.extensions.simd);
  std::string json;
  FUZZ_CHECK(google::protobuf::util::MessageToJsonString(root, &json).ok());
  return json;
}

bool SameMapping(const XapiMapping& a, const XapiMapping& b) {
  const XapiMapping::Extensions& x = a.extensions;
  const XapiMapping::Extensions& y = b.extensions;
  return a.verbs == b.verbs && a.content_id_prefix == b.content_id_prefix && x.role == y.role &&
         x.authority == y.authority && x.establishment == y.establishment && x.sector == y.sector &&
         x.simd == y.simd;
}

// A well-formed statement of `verb` in the terms of `terms` (its content
// prefix and extension keys), valid whatever the verb's action.
std::string Statement(const std::string& verb, const XapiMapping& terms) {
  Struct statement;
  Set(&statement, "id", "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  Set(Child(Child(&statement, "actor"), "account"), "name", "pupil-7");
  Set(Child(&statement, "verb"), "id", verb);
  Set(Child(&statement, "object"), "id", terms.content_id_prefix + "lesson-1");
  Set(&statement, "timestamp", "2021-02-01T08:00:00Z");
  Struct* result = Child(&statement, "result");
  Set(result, "duration", "PT1M30S");
  (*Child(result, "score")->mutable_fields())["raw"].set_number_value(4);
  Struct* extensions = Child(Child(&statement, "context"), "extensions");
  Set(extensions, terms.extensions.simd, "2");
  Set(extensions, terms.extensions.sector, "secondary");
  Set(extensions, terms.extensions.establishment, "school-1");
  Set(extensions, terms.extensions.authority, "REN");
  Set(extensions, terms.extensions.role, "teacher");
  std::string json;
  FUZZ_CHECK(google::protobuf::util::MessageToJsonString(statement, &json).ok());
  return json;
}

// The outcome in one comparable text.
std::string Describe(const XapiStatementResult& result) {
  if (const auto* event = std::get_if<UsageEvent>(&result.outcome)) {
    return absl::StrCat("event ", wp::westos::UsageEventDigest(*event));
  }
  if (const auto* voiding = std::get_if<Voiding>(&result.outcome)) return "voiding " + voiding->voided_id;
  const XapiError& error = std::get<XapiError>(result.outcome);
  return absl::StrCat("error ", static_cast<int>(error.kind), " ", error.message);
}

// Maps `verb`'s statement in `terms` under `mapping` twice; returns whether
// it became an event.
bool CheckMapped(const XapiMapping& mapping, const std::string& verb, const XapiMapping& terms) {
  const std::string json = Statement(verb, terms);
  const XapiStatementResult first = wp::westos::MapXapiStatement(mapping, json, kNow);
  const XapiStatementResult second = wp::westos::MapXapiStatement(mapping, json, kNow);
  FUZZ_CHECK(Describe(first) == Describe(second));
  const auto mapped = mapping.verbs.find(verb);
  if (const auto* event = std::get_if<UsageEvent>(&first.outcome)) {
    FUZZ_CHECK(mapped != mapping.verbs.end() && event->action == mapped->second);
    FUZZ_CHECK(wp::westos::ValidateUsageEvent(*event, kNow).ok());
    return true;
  }
  const auto* error = std::get_if<XapiError>(&first.outcome);
  FUZZ_CHECK(error != nullptr && !error->message.empty() && wp::fuzz::IsValidUtf8(error->message));
  if (mapped == mapping.verbs.end()) FUZZ_CHECK(error->kind == wp::westos::XapiErrorKind::kUnknownVerb);
  return false;
}

void CheckAccepted(const XapiMapping& mapping) {
  FUZZ_CHECK(!mapping.verbs.empty() && !mapping.content_id_prefix.empty());
  for (const auto& [iri, action] : mapping.verbs) {
    FUZZ_CHECK(!iri.empty() && iri != wp::westos::kXapiVoidedVerb);
  }
  absl::StatusOr<XapiMapping> again = wp::westos::ParseXapiMapping(MappingJson(mapping));
  FUZZ_CHECK(again.ok() && SameMapping(*again, mapping));

  size_t tried = 0;
  for (const auto& [iri, action] : DefaultMapping().verbs) {
    if (tried++ == kMaxVerbsTried) break;
    CheckMapped(mapping, iri, DefaultMapping());
  }
  const XapiMapping::Extensions& keys = mapping.extensions;
  const std::set<std::string> distinct = {keys.role, keys.authority, keys.establishment, keys.sector, keys.simd};
  tried = 0;
  for (const auto& [iri, action] : mapping.verbs) {
    if (tried++ == kMaxVerbsTried) break;
    FUZZ_CHECK(CheckMapped(mapping, iri, mapping) || distinct.size() < 5);
  }
  CheckMapped(mapping, "https://unmapped.example/verb", mapping);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<XapiMapping> mapping = wp::westos::ParseXapiMapping(text);
  if (mapping.ok()) {
    CheckAccepted(*mapping);
    return 0;
  }
  const absl::Status& status = mapping.status();
  FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(status.message()) && status.message().size() <= wp::kMaxMessageBytes);
  FUZZ_CHECK(!wp::fuzz::HasControlCharacter(status.message()));
  const std::vector<wp::FieldViolation> violations = wp::FieldViolationsOf(status);
  if (violations.empty()) {
    FUZZ_CHECK(status.message() == "xAPI mapping: is not a JSON object");
  }
  for (const wp::FieldViolation& v : violations) FUZZ_CHECK(!v.field.empty() && !v.description.empty());
  return 0;
}
