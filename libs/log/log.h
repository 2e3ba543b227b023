// Structured one-line logs (logfmt) on stderr:
//   ts=2026-11-23T05:41:02.123Z level=info svc=workstreams msg="listening" port=50052
//
// Thread-safe: each line is written with a single write(2).
#ifndef WP_LIBS_LOG_LOG_H_
#define WP_LIBS_LOG_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace wp::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// A key and an already formatted value.
using Field = std::pair<absl::string_view, std::string>;

// Set once at start-up, before threads start.
void SetService(absl::string_view service);
// Parses "debug", "info", "warn" or "error".
absl::Status SetLevel(absl::string_view level);
bool Enabled(Level level);

void Write(Level level, absl::string_view message, std::initializer_list<Field> fields = {});

inline void Debug(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kDebug, m, f); }
inline void Info(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kInfo, m, f); }
inline void Warn(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kWarn, m, f); }
inline void Error(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kError, m, f); }

// Formats one line without writing it (exposed for tests).
std::string FormatLine(Level level, absl::string_view message, std::initializer_list<Field> fields);

}  // namespace wp::log

#endif  // WP_LIBS_LOG_LOG_H_
