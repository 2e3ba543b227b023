#include "tools/demo/usage_loader.h"

#include "absl/strings/str_cat.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::demo {

absl::StatusOr<UsageLoadCounts> LoadUsage(const UsageSettings& settings, const std::shared_ptr<grpc::Channel>& channel,
                                          const std::string& token, int batch_size) {
  auto stub = v1::UsageService::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
  auto stream = stub->IngestUsage(&ctx);
  UsageLoadCounts counts;
  std::string failure;
  v1::IngestUsageRequest batch;
  auto flush = [&] {
    if (batch.events_size() == 0 || !failure.empty()) return;
    v1::IngestUsageResponse response;
    if (!stream->Write(batch) || !stream->Read(&response)) {
      failure = "the stream broke";
      return;
    }
    counts.sent += batch.events_size();
    counts.accepted += response.batch().accepted();
    counts.duplicates += response.batch().duplicates();
    for (const v1::EventResult& r : response.results()) {
      if (r.outcome() == v1::REJECTED || r.outcome() == v1::CONFLICT) {
        failure = absl::StrCat("event ", r.event_id(), ": ", v1::Outcome_Name(r.outcome()), " ", r.field(), ": ",
                               r.reason());
        break;
      }
    }
    batch.Clear();
  };
  GenerateUsage(settings, [&](const v1::UsageEvent& event) {
    *batch.add_events() = event;
    if (batch.events_size() >= batch_size) flush();
  });
  flush();
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  if (!failure.empty()) return absl::InternalError(failure);
  if (!status.ok()) return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  return counts;
}

}  // namespace wp::demo
