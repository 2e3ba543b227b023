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

}  // namespace wp::region

#endif  // WP_LIBS_REGION_AUTHORITIES_H_
