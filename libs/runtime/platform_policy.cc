#include "libs/runtime/platform_policy.h"

#include <utility>

#include "libs/changes/change_feed_service.h"

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
      // Every change in order, for copies elsewhere (libs/changes): whole
      // records, unscoped, so only the readers of every record.
      {"/wp.common.v1.ChangeFeedService/ListChanges", changes::ChangeFeedReaders()},
      {"/wp.common.v1.ChangeFeedService/WatchChanges", changes::ChangeFeedReaders()},
      {"/wp.common.v1.ChangeFeedService/GetChangeFeedBounds", changes::ChangeFeedReaders()},
  };
}

authz::RoleTable ServicePolicy(authz::RoleTable own) {
  for (auto& [method, roles] : PlatformPolicy()) own.emplace(method, std::move(roles));
  return own;
}

}  // namespace wp::runtime
