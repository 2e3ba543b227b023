#include "libs/authz/call_guard.h"

namespace wp::authz {

void CallGuard::Set(const grpc::ServerContextBase* call, absl::StatusOr<server::Caller> verdict) {
  absl::MutexLock lock(&mu_);
  verdicts_.insert_or_assign(call, std::move(verdict));
}

void CallGuard::Clear(const grpc::ServerContextBase* call) {
  absl::MutexLock lock(&mu_);
  verdicts_.erase(call);
}

absl::StatusOr<server::Caller> CallGuard::Admit(const grpc::ServerContextBase& call) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = verdicts_.find(&call);
  if (it == verdicts_.end()) return absl::UnauthenticatedError("the call was not authenticated");
  return it->second;
}

}  // namespace wp::authz
