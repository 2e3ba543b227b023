// Structured one-line logs on stderr, logfmt by default:
//   ts=2026-11-23T05:41:02.123Z level=info svc=workstreams msg="listening" port=50052
// or, with SetFormat(Format::kJson) (--log_format=json), one JSON object per line:
//   {"ts":"2026-11-23T05:41:02.123Z","level":"info","svc":"workstreams","msg":"listening","port":"50052"}
//
// A line written while a trace is current on the thread (libs/trace: a gRPC
// call, an event being handled) ends with its trace_id field.
//
// The level can change at run time (SetLevel; LoggingService does it over
// gRPC). Thread-safe: each line is written with a single write(2); level and
// format are atomics.
#ifndef WP_LIBS_LOG_LOG_H_
#define WP_LIBS_LOG_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace wp::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };
enum class Format { kLogfmt = 0, kJson = 1 };

// A key and an already formatted value.
using Field = std::pair<absl::string_view, std::string>;

// Set once at start-up, before threads start.
void SetService(absl::string_view service);
// Parses "debug", "info", "warn" or "error" (any case); INVALID_ARGUMENT
// otherwise, leaving the level as it was. Any thread, any time.
absl::Status SetLevel(absl::string_view level);
Level CurrentLevel();
// "debug", "info", "warn" or "error".
absl::string_view LevelName(Level level);
bool Enabled(Level level);
// Parses "logfmt" or "json"; INVALID_ARGUMENT otherwise.
absl::Status SetFormat(absl::string_view format);
Format CurrentFormat();
// "logfmt" or "json".
absl::string_view FormatName(Format format);

void Write(Level level, absl::string_view message, std::initializer_list<Field> fields = {});

inline void Debug(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kDebug, m, f); }
inline void Info(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kInfo, m, f); }
inline void Warn(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kWarn, m, f); }
inline void Error(absl::string_view m, std::initializer_list<Field> f = {}) { Write(Level::kError, m, f); }

// Formats one line in the current format without writing it (exposed for tests).
std::string FormatLine(Level level, absl::string_view message, std::initializer_list<Field> fields);

}  // namespace wp::log

#endif  // WP_LIBS_LOG_LOG_H_
