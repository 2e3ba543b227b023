#include "libs/log/log.h"

#include <unistd.h>

#include <atomic>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/text/bounded_text.h"
#include "libs/trace/trace_context.h"

namespace wp::log {
namespace {

// Longest value (or message) written; longer ones end in "…". An error
// logged in full for an operator stays readable and a line stays one write.
constexpr size_t kMaxValueBytes = 4096;

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::atomic<int> g_format{static_cast<int>(Format::kLogfmt)};
std::string& ServiceName() {
  static auto* name = new std::string("wp");
  return *name;
}

// Quotes values with spaces, quotes, equals signs or control bytes, and
// escapes the control bytes (a NUL or newline from a request must not reach
// the log raw or forge a line). Values are first bounded (kMaxValueBytes,
// valid UTF-8) so one huge input cannot make a huge line.
void AppendValue(std::string* out, absl::string_view raw) {
  const std::string value = text::Bounded(raw, kMaxValueBytes);
  bool needs_quotes = value.empty();
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || u < 0x20 || u == 0x7F) needs_quotes = true;
  }
  if (!needs_quotes) {
    out->append(value);
    return;
  }
  out->push_back('"');
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (u < 0x20 || u == 0x7F) {
      absl::StrAppend(out, "\\x", absl::Hex(u, absl::kZeroPad2));
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

// A JSON string (RFC 8259) of `raw`, bounded and valid UTF-8 like the logfmt
// values; control bytes are escaped, everything else is kept as is.
void AppendJsonString(std::string* out, absl::string_view raw) {
  const std::string value = text::Bounded(raw, kMaxValueBytes);
  out->push_back('"');
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\t': out->append("\\t"); break;
      case '\r': out->append("\\r"); break;
      default:
        if (u < 0x20 || u == 0x7F) {
          absl::StrAppend(out, "\\u00", absl::Hex(u, absl::kZeroPad2));
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string Timestamp() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
}

// The current trace's id, unless the caller already gave a trace_id field.
absl::string_view TraceIdToAdd(std::initializer_list<Field> fields) {
  const std::string& trace_id = trace::Current().trace_id;
  if (trace_id.empty()) return "";
  for (const Field& f : fields) {
    if (f.first == "trace_id") return "";
  }
  return trace_id;
}

std::string LogfmtLine(Level level, absl::string_view message, std::initializer_list<Field> fields) {
  std::string line = absl::StrCat("ts=", Timestamp(), " level=", LevelName(level),
                                  " svc=", ServiceName(), " msg=");
  AppendValue(&line, message);
  for (const Field& f : fields) {
    absl::StrAppend(&line, " ", f.first, "=");
    AppendValue(&line, f.second);
  }
  if (absl::string_view trace_id = TraceIdToAdd(fields); !trace_id.empty()) {
    line.append(" trace_id=");
    AppendValue(&line, trace_id);
  }
  line.push_back('\n');
  return line;
}

// Every value is a JSON string, as every logfmt value is text.
std::string JsonLine(Level level, absl::string_view message, std::initializer_list<Field> fields) {
  std::string line = absl::StrCat("{\"ts\":\"", Timestamp(), "\",\"level\":\"", LevelName(level),
                                  "\",\"svc\":");
  AppendJsonString(&line, ServiceName());
  line.append(",\"msg\":");
  AppendJsonString(&line, message);
  for (const Field& f : fields) {
    line.push_back(',');
    AppendJsonString(&line, f.first);
    line.push_back(':');
    AppendJsonString(&line, f.second);
  }
  if (absl::string_view trace_id = TraceIdToAdd(fields); !trace_id.empty()) {
    line.append(",\"trace_id\":");
    AppendJsonString(&line, trace_id);
  }
  line.append("}\n");
  return line;
}

}  // namespace

absl::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
  }
  return "info";
}

Format CurrentFormat() { return static_cast<Format>(g_format.load()); }

absl::string_view FormatName(Format format) { return format == Format::kJson ? "json" : "logfmt"; }

Level CurrentLevel() { return static_cast<Level>(g_level.load()); }

absl::Status SetFormat(absl::string_view format) {
  const std::string lower = absl::AsciiStrToLower(format);
  if (lower == "logfmt") {
    g_format = static_cast<int>(Format::kLogfmt);
  } else if (lower == "json") {
    g_format = static_cast<int>(Format::kJson);
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("log format \"", format, "\" is not one of logfmt, json"));
  }
  return absl::OkStatus();
}

void SetService(absl::string_view service) { ServiceName() = std::string(service); }

absl::Status SetLevel(absl::string_view level) {
  const std::string lower = absl::AsciiStrToLower(level);
  for (Level l : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
    if (lower == LevelName(l)) {
      g_level = static_cast<int>(l);
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("log level \"", level, "\" is not one of debug, info, warn, error"));
}

bool Enabled(Level level) { return static_cast<int>(level) >= g_level.load(); }

std::string FormatLine(Level level, absl::string_view message,
                       std::initializer_list<Field> fields) {
  return static_cast<Format>(g_format.load()) == Format::kJson ? JsonLine(level, message, fields)
                                                                : LogfmtLine(level, message, fields);
}

void Write(Level level, absl::string_view message, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  const std::string line = FormatLine(level, message, fields);
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace wp::log
