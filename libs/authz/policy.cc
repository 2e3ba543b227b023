#include "libs/authz/policy.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace wp::authz {

Policy::Policy(RoleTable table) : table_(std::move(table)) {}

bool Policy::IsPublic(const std::string& method) {
  return absl::StartsWith(method, "/grpc.health.v1.Health/") ||
         absl::StartsWith(method, "/grpc.reflection.v1alpha.ServerReflection/");
}

absl::Status Policy::Check(const std::string& method, const auth::Principal& principal) const {
  auto it = table_.find(method);
  if (it == table_.end()) {
    return absl::PermissionDeniedError(absl::StrCat(method, " is not in this service's policy"));
  }
  if (it->second.count(principal.role) == 0) {
    return absl::PermissionDeniedError(
        absl::StrCat("role ", auth::RoleName(principal.role), " may not call ", method));
  }
  return absl::OkStatus();
}

const std::set<Role>& Everyone() {
  static const auto* roles = new std::set<Role>(auth::AllRoles().begin(), auth::AllRoles().end());
  return *roles;
}

const std::set<Role>& Readers() {
  static const auto* roles = new std::set<Role>{Role::kAdmin, Role::kBoard, Role::kOfficer,
                                                Role::kAuthorityOfficer, Role::kAnalyst};
  return *roles;
}

const std::set<Role>& Writers() {
  static const auto* roles = new std::set<Role>{Role::kAdmin, Role::kOfficer};
  return *roles;
}

const std::set<Role>& AggregateReaders() {
  static const auto* roles = [] {
    auto* r = new std::set<Role>(Readers());
    r->insert(Role::kPartner);
    return r;
  }();
  return *roles;
}

const std::set<Role>& AdminsOnly() {
  static const auto* roles = new std::set<Role>{Role::kAdmin};
  return *roles;
}

}  // namespace wp::authz
