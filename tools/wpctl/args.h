// wpctl's command line: positional words and --key value / --key=value options.
//
// absl flags are process-global, so they cannot describe options that mean
// different things to different subcommands; this tiny parser does that job.
// Global options are parsed by it too and handed to absl flags by main.cc.
// Mistakes made on the command line are "usage errors" (exit code 2), told
// apart from failures of the service by a payload on the absl::Status.
// Thread-safe: pure functions and value types.
#ifndef WP_TOOLS_WPCTL_ARGS_H_
#define WP_TOOLS_WPCTL_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::wpctl {

// Which option names the parser knows, and whether they take a value.
struct OptionSpec {
  std::set<std::string> valued;    // --name VALUE or --name=VALUE
  std::set<std::string> switches;  // --name, or --name=true / --name=false
  std::map<std::string, std::string> short_switches;  // "h" -> "help": -h means --help
};

// The parsed command line. Switches are stored as "true" / "false".
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;

  bool Has(absl::string_view name) const;
  // The option's value, or `fallback` when it was not given.
  std::string Get(absl::string_view name, absl::string_view fallback = "") const;
  // The option's value; a usage error when it is missing or empty.
  absl::StatusOr<std::string> Required(absl::string_view name) const;
  // True when the switch was given (and not as --name=false).
  bool Switch(absl::string_view name) const;
};

// Parses `words` (argv without the program name). "--" ends the options so
// later words are positional even when they start with "--"; a lone "-" is
// positional (stdin). Usage errors: unknown option, missing value, an option
// given twice, a value on a switch other than true/false, unknown short options.
absl::StatusOr<Args> ParseArgs(const std::vector<std::string>& words, const OptionSpec& spec);

// Usage error unless every option in `args` is in `allowed`.
absl::Status CheckOptions(const Args& args, const std::set<std::string>& allowed);

// An INVALID_ARGUMENT marked as a command-line mistake (exit code 2).
absl::Status UsageError(absl::string_view message);
bool IsUsageError(const absl::Status& status);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_ARGS_H_
