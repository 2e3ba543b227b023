#include "libs/changes/change_feed_service.h"

#include "libs/authz/serve.h"
#include "libs/status/grpc_status.h"

namespace wp::changes {

namespace v1 = wp::common::v1;

const std::set<auth::Role>& ChangeFeedReaders() {
  static const auto* roles = new std::set<auth::Role>{auth::Role::kAdmin, auth::Role::kOfficer,
                                                      auth::Role::kBoard, auth::Role::kAnalyst};
  return *roles;
}

ChangeFeedGrpc::ChangeFeedGrpc(ChangeFeed& feed, const authz::CallGuard& guard, int max_watches)
    : feed_(feed), guard_(guard), watches_("change feed watches", max_watches) {}

grpc::Status ChangeFeedGrpc::ListChanges(grpc::ServerContext* context,
                                         const v1::ListChangesRequest* request,
                                         v1::ListChangesResponse* response) {
  return authz::Serve(guard_, *context, *request, response,
                      [&](const server::Caller&) { return feed_.List(*request); });
}

grpc::Status ChangeFeedGrpc::GetChangeFeedBounds(grpc::ServerContext* context,
                                                 const v1::GetChangeFeedBoundsRequest* request,
                                                 v1::ChangeFeedBounds* response) {
  return authz::Serve(guard_, *context, *request, response,
                      [&](const server::Caller&) { return feed_.Bounds(); });
}

grpc::Status ChangeFeedGrpc::WatchChanges(grpc::ServerContext* context,
                                          const v1::WatchChangesRequest* request,
                                          grpc::ServerWriter<v1::WatchChangesResponse>* writer) {
  absl::StatusOr<server::Caller> caller = authz::AdmitRequest(guard_, *context, *request);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<server::ConcurrencyLimit::Permit> permit = watches_.TryAcquire();
  if (!permit.ok()) return ToGrpcStatus(permit.status());
  absl::Status s = feed_.Watch(
      *request, [&](const v1::WatchChangesResponse& message) { return writer->Write(message); },
      [&] { return context->IsCancelled(); });
  // Closed for shutdown: a fixed message (ToGrpcStatus would hide an
  // UNAVAILABLE's text as a server fault).
  if (s.ok()) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the server is shutting down: watch again after the last resume_position");
  }
  return ToGrpcStatus(s);
}

}  // namespace wp::changes
