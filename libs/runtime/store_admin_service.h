// wp.common.v1.StoreAdminService: online backups of the service's own store
// (libs/store/backup.h) into a folder of the service's (<data_dir>/backups),
// under names the service chooses. For admins only; every backup is audited.
// Restoring is a start-up step instead (--restore_from, libs/store/restore.h),
// as it needs the service stopped.
//
// The runtime registers one beside the outbox admin service.
//
// Thread-safe: one backup runs at a time (another gets FAILED_PRECONDITION);
// listing runs alongside.
#ifndef WP_LIBS_RUNTIME_STORE_ADMIN_SERVICE_H_
#define WP_LIBS_RUNTIME_STORE_ADMIN_SERVICE_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/common/v1/store_admin.grpc.pb.h"

namespace wp::runtime {

// The caller of `context` when it may manage the store, otherwise the status
// the call fails with.
using AuthorizeStoreAdminFn = std::function<absl::StatusOr<server::Caller>(grpc::ServerContext&)>;

// "<service>-<UTC time>[-<label>].db", e.g. "workstreams-20261202T081500Z-nightly.db".
// INVALID_ARGUMENT naming `label` unless it is at most 32 of a-z, 0-9, '-'.
absl::StatusOr<std::string> BackupFileName(absl::string_view service, absl::string_view label,
                                           absl::Time now);

class StoreAdminGrpc final : public wp::common::v1::StoreAdminService::Service {
 public:
  // `db` must outlive this object; backups go to `backup_dir` (created when
  // needed). `authorize` runs first on every call.
  StoreAdminGrpc(store::Database& db, std::string service, std::string backup_dir,
                 AuthorizeStoreAdminFn authorize);

  // The calls without gRPC around them.
  absl::StatusOr<wp::common::v1::Backup> TakeBackup(const server::Caller& caller,
                                                    const wp::common::v1::BackupStoreRequest& request);
  absl::StatusOr<wp::common::v1::ListBackupsResponse> List() const;

  grpc::Status BackupStore(grpc::ServerContext* context,
                           const wp::common::v1::BackupStoreRequest* request,
                           wp::common::v1::Backup* response) override;
  grpc::Status ListBackups(grpc::ServerContext* context,
                           const wp::common::v1::ListBackupsRequest* request,
                           wp::common::v1::ListBackupsResponse* response) override;

 private:
  store::Database& db_;
  const std::string service_;
  const std::string backup_dir_;
  AuthorizeStoreAdminFn authorize_;
  absl::Mutex backup_mu_;  // held while a backup runs
};

}  // namespace wp::runtime

#endif  // WP_LIBS_RUNTIME_STORE_ADMIN_SERVICE_H_
