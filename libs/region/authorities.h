// The eight local authorities of the region and their codes. Other services
// refer to an authority by its code; the governance service owns the rest of
// what is known about each (population figures, bodies, members).
//
// Thread-safe: constant data.
#ifndef WP_LIBS_REGION_AUTHORITIES_H_
#define WP_LIBS_REGION_AUTHORITIES_H_

#include <array>

#include "absl/strings/string_view.h"

namespace wp::region {

struct Authority {
  absl::string_view code;
  absl::string_view name;
};

inline constexpr std::array<Authority, 8> kAuthorities = {{
    {"EDC", "East Dunbartonshire"},
    {"ERC", "East Renfrewshire"},
    {"GCC", "Glasgow City"},
    {"INV", "Inverclyde"},
    {"NLC", "North Lanarkshire"},
    {"REN", "Renfrewshire"},
    {"SLC", "South Lanarkshire"},
    {"WDC", "West Dunbartonshire"},
}};

inline bool IsAuthorityCode(absl::string_view code) {
  for (const Authority& a : kAuthorities) {
    if (a.code == code) return true;
  }
  return false;
}

// A compact code for storage: 1..8 in the order above, 0 for any other text.
inline int AuthorityNumber(absl::string_view code) {
  for (size_t i = 0; i < kAuthorities.size(); ++i) {
    if (kAuthorities[i].code == code) return static_cast<int>(i) + 1;
  }
  return 0;
}

// The code of an AuthorityNumber; empty when out of range.
inline absl::string_view AuthorityCodeOf(int number) {
  if (number < 1 || number > static_cast<int>(kAuthorities.size())) return {};
  return kAuthorities[number - 1].code;
}

}  // namespace wp::region

#endif  // WP_LIBS_REGION_AUTHORITIES_H_
