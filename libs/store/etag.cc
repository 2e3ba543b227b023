#include "libs/store/etag.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace wp::store {

std::string EtagOf(int64_t version) { return absl::StrCat(version); }

int64_t VersionOf(const std::string& etag) {
  int64_t version = 0;
  return absl::SimpleAtoi(etag, &version) ? version : -1;
}

absl::Status CheckEtag(const std::string& etag, int64_t version, const std::string& resource) {
  if (etag.empty() || VersionOf(etag) == version) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat(resource, " was changed by someone else (etag \"", etag,
                                         "\" is stale, current is \"", EtagOf(version),
                                         "\"); read it again and retry"));
}

}  // namespace wp::store
