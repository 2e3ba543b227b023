#include "tools/wpctl/config_file.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/files.h"

namespace wp::wpctl {

std::optional<std::string> ConfigFile::Get(absl::string_view key) const {
  auto it = values.find(std::string(key));
  if (it == values.end()) return std::nullopt;
  return it->second;
}

const std::set<std::string>& ConfigKeys() {
  static const auto* keys = new std::set<std::string>{
      "server", "governance_server", "westos_server", "learning_server", "period", "token_file", "format"};
  return *keys;
}

absl::StatusOr<ConfigFile> ParseConfigFile(absl::string_view text, absl::string_view path) {
  ConfigFile config;
  config.path = std::string(path);
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    auto bad = [&](absl::string_view why) {
      return UsageError(absl::StrCat(path, " line ", number, ": ", why));
    };
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || absl::StartsWith(line, "#")) continue;
    const size_t equals = line.find('=');
    if (equals == absl::string_view::npos) {
      return bad(absl::StrCat("\"", line, "\" is not key = value"));
    }
    const std::string key(absl::StripAsciiWhitespace(line.substr(0, equals)));
    absl::string_view value = absl::StripAsciiWhitespace(line.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (ConfigKeys().count(key) == 0) {
      return bad(absl::StrCat("unknown key \"", key, "\" (known: ", absl::StrJoin(ConfigKeys(), ", "), ")"));
    }
    if (value.empty()) return bad(absl::StrCat(key, " has no value"));
    if (!config.values.emplace(key, std::string(value)).second) {
      return bad(absl::StrCat(key, " is set twice"));
    }
  }
  return config;
}

std::string ConfigFilePath(const char* wpctl_config, const char* home) {
  if (wpctl_config != nullptr && *wpctl_config != '\0') return wpctl_config;
  if (home != nullptr && *home != '\0') return absl::StrCat(home, "/.config/wpctl/config");
  return "";
}

absl::StatusOr<ConfigFile> LoadConfigFile(const std::string& path, bool must_exist) {
  std::error_code error;
  if (path.empty() || (!must_exist && !std::filesystem::exists(path, error))) return ConfigFile{};
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) {
    return UsageError(absl::StrCat("wpctl config file: ", text.status().message()));
  }
  return ParseConfigFile(*text, path);
}

}  // namespace wp::wpctl
