// What build a process is: its version and git commit, set by CMake when the
// build is configured (WP_VERSION, and `git rev-parse` when the source is a
// git checkout); "dev" when unknown. Shown by wp_build_info and `wpctl status`.
//
// Thread-safe: constants.
#ifndef WP_LIBS_METRICS_BUILD_INFO_H_
#define WP_LIBS_METRICS_BUILD_INFO_H_

#include <string>

namespace wp::metrics {

const std::string& BuildVersion();
const std::string& BuildGitCommit();

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_BUILD_INFO_H_
