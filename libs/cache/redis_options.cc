#include "libs/cache/redis_options.h"

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace wp::cache {

absl::StatusOr<RedisOptions> ParseRedisUrl(absl::string_view url) {
  constexpr absl::string_view kScheme = "redis://";
  // Error messages never echo the URL: it may carry the password.
  if (!absl::ConsumePrefix(&url, kScheme)) {
    return absl::InvalidArgumentError("redis url must start with redis://");
  }
  RedisOptions options;
  if (size_t at = url.rfind('@'); at != absl::string_view::npos) {
    absl::string_view userinfo = url.substr(0, at);
    url.remove_prefix(at + 1);
    if (!absl::ConsumePrefix(&userinfo, ":")) {
      return absl::InvalidArgumentError("redis url: only ':password@' is supported, not a user name");
    }
    options.password = std::string(userinfo);
  }
  if (absl::ConsumeSuffix(&url, "/0")) {
    // Database 0 is the default; nothing to select.
  }
  if (url.find_first_of("/?") != absl::string_view::npos) {
    return absl::InvalidArgumentError("redis url: database numbers and options are not supported");
  }
  absl::string_view host = url;
  if (size_t colon = url.rfind(':'); colon != absl::string_view::npos) {
    host = url.substr(0, colon);
    int port = 0;
    if (!absl::SimpleAtoi(url.substr(colon + 1), &port) || port <= 0 || port > 65535) {
      return absl::InvalidArgumentError("redis url: bad port");
    }
    options.port = port;
  }
  if (host.empty()) return absl::InvalidArgumentError("redis url: missing host");
  options.host = std::string(host);
  return options;
}

}  // namespace wp::cache
