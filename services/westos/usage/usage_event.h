// One use of the content platform (a learner viewed, played, completed or
// rated a piece of content), as the westos service takes it in from the
// platform's CSV export or from xAPI statements: the fields, the rules every
// event must pass before it is stored, and the parsers of each field's text.
//
// Errors are INVALID_ARGUMENT "field: reason", with a field violation for
// each bad field (libs/status/field_errors.h); text from outside is echoed
// only cut, as valid UTF-8 and escaped (quoted_text.h).
// No I/O here. Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_USAGE_USAGE_EVENT_H_
#define WP_SERVICES_WESTOS_USAGE_USAGE_EVENT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace wp::westos {

// The numbers are stored: never renumber.
enum class Role : int { kLearner = 1, kTeacher = 2, kOther = 3 };
enum class Sector : int { kUnknown = 0, kEarlyYears = 1, kPrimary = 2, kSecondary = 3, kAsn = 4 };
enum class Action : int { kView = 1, kPlay = 2, kComplete = 3, kRate = 4 };

struct UsageEvent {
  std::string event_id;       // from the source; required, 1..128 bytes, printable UTF-8
  absl::Time occurred_at;     // required; from 2000-01-01T00:00:00Z to now + 5 minutes
  std::string user_id;        // pseudonymous; required, 1..128 bytes
  Role role{};                // required; 0 until set, which ValidateUsageEvent refuses
  std::string authority;      // required; a code of libs/region/authorities.h ("GCC")
  std::string establishment;  // optional, 0..64 bytes (a school's code)
  Sector sector = Sector::kUnknown;
  int simd = 0;               // deprivation quintile 1..5, 0 = unknown
  std::string content_id;     // required, 1..128 bytes
  Action action{};            // required; 0 until set, as role
  int64_t seconds = 0;        // 0..86400
  int rating = 0;             // 0 = none, else 1..5; required (1..5) when action is kRate
};

bool operator==(const UsageEvent& a, const UsageEvent& b);
bool operator!=(const UsageEvent& a, const UsageEvent& b);

inline constexpr size_t kMaxIdBytes = 128;  // event_id, user_id, content_id
inline constexpr size_t kMaxEstablishmentBytes = 64;
inline constexpr int64_t kMaxSeconds = 86400;  // one event covers at most a day
inline constexpr int kMaxSimd = 5;
inline constexpr int kMaxRating = 5;
// Clocks of the sources drift; an event further ahead than this is wrong.
inline constexpr absl::Duration kMaxClockSkew = absl::Minutes(5);

// The earliest instant an event may have: the platform is younger, so an
// earlier one is a broken clock or a placeholder date.
absl::Time EarliestOccurredAt();

// Every rule of the fields above, every broken one reported at once, the
// fields named as in UsageEvent ("user_id: must not be empty"). Text fields
// must be valid UTF-8 without control characters.
absl::Status ValidateUsageEvent(const UsageEvent& event, absl::Time now);

// A hash of the event's content, the same in every process, build and
// machine: the store keeps it to tell a repeated event (same id, same
// digest) from a conflicting one (same id, another digest). It is the first
// 8 bytes, big-endian, of the SHA-256 of the string "wp.westos.UsageEvent.v1"
// and then every field in declaration order: strings as an 8-byte
// big-endian length and their bytes, numbers (enums as their values,
// occurred_at as whole microseconds since the Unix epoch, rounded down) as
// 8-byte big-endian two's complement. With every string length-prefixed, no
// two events share an encoding. Changing the encoding changes stored
// digests: bump the version in the prefix and migrate.
uint64_t UsageEventDigest(const UsageEvent& event);

// ---- Names for output, and the parsers of each field's text. ----
// Parsers ignore ASCII spaces around the text and letter case, and name the
// field in their errors.

absl::string_view RoleName(Role role);        // "learner", "teacher", "other"
absl::string_view SectorName(Sector sector);  // "unknown", "early_years", "primary", "secondary", "asn"
absl::string_view ActionName(Action action);  // "view", "play", "complete", "rate"

// "learner", "teacher", "other".
absl::StatusOr<Role> ParseRole(absl::string_view text);
// "early years", "early_years", "primary", "secondary", "asn", "special";
// "" and "unknown" give kUnknown.
absl::StatusOr<Sector> ParseSector(absl::string_view text);
// "view", "play", "complete", "rate".
absl::StatusOr<Action> ParseAction(absl::string_view text);
// An authority's code ("GCC") or name ("Glasgow City") -> its code.
absl::StatusOr<std::string> ParseAuthority(absl::string_view text);
// ISO 8601 with seconds and an offset: "2021-01-18T09:15:02Z",
// "2021-01-18T09:15:02.250Z", "2021-01-18T10:15:02+01:00" (converted to
// UTC). Fractions beyond microseconds are dropped, as the store keeps
// microseconds. Only the form is checked here; the range is
// ValidateUsageEvent's.
absl::StatusOr<absl::Time> ParseOccurredAt(absl::string_view text);
// "1".."5", or "" / "0" for unknown.
absl::StatusOr<int> ParseSimd(absl::string_view text);
// Whole seconds "0".."86400"; "" gives 0.
absl::StatusOr<int64_t> ParseSeconds(absl::string_view text);
// "1".."5", or "" / "0" for none.
absl::StatusOr<int> ParseRating(absl::string_view text);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_USAGE_USAGE_EVENT_H_
