// wp.common.v1.OutboxAdminService: lists the outbox's dead letters and puts
// them back (libs/store/dead_letters.h). For admins only.
//
// Every service registers one beside its audit service:
//   bus::OutboxAdminGrpc outbox_admin(*db, [&guard](grpc::ServerContext& ctx) {
//     return guard.Admit(ctx);  // libs/authz: the service's policy decides
//   });
//   host.AddService(&outbox_admin);
// and wakes its relay after a re-drive through the database's commit listener.
//
// Thread-safe: the Database is; the hook must be too.
#ifndef WP_LIBS_BUS_OUTBOX_ADMIN_SERVICE_H_
#define WP_LIBS_BUS_OUTBOX_ADMIN_SERVICE_H_

#include <functional>

#include "absl/status/statusor.h"
#include "grpcpp/server_context.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/common/v1/outbox.grpc.pb.h"

namespace wp::bus {

// The caller of `context` when it may manage the outbox, otherwise the
// status the call fails with.
using AuthorizeAdminFn = std::function<absl::StatusOr<server::Caller>(grpc::ServerContext&)>;

// One page of dead letters; INVALID_ARGUMENT naming page_size or page_token.
absl::StatusOr<wp::common::v1::ListDeadLettersResponse> ListDeadLetters(
    store::Database& db, const wp::common::v1::ListDeadLettersRequest& request);

// Re-drives the dead letters named (or all), each with an audit record, in
// one transaction: all or none. INVALID_ARGUMENT for a request naming none,
// NOT_FOUND naming the first seq that is not a dead letter.
absl::StatusOr<wp::common::v1::RedriveDeadLettersResponse> RedriveDeadLetters(
    store::Database& db, const server::Caller& caller,
    const wp::common::v1::RedriveDeadLettersRequest& request);

class OutboxAdminGrpc final : public wp::common::v1::OutboxAdminService::Service {
 public:
  // `db` must outlive this object. `authorize` runs first on every call.
  OutboxAdminGrpc(store::Database& db, AuthorizeAdminFn authorize);

  grpc::Status ListDeadLetters(grpc::ServerContext* context,
                               const wp::common::v1::ListDeadLettersRequest* request,
                               wp::common::v1::ListDeadLettersResponse* response) override;
  grpc::Status RedriveDeadLetters(grpc::ServerContext* context,
                                  const wp::common::v1::RedriveDeadLettersRequest* request,
                                  wp::common::v1::RedriveDeadLettersResponse* response) override;

 private:
  store::Database& db_;
  AuthorizeAdminFn authorize_;
};

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_OUTBOX_ADMIN_SERVICE_H_
