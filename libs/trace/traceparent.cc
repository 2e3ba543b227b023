#include "libs/trace/traceparent.h"

#include <cstdint>

#include "absl/random/random.h"

namespace wp::trace {
namespace {

constexpr char kHex[] = "0123456789abcdef";

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

int HexValue(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

bool IsHexId(absl::string_view id, size_t size) {
  if (id.size() != size) return false;
  bool all_zero = true;
  for (char c : id) {
    if (!IsLowerHex(c)) return false;
    if (c != '0') all_zero = false;
  }
  return !all_zero;
}

bool IsHexByte(absl::string_view two) {
  return two.size() == 2 && IsLowerHex(two[0]) && IsLowerHex(two[1]);
}

// `bytes` (at most 16) random bytes as 2*bytes hex digits, never all zero.
// A generator per thread, seeded once from the OS: ids must not collide, not
// be secret, and a getrandom() call per id showed in the RPC path's profile.
std::string RandomHex(size_t bytes) {
  thread_local absl::BitGen random;
  std::string out;
  do {
    out.clear();
    for (size_t i = 0; i < bytes; ++i) {
      const uint8_t b = absl::Uniform<uint8_t>(random);
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0x0F]);
    }
  } while (out.find_first_not_of('0') == std::string::npos);
  return out;
}

}  // namespace

bool IsValidTraceId(absl::string_view id) { return IsHexId(id, kTraceIdHexBytes); }
bool IsValidSpanId(absl::string_view id) { return IsHexId(id, kSpanIdHexBytes); }

std::optional<TraceParent> ParseTraceParent(absl::string_view text) {
  // version "-" trace-id "-" parent-id "-" flags
  if (text.size() < kTraceparentBytes) return std::nullopt;
  const absl::string_view version = text.substr(0, 2);
  if (!IsHexByte(version) || version == "ff") return std::nullopt;
  if (text[2] != '-' || text[35] != '-' || text[52] != '-') return std::nullopt;
  if (version == "00") {
    if (text.size() != kTraceparentBytes) return std::nullopt;
  } else if (text.size() > kTraceparentBytes && text[kTraceparentBytes] != '-') {
    // A later version may append fields, each after a dash.
    return std::nullopt;
  }
  const absl::string_view trace_id = text.substr(3, kTraceIdHexBytes);
  const absl::string_view parent_id = text.substr(36, kSpanIdHexBytes);
  const absl::string_view flags = text.substr(53, 2);
  if (!IsValidTraceId(trace_id) || !IsValidSpanId(parent_id) || !IsHexByte(flags)) {
    return std::nullopt;
  }
  TraceParent tp;
  tp.trace_id = std::string(trace_id);
  tp.parent_id = std::string(parent_id);
  tp.flags = static_cast<uint8_t>(HexValue(flags[0]) * 16 + HexValue(flags[1]));
  return tp;
}

std::string FormatTraceParent(const TraceParent& tp) {
  std::string out = "00-";
  out.reserve(kTraceparentBytes);
  out.append(tp.trace_id);
  out.push_back('-');
  out.append(tp.parent_id);
  out.push_back('-');
  out.push_back(kHex[tp.flags >> 4]);
  out.push_back(kHex[tp.flags & 0x0F]);
  return out;
}

std::string NewTraceId() { return RandomHex(kTraceIdHexBytes / 2); }
std::string NewSpanId() { return RandomHex(kSpanIdHexBytes / 2); }

TraceParent NewTrace() {
  TraceParent tp;
  tp.trace_id = NewTraceId();
  tp.parent_id = NewSpanId();
  tp.flags = kSampledFlag;
  return tp;
}

TraceParent ChildOf(const TraceParent& parent) {
  TraceParent tp = parent;
  tp.parent_id = NewSpanId();
  return tp;
}

}  // namespace wp::trace
