// Fuzzes the xAPI statement mapper (ParseXapiStatements, MapXapiStatement),
// which reads whatever a learning record store posts, and the mapping's own
// reader (ParseXapiMapping). Checks what xapi_statement.h promises: one
// result per statement; an event passes ValidateUsageEvent and its id is the
// statement's lower-case UUID; a voiding names a lower-case UUID; an error
// has a reason; everything handed back is valid UTF-8, the statement text
// too whenever it was accepted.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"
#include "services/westos/usage/xapi_statement.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::westos::UsageEvent;
using wp::westos::Voiding;
using wp::westos::XapiError;
using wp::westos::XapiStatementResult;

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 12, 0, 0), absl::UTCTimeZone());

constexpr char kMappingJson[] = R"json({
  "verbs": {"http://adlnet.gov/expapi/verbs/experienced": "view",
            "https://w3id.org/xapi/video/verbs/played": "play",
            "http://adlnet.gov/expapi/verbs/completed": "complete",
            "http://id.tincanapi.com/verb/rated": "rate"},
  "content_id_prefix": "https://content.example/lessons/",
  "extensions": {"role": "https://wp.example/xapi/role",
                 "authority": "https://wp.example/xapi/authority",
                 "establishment": "https://wp.example/xapi/establishment",
                 "sector": "https://wp.example/xapi/sector",
                 "simd": "https://wp.example/xapi/simd"}})json";

const wp::westos::XapiMapping& Mapping() {
  static const auto* mapping = new wp::westos::XapiMapping(*wp::westos::ParseXapiMapping(kMappingJson));
  return *mapping;
}

bool IsLowerUuid(const std::string& id) {
  return id.size() == 36 && id == absl::AsciiStrToLower(id);
}

void CheckResult(const XapiStatementResult& result) {
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(result.statement_id));
  if (const auto* event = std::get_if<UsageEvent>(&result.outcome)) {
    FUZZ_CHECK(wp::westos::ValidateUsageEvent(*event, kNow).ok());
    FUZZ_CHECK(IsLowerUuid(event->event_id) && event->event_id == result.statement_id);
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(result.json));
  } else if (const auto* voiding = std::get_if<Voiding>(&result.outcome)) {
    FUZZ_CHECK(IsLowerUuid(voiding->voided_id) && IsLowerUuid(result.statement_id));
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(result.json));
  } else {
    const XapiError& error = std::get<XapiError>(result.outcome);
    FUZZ_CHECK(!error.message.empty() && wp::fuzz::IsValidUtf8(error.message));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::vector<XapiStatementResult>> results =
      wp::westos::ParseXapiStatements(Mapping(), text, kNow);
  if (results.ok()) {
    FUZZ_CHECK(results->size() <= wp::westos::kMaxXapiStatementsPerCall);
    for (const XapiStatementResult& result : *results) CheckResult(result);
  } else {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(results.status().message()));
  }
  const XapiStatementResult one = wp::westos::MapXapiStatement(Mapping(), text, kNow);
  CheckResult(one);
  FUZZ_CHECK(one.json == text);
  absl::StatusOr<wp::westos::XapiMapping> mapping = wp::westos::ParseXapiMapping(text);
  if (mapping.ok()) FUZZ_CHECK(!mapping->verbs.empty() && !mapping->content_id_prefix.empty());
  return 0;
}
