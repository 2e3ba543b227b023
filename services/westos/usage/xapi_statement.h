// xAPI 1.0.3 statements (what a learning record store sends) mapped to usage
// events. Which verb is which action, where the content id is in object.id
// and which context extensions carry the role, authority, school, sector and
// SIMD is configuration (XapiMapping), so a new platform needs no code.
//
// A statement maps to exactly one of: a UsageEvent (passing
// ValidateUsageEvent), a Voiding (the statement withdraws an earlier one), or
// an error "field: reason; ..." naming the statement's fields (id, actor.*,
// verb.id, object.id, timestamp, result.*, context.extensions[...]). The
// statement's own id (a UUID) becomes the event_id, so a statement sent
// twice is one event. Only pseudonymous actors are taken: account.name, else
// mbox_sha1sum, else openid; a statement naming an email address (mbox) is
// refused, since its text would be stored.
// JSON is read with protobuf (google.protobuf.Struct), never by hand.
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_USAGE_XAPI_STATEMENT_H_
#define WP_SERVICES_WESTOS_USAGE_XAPI_STATEMENT_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {

inline constexpr absl::string_view kXapiVoidedVerb = "http://adlnet.gov/expapi/verbs/voided";
// Statements in one call of ParseXapiStatements (an LRS sends batches).
inline constexpr size_t kMaxXapiStatementsPerCall = 10000;

struct XapiMapping {
  std::map<std::string, Action, std::less<>> verbs;  // verb IRI -> action
  std::string content_id_prefix;  // object.id is this prefix, then the content id
  // The context.extensions keys (IRIs) of the event's fields.
  struct Extensions {
    std::string role;
    std::string authority;
    std::string establishment;
    std::string sector;
    std::string simd;
  };
  Extensions extensions;
};

// Reads the mapping from its JSON:
//   {"verbs": {"<verb IRI>": "view" | "play" | "complete" | "rate", ...},
//    "content_id_prefix": "https://content.example/lessons/",
//    "extensions": {"role": "<IRI>", "authority": "<IRI>", "establishment": "<IRI>",
//                   "sector": "<IRI>", "simd": "<IRI>"}}
// INVALID_ARGUMENT naming every bad setting: an unknown action or setting,
// an empty prefix or extension key, the voided verb mapped (voiding is
// handled here, not configured).
absl::StatusOr<XapiMapping> ParseXapiMapping(absl::string_view json);

// The statement withdraws the statement `voided_id` (lower-case UUID).
struct Voiding {
  std::string voided_id;
};

enum class XapiErrorKind {
  kInvalid,      // the statement is malformed or breaks a rule of the event
  kUnknownVerb,  // a well-formed statement whose verb the mapping lacks
};

struct XapiError {
  XapiErrorKind kind = XapiErrorKind::kInvalid;
  std::string message;  // "field: reason; ...", bounded, valid UTF-8
};

struct XapiStatementResult {
  // The statement's id: lower-cased when it is a UUID, else as written cut
  // to 128 bytes of valid UTF-8 (for reporting); empty when it has none.
  std::string statement_id;
  // The statement's JSON exactly as received, for the caller to store.
  std::string json;
  std::variant<UsageEvent, Voiding, XapiError> outcome;
};

// Maps one statement (a JSON object). Events may be at most kMaxClockSkew
// after `now`.
XapiStatementResult MapXapiStatement(const XapiMapping& mapping, absl::string_view json,
                                     absl::Time now);

// Maps a statement (a JSON object) or a batch (a JSON array of them): one
// result per statement, in order; a bad statement does not stop the others.
// INVALID_ARGUMENT when the text is neither an object nor an array, or holds
// more than kMaxXapiStatementsPerCall statements.
absl::StatusOr<std::vector<XapiStatementResult>> ParseXapiStatements(const XapiMapping& mapping,
                                                                     absl::string_view text,
                                                                     absl::Time now);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_USAGE_XAPI_STATEMENT_H_
