#include "services/governance/core/money.h"

#include <limits>
#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"

namespace wp::governance {
namespace {

// UTF-8 for U+00A3, spelled in bytes so the parser does not depend on the
// encoding this file is compiled with.
constexpr absl::string_view kPoundSign = "\xC2\xA3";

constexpr absl::string_view kShape = "must be an amount in pounds like 1,234.50";

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Checks the pounds before the decimal point and returns them without commas.
// Leading zeros are refused because "0,500" or "0500" is far more likely a
// slip than a deliberate amount.
absl::StatusOr<std::string> PoundsDigits(absl::string_view whole, absl::string_view field) {
  if (whole.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(whole[0]))) {
    return InvalidField(field, kShape);
  }
  std::vector<absl::string_view> groups = absl::StrSplit(whole, ',');
  std::string digits;
  for (size_t i = 0; i < groups.size(); ++i) {
    absl::string_view group = groups[i];
    if (!AllDigits(group)) return InvalidField(field, kShape);
    const bool size_ok =
        i == 0 ? !group.empty() && (groups.size() == 1 || group.size() <= 3) : group.size() == 3;
    if (!size_ok) {
      return InvalidField(field, "has misplaced commas; group pounds in threes, like 1,234,567.50");
    }
    absl::StrAppend(&digits, group);
  }
  if (digits.size() > 1 && digits[0] == '0') {
    return InvalidField(field, "must not have leading zeros");
  }
  return digits;
}

absl::StatusOr<Pence> ParseAmount(absl::string_view text, absl::string_view field,
                                  bool allow_negative) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  if (s.empty()) return InvalidField(field, "is required");
  const bool negative = absl::ConsumePrefix(&s, "-");
  if (negative && !allow_negative) return InvalidField(field, "must not be negative");
  absl::ConsumePrefix(&s, kPoundSign);

  absl::string_view whole = s;
  absl::string_view decimals;
  const size_t point = s.find('.');
  if (point != absl::string_view::npos) {
    whole = s.substr(0, point);
    decimals = s.substr(point + 1);
    if (decimals.empty() || !AllDigits(decimals)) return InvalidField(field, kShape);
    if (decimals.size() > 2) {
      return InvalidField(field, "has more than two decimal places; amounts are in whole pence");
    }
  }
  WP_ASSIGN_OR_RETURN(std::string pounds, PoundsDigits(whole, field));

  // Build the magnitude in unsigned arithmetic so that the most negative
  // int64 (one more than the most positive) can still be read back.
  const uint64_t max_positive = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  const uint64_t limit = negative ? max_positive + 1 : max_positive;
  std::string all_digits = absl::StrCat(pounds, decimals, decimals.size() == 1 ? "0" : "",
                                        decimals.empty() ? "00" : "");
  uint64_t magnitude = 0;
  for (char c : all_digits) {
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (limit - digit) / 10) return InvalidField(field, "is too large");
    magnitude = magnitude * 10 + digit;
  }
  if (!negative || magnitude == 0) return Pence(static_cast<int64_t>(magnitude));
  return Pence(-static_cast<int64_t>(magnitude - 1) - 1);
}

}  // namespace

absl::StatusOr<Pence> Pence::Add(Pence other) const {
  const int64_t a = pence_, b = other.pence_;
  if ((b > 0 && a > std::numeric_limits<int64_t>::max() - b) ||
      (b < 0 && a < std::numeric_limits<int64_t>::min() - b)) {
    return absl::OutOfRangeError(
        absl::StrCat(FormatPounds(*this), " + ", FormatPounds(other), " overflows"));
  }
  return Pence(a + b);
}

absl::StatusOr<Pence> Pence::Subtract(Pence other) const {
  const int64_t a = pence_, b = other.pence_;
  if ((b < 0 && a > std::numeric_limits<int64_t>::max() + b) ||
      (b > 0 && a < std::numeric_limits<int64_t>::min() + b)) {
    return absl::OutOfRangeError(
        absl::StrCat(FormatPounds(*this), " - ", FormatPounds(other), " overflows"));
  }
  return Pence(a - b);
}

absl::StatusOr<Pence> ParsePounds(absl::string_view text, absl::string_view field) {
  return ParseAmount(text, field, /*allow_negative=*/false);
}

absl::StatusOr<Pence> ParseSignedPounds(absl::string_view text, absl::string_view field) {
  return ParseAmount(text, field, /*allow_negative=*/true);
}

std::string FormatPounds(Pence amount) {
  const int64_t v = amount.value();
  // Unsigned negation is well defined even for the most negative int64.
  const uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  const std::string pounds = absl::StrCat(magnitude / 100);
  std::string grouped;
  for (size_t i = 0; i < pounds.size(); ++i) {
    if (i > 0 && (pounds.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(pounds[i]);
  }
  const uint64_t pence = magnitude % 100;
  return absl::StrCat(v < 0 ? "-" : "", kPoundSign, grouped, ".", pence < 10 ? "0" : "", pence);
}

std::ostream& operator<<(std::ostream& out, Pence amount) { return out << FormatPounds(amount); }

}  // namespace wp::governance
