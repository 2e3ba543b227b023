#include "tools/wpctl/args.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace wp::wpctl {
namespace {

// The payload that tells a usage error from an INVALID_ARGUMENT sent by the
// service; the value is never read.
constexpr absl::string_view kUsageErrorUrl = "wpctl/usage-error";

}  // namespace

bool Args::Has(absl::string_view name) const { return options.count(std::string(name)) > 0; }

std::string Args::Get(absl::string_view name, absl::string_view fallback) const {
  auto it = options.find(std::string(name));
  return it == options.end() ? std::string(fallback) : it->second;
}

absl::StatusOr<std::string> Args::Required(absl::string_view name) const {
  std::string value = Get(name);
  if (value.empty()) return UsageError(absl::StrCat("--", name, " is required"));
  return value;
}

bool Args::Switch(absl::string_view name) const { return Get(name) == "true"; }

absl::StatusOr<Args> ParseArgs(const std::vector<std::string>& words, const OptionSpec& spec) {
  Args args;
  bool options_ended = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (options_ended || word == "-" || !absl::StartsWith(word, "-")) {
      args.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      options_ended = true;
      continue;
    }
    if (!absl::StartsWith(word, "--")) {
      auto alias = spec.short_switches.find(word.substr(1));
      if (alias == spec.short_switches.end()) {
        return UsageError(absl::StrCat("unknown option ", word, " (options are spelt --name)"));
      }
      if (args.Has(alias->second)) return UsageError(absl::StrCat(word, " is given twice"));
      args.options.emplace(alias->second, "true");
      continue;
    }
    const size_t equals = word.find('=');
    const std::string name = word.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    if (name.empty()) return UsageError(absl::StrCat("bad option ", word));
    if (args.Has(name)) return UsageError(absl::StrCat("--", name, " is given twice"));

    std::string value;
    if (spec.switches.count(name) > 0) {
      value = equals == std::string::npos ? "true" : word.substr(equals + 1);
      if (value != "true" && value != "false") {
        return UsageError(absl::StrCat("--", name, " takes no value (or =true / =false)"));
      }
    } else if (spec.valued.count(name) > 0) {
      if (equals != std::string::npos) {
        value = word.substr(equals + 1);
      } else if (i + 1 < words.size() && !absl::StartsWith(words[i + 1], "--")) {
        value = words[++i];
      } else {
        // A following "--x" is far more often a forgotten value than a value.
        return UsageError(absl::StrCat("--", name, " needs a value (write --", name,
                                       "=VALUE for a value starting with --)"));
      }
    } else {
      return UsageError(absl::StrCat("unknown option --", name));
    }
    args.options.emplace(name, std::move(value));
  }
  return args;
}

absl::Status CheckOptions(const Args& args, const std::set<std::string>& allowed) {
  std::vector<std::string> unexpected;
  for (const auto& [name, value] : args.options) {
    if (allowed.count(name) == 0) unexpected.push_back(absl::StrCat("--", name));
  }
  if (unexpected.empty()) return absl::OkStatus();
  return UsageError(absl::StrCat(unexpected.size() == 1 ? "option " : "options ",
                                 absl::StrJoin(unexpected, ", "), " not accepted here"));
}

absl::Status UsageError(absl::string_view message) {
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kUsageErrorUrl, absl::Cord());
  return status;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsageErrorUrl).has_value();
}

}  // namespace wp::wpctl
