// wp.common.v1.AuditService: the audit trail of a resource or of a subject,
// read from the service's own store (audit_log.h). For admins only.
//
// Every service registers one next to its own gRPC service:
//   audit::AuditGrpc audit_grpc(*db, [](grpc::ServerContext& ctx) {
//     return guard.Admit(ctx).status();  // libs/authz: the service's policy decides
//   });
//   host.AddService(&audit_grpc);
//
// Thread-safe: the Database is; the hook must be too (it runs on every call's thread).
#ifndef WP_LIBS_AUDIT_AUDIT_SERVICE_H_
#define WP_LIBS_AUDIT_AUDIT_SERVICE_H_

#include <functional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/server_context.h"
#include "libs/store/database.h"
#include "wp/common/v1/audit.grpc.pb.h"

namespace wp::audit {

inline constexpr int kDefaultAuditPageSize = 100;
inline constexpr int kMaxAuditPageSize = 1000;

// Decides whether the caller of `context` may read audit records: OK to
// allow, otherwise the status the call fails with (PERMISSION_DENIED,
// UNAUTHENTICATED, ...).
using AuthorizeAuditFn = std::function<absl::Status(grpc::ServerContext& context)>;

// Validates `request` (resource, subject or a time range; from_time before
// to_time; page_size, page_token: INVALID_ARGUMENT naming the field) and
// reads one page, oldest first. Filters combine: resource (its own records
// and those naming it as a related resource), subject, [from_time, to_time).
// No authorization: AuditGrpc checks that first.
absl::StatusOr<wp::common::v1::ListAuditRecordsResponse> ListAuditRecords(
    store::Database& db, const wp::common::v1::ListAuditRecordsRequest& request);

class AuditGrpc final : public wp::common::v1::AuditService::Service {
 public:
  // `db` must outlive this object (its platform migrations hold the table).
  // `authorize` runs before anything else on every call; a call it refuses
  // fails with its status. Services MUST pass their admin check here: a null
  // `authorize` allows every caller (meant for tests and local tools only).
  AuditGrpc(store::Database& db, AuthorizeAuditFn authorize);

  grpc::Status ListAuditRecords(grpc::ServerContext* context,
                                const wp::common::v1::ListAuditRecordsRequest* request,
                                wp::common::v1::ListAuditRecordsResponse* response) override;

 private:
  store::Database& db_;
  AuthorizeAuditFn authorize_;
};

}  // namespace wp::audit

#endif  // WP_LIBS_AUDIT_AUDIT_SERVICE_H_
