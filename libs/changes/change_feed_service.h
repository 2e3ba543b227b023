// wp.common.v1.ChangeFeedService over a ChangeFeed. Every service serves
// one (the service runtime registers it); who may call it is the service's
// policy table, like every RPC.
//
// A watch holds a server thread while it lasts, so at most `max_watches`
// run at once; more are refused with RESOURCE_EXHAUSTED. On shutdown the
// runtime closes the feed first: every watch ends at once with UNAVAILABLE
// ("watch again"), well inside the server's drain grace.
//
// Thread-safe: the feed and the guard are.
#ifndef WP_LIBS_CHANGES_CHANGE_FEED_SERVICE_H_
#define WP_LIBS_CHANGES_CHANGE_FEED_SERVICE_H_

#include <set>

#include "grpcpp/server_context.h"
#include "libs/auth/roles.h"
#include "grpcpp/support/sync_stream.h"
#include "libs/authz/call_guard.h"
#include "libs/changes/change_feed.h"
#include "libs/server/concurrency_limit.h"
#include "wp/common/v1/changes.grpc.pb.h"

namespace wp::changes {

// Who may read a service's change feed, for its policy table: the roles that
// read every record of the service (admin, officer, board, analyst). Not
// authority_officer, whose reads are scoped to its own authorities (the feed
// is not), and not partner, which reads aggregates only (the feed carries
// whole records, person-level data included). docs/security.md.
const std::set<auth::Role>& ChangeFeedReaders();

class ChangeFeedGrpc final : public wp::common::v1::ChangeFeedService::Service {
 public:
  static constexpr int kDefaultMaxWatches = 32;

  // `feed` and `guard` must outlive this object.
  ChangeFeedGrpc(ChangeFeed& feed, const authz::CallGuard& guard, int max_watches = kDefaultMaxWatches);

  grpc::Status ListChanges(grpc::ServerContext* context,
                           const wp::common::v1::ListChangesRequest* request,
                           wp::common::v1::ListChangesResponse* response) override;
  grpc::Status WatchChanges(grpc::ServerContext* context,
                            const wp::common::v1::WatchChangesRequest* request,
                            grpc::ServerWriter<wp::common::v1::WatchChangesResponse>* writer) override;
  grpc::Status GetChangeFeedBounds(grpc::ServerContext* context,
                                   const wp::common::v1::GetChangeFeedBoundsRequest* request,
                                   wp::common::v1::ChangeFeedBounds* response) override;

 private:
  ChangeFeed& feed_;
  const authz::CallGuard& guard_;
  server::ConcurrencyLimit watches_;
};

}  // namespace wp::changes

#endif  // WP_LIBS_CHANGES_CHANGE_FEED_SERVICE_H_
