#include "libs/server/request_context.h"

#include "absl/random/random.h"
#include "absl/strings/str_format.h"

namespace wp::server {
namespace {

std::string Metadata(const grpc::ServerContextBase& context, const char* key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(key);
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

}  // namespace

std::string NewId() {
  thread_local absl::BitGen gen;
  const uint64_t hi = absl::Uniform<uint64_t>(gen);
  const uint64_t lo = absl::Uniform<uint64_t>(gen);
  // Version 4, variant 10xx.
  return absl::StrFormat("%08x-%04x-4%03x-%04x-%012x", hi >> 32, (hi >> 16) & 0xffff, hi & 0x0fff,
                         ((lo >> 48) & 0x3fff) | 0x8000, lo & 0xffffffffffffULL);
}

Caller CallerOf(const grpc::ServerContextBase& context) {
  Caller caller;
  caller.actor = Metadata(context, "x-wp-actor");
  if (caller.actor.empty()) caller.actor = "anonymous";
  caller.trace_id = Metadata(context, "x-request-id");
  if (caller.trace_id.empty()) caller.trace_id = NewId();
  return caller;
}

}  // namespace wp::server
