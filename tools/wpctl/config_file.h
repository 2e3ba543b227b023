// wpctl's defaults file: `key = value` lines naming the servers, the period,
// a file holding the token and the output format, so that they need not be
// typed on every command. Read from $WPCTL_CONFIG, else
// ~/.config/wpctl/config. The command line beats the environment (WP_*),
// which beats this file. Thread-safe: pure functions and a value type.
#ifndef WP_TOOLS_WPCTL_CONFIG_FILE_H_
#define WP_TOOLS_WPCTL_CONFIG_FILE_H_

#include <map>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::wpctl {

struct ConfigFile {
  std::string path;                           // where it was read ("" when none)
  std::map<std::string, std::string> values;  // key -> value, keys from ConfigKeys()

  // The value of `key`, or nullopt when the file does not set it.
  std::optional<std::string> Get(absl::string_view key) const;
};

// server, governance_server, westos_server, learning_server, period,
// token_file, format.
const std::set<std::string>& ConfigKeys();

// Blank lines and lines starting with '#' are skipped; spaces around the key
// and the value are trimmed, and a value may be wrapped in double quotes.
// A usage error naming `path` and the line for a line without '=', an unknown
// key, an empty value or a key given twice.
absl::StatusOr<ConfigFile> ParseConfigFile(absl::string_view text, absl::string_view path);

// Which file to read: `wpctl_config` ($WPCTL_CONFIG) when set, else
// `home`/.config/wpctl/config; "" when neither is known.
std::string ConfigFilePath(const char* wpctl_config, const char* home);

// Reads and parses the file at `path`. A missing file is an empty config,
// unless `must_exist` ($WPCTL_CONFIG named it), when it is a usage error.
absl::StatusOr<ConfigFile> LoadConfigFile(const std::string& path, bool must_exist);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_CONFIG_FILE_H_
