#include "services/westos/privacy/privacy_grpc.h"

#include "libs/authz/serve.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/westos/rollups/periods.h"

namespace wp::westos {

grpc::Status PrivacyGrpc::EraseUser(grpc::ServerContext* ctx, const v1::EraseUserRequest* req,
                                    v1::EraseUserResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::EraseUserResponse> {
                        WP_ASSIGN_OR_RETURN(ErasureResult result,
                                            privacy_.EraseUser(caller, req->user_id(), req->reason()));
                        v1::EraseUserResponse out;
                        out.set_found(result.found);
                        out.set_events(result.events);
                        out.set_days(result.days);
                        return out;
                      });
}

grpc::Status PrivacyGrpc::PurgeEvents(grpc::ServerContext* ctx, const v1::PurgeEventsRequest* req,
                                      v1::PurgeEventsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::PurgeEventsResponse> {
                        WP_RETURN_IF_ERROR(calendar::Validate(req->before(), "before", /*allow_month_only=*/false));
                        const absl::CivilDay today = calendar::LastDayCovered(calendar::TodayUtc());
                        WP_ASSIGN_OR_RETURN(PurgeResult result,
                                            privacy_.PurgeEvents(caller, calendar::LastDayCovered(req->before()),
                                                                 req->dry_run(), today));
                        v1::PurgeEventsResponse out;
                        out.set_days(result.days);
                        out.set_events(result.events);
                        out.set_users(result.users);
                        out.set_dry_run(req->dry_run());
                        if (result.days > 0) {
                          *out.mutable_first_day() = calendar::FromCivilDay(CivilDayOf(result.first_day));
                          *out.mutable_last_day() = calendar::FromCivilDay(CivilDayOf(result.last_day));
                        }
                        return out;
                      });
}

}  // namespace wp::westos
