#include "libs/paging/keyset_page.h"

#include "absl/strings/numbers.h"
#include "libs/status/field_errors.h"

namespace wp::paging {

absl::StatusOr<int64_t> PageKey::Int(size_t i) const {
  if (first_page()) return 0;
  int64_t value = 0;
  if (!absl::SimpleAtoi(parts_[i], &value)) return InvalidField("page_token", "is damaged");
  return value;
}

absl::StatusOr<PageKey> DecodePageKey(absl::string_view token, size_t parts) {
  absl::StatusOr<std::vector<std::string>> decoded = DecodePageToken(token, parts);
  if (!decoded.ok()) return decoded.status();
  return PageKey(*std::move(decoded));
}

}  // namespace wp::paging
