#include "libs/cache/cache_key.h"

#include "absl/strings/str_cat.h"

namespace wp::cache {

std::string CacheKey(absl::string_view ns, absl::string_view query, int64_t generation) {
  return absl::StrCat("wp:", ns, ":", query, ":g", generation);
}

}  // namespace wp::cache
