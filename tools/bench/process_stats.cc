#include "tools/bench/process_stats.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace wp::bench {

ProcessMemory MemoryOf(pid_t pid) {
  ProcessMemory memory;
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    // "VmRSS:	  123456 kB"
    std::vector<std::string> parts = absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    int64_t kb = 0;
    if (parts.size() < 2 || !absl::SimpleAtoi(parts[1], &kb)) continue;
    if (parts[0] == "VmRSS:") memory.resident_bytes = kb * 1024;
    if (parts[0] == "VmHWM:") memory.peak_resident_bytes = kb * 1024;
  }
  return memory;
}

int64_t FileBytes(const std::string& dir, const std::string& prefix) {
  int64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && absl::StartsWith(entry.path().filename().string(), prefix)) {
      bytes += static_cast<int64_t>(entry.file_size(ec));
    }
  }
  return bytes;
}

std::string HumanBytes(double bytes) {
  if (bytes >= 1e9) return absl::StrFormat("%.2f GB", bytes / 1e9);
  if (bytes >= 1e6) return absl::StrFormat("%.1f MB", bytes / 1e6);
  return absl::StrFormat("%.1f kB", bytes / 1e3);
}

}  // namespace wp::bench
