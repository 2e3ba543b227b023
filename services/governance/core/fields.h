// Small helpers every area of the service uses: checks of text fields, and
// the conversions between API dates and stored columns. (Timestamps:
// libs/calendar/timestamps.h; blank text: libs/text/blank.h.)
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_CORE_FIELDS_H_
#define WP_SERVICES_GOVERNANCE_CORE_FIELDS_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/status/field_errors.h"
#include "libs/store/value.h"
#include "wp/common/v1/date.pb.h"

namespace wp::governance {

// Longest single-line text (titles, names) and longest free text (notes).
inline constexpr size_t kMaxLineBytes = 500;
inline constexpr size_t kMaxTextBytes = 20000;

// Adds "<field>: is required" when blank, and a violation when the text is
// not one line of at most kMaxLineBytes without control characters (page
// tokens separate their parts with one, so names and titles may hold none).
void CheckRequiredLine(absl::string_view text, const std::string& field, FieldViolations* v);
// Optional one-line text: empty is fine.
void CheckOptionalLine(absl::string_view text, const std::string& field, FieldViolations* v);
// Optional free text (may span lines), at most kMaxTextBytes.
void CheckOptionalText(absl::string_view text, const std::string& field, FieldViolations* v);
// A full date (with a day), required or optional.
void CheckRequiredDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v);
void CheckOptionalDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v);

// The paths an update touches: those of `mask`, or every one of `allowed`
// when it is empty. INVALID_ARGUMENT on "update_mask" for any other path.
absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed);

// A stored day column ("2022-06-14", or NULL): the Date, or nothing.
std::optional<wp::common::v1::Date> DayFromText(absl::string_view text);
// "2022-06-14" for a set date; NULL (monostate) for an unset one.
store::Value DayValue(const wp::common::v1::Date& date);
std::string DayText(const wp::common::v1::Date& date);
// Today in UTC as stored ("2026-11-23").
std::string TodayText();

// '\n'-joined lists, as stored.
std::string JoinLines(const std::vector<std::string>& lines);
std::vector<std::string> SplitLines(absl::string_view text);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_FIELDS_H_
