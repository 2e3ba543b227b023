#include "services/governance/org/org_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/region/authorities.h"

namespace wp::governance {

void CheckOptionalAuthority(absl::string_view code, const std::string& field, FieldViolations* v) {
  if (!code.empty() && !region::IsAuthorityCode(code)) {
    v->Add(field, "must be empty or one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
  }
}

void CheckNoControlCharacters(absl::string_view text, const std::string& field, FieldViolations* v) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7f) {
      v->Add(field, "must not contain control characters");
      return;
    }
  }
}

}  // namespace wp::governance
