#include "libs/authz/trace_id.h"

#include "libs/server/request_context.h"

namespace wp::authz {

bool IsUsableTraceId(absl::string_view id) {
  if (id.empty() || id.size() > kMaxTraceIdBytes) return false;
  for (char c : id) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

std::string TraceIdFor(absl::string_view requested) {
  return IsUsableTraceId(requested) ? std::string(requested) : server::NewId();
}

}  // namespace wp::authz
