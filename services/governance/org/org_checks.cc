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

}  // namespace wp::governance
