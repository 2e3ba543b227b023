#include "libs/metrics/build_info.h"

// Set on this file alone by libs/metrics/CMakeLists.txt, so that a new commit
// recompiles one file.
#ifndef WP_BUILD_VERSION
#define WP_BUILD_VERSION "dev"
#endif
#ifndef WP_BUILD_GIT_COMMIT
#define WP_BUILD_GIT_COMMIT "dev"
#endif

namespace wp::metrics {

const std::string& BuildVersion() {
  static const auto* version = new std::string(WP_BUILD_VERSION[0] != '\0' ? WP_BUILD_VERSION : "dev");
  return *version;
}

const std::string& BuildGitCommit() {
  static const auto* commit =
      new std::string(WP_BUILD_GIT_COMMIT[0] != '\0' ? WP_BUILD_GIT_COMMIT : "dev");
  return *commit;
}

}  // namespace wp::metrics
