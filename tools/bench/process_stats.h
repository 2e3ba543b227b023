// What benchmarks read of a running service from outside: its memory (from
// /proc) and the bytes its files take.
#ifndef WP_TOOLS_BENCH_PROCESS_STATS_H_
#define WP_TOOLS_BENCH_PROCESS_STATS_H_

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace wp::bench {

struct ProcessMemory {
  int64_t resident_bytes = 0;       // VmRSS now
  int64_t peak_resident_bytes = 0;  // VmHWM: the most it has held
};

// Zeros when the process is gone or /proc cannot be read.
ProcessMemory MemoryOf(pid_t pid);

// The bytes of the regular files directly in `dir` whose names start with
// `prefix` (a SQLite database with its -wal and -shm files).
int64_t FileBytes(const std::string& dir, const std::string& prefix);

// "1.23 GB", "456.7 MB", "89.0 kB".
std::string HumanBytes(double bytes);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_PROCESS_STATS_H_
