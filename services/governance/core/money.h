// Money as an exact count of pence, and the "£1,234.50" text that budgets,
// grant letters and spreadsheets write it in.
//
// Budgets are checked to the penny, so no amount ever passes through a
// floating-point type: parsing and formatting work digit by digit, and every
// sum reports overflow instead of wrapping. Thread-safe: a plain value type and
// pure functions.
#ifndef WP_SERVICES_GOVERNANCE_CORE_MONEY_H_
#define WP_SERVICES_GOVERNANCE_CORE_MONEY_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::governance {

// An amount of money in pence (£1 = 100). May be negative; the rules that
// forbid negative amounts (budgets, spend) check for themselves.
class Pence {
 public:
  constexpr Pence() = default;
  constexpr explicit Pence(int64_t pence) : pence_(pence) {}

  constexpr int64_t value() const { return pence_; }

  // OUT_OF_RANGE when the exact result does not fit in int64 pence.
  absl::StatusOr<Pence> Add(Pence other) const;
  absl::StatusOr<Pence> Subtract(Pence other) const;

  friend constexpr bool operator==(Pence a, Pence b) { return a.pence_ == b.pence_; }
  friend constexpr bool operator!=(Pence a, Pence b) { return a.pence_ != b.pence_; }
  friend constexpr bool operator<(Pence a, Pence b) { return a.pence_ < b.pence_; }
  friend constexpr bool operator<=(Pence a, Pence b) { return a.pence_ <= b.pence_; }
  friend constexpr bool operator>(Pence a, Pence b) { return a.pence_ > b.pence_; }
  friend constexpr bool operator>=(Pence a, Pence b) { return a.pence_ >= b.pence_; }

 private:
  int64_t pence_ = 0;
};

// A non-negative amount in pounds: "1234", "1234.5", "1,234.50", "£1,234.50".
// Surrounding spaces are ignored. Commas, if used, must group the pounds in
// threes; at most two decimals (whole pence only); no leading zeros ("0.50" is
// fine, "01" is not). Any minus sign is rejected. Errors are INVALID_ARGUMENT
// naming `field`.
absl::StatusOr<Pence> ParsePounds(absl::string_view text, absl::string_view field = "amount");

// As ParsePounds, but also accepts a leading minus: "-12.50", "-£12.50".
absl::StatusOr<Pence> ParseSignedPounds(absl::string_view text, absl::string_view field = "amount");

// "£1,234.50", "£0.07", "-£12.50". ParseSignedPounds reads it back exactly.
std::string FormatPounds(Pence amount);

// Writes FormatPounds(amount); lets tests and logs print amounts readably.
std::ostream& operator<<(std::ostream& out, Pence amount);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_MONEY_H_
