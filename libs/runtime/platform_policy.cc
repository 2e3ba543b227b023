#include "libs/runtime/platform_policy.h"

#include <utility>

namespace wp::runtime {

authz::RoleTable PlatformPolicy() {
  using authz::AdminsOnly;
  using authz::Readers;
  return {
      // Who changed what (libs/audit).
      {"/wp.common.v1.AuditService/ListAuditRecords", AdminsOnly()},
      // Events the bus refused for good (libs/bus/outbox_admin_service.h).
      {"/wp.common.v1.OutboxAdminService/ListDeadLetters", AdminsOnly()},
      {"/wp.common.v1.OutboxAdminService/RedriveDeadLetters", AdminsOnly()},
      // Online backups of the store (store_admin_service.h).
      {"/wp.common.v1.StoreAdminService/BackupStore", AdminsOnly()},
      {"/wp.common.v1.StoreAdminService/ListBackups", AdminsOnly()},
      // The run-time log level (libs/log/logging_service.h).
      {"/wp.common.v1.LoggingService/GetLogLevel", AdminsOnly()},
      {"/wp.common.v1.LoggingService/SetLogLevel", AdminsOnly()},
      // How the service is doing (wpctl status): whoever may read.
      {"/wp.common.v1.StatusService/GetStatus", Readers()},
  };
}

authz::RoleTable ServicePolicy(authz::RoleTable own) {
  for (auto& [method, roles] : PlatformPolicy()) own.emplace(method, std::move(roles));
  return own;
}

}  // namespace wp::runtime
