#include "tools/bench/usage_sender.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/testing/test_tokens.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::bench {
namespace {

namespace v1 = wp::westos::v1;

void AddTotals(const v1::IngestTotals& from, v1::IngestTotals* to) {
  to->set_accepted(to->accepted() + from.accepted());
  to->set_duplicates(to->duplicates() + from.duplicates());
  to->set_conflicts(to->conflicts() + from.conflicts());
  to->set_rejected(to->rejected() + from.rejected());
}

// One stream: a writer thread sends its batches (flow control holds it
// back when the service is behind) while this thread reads the answers.
absl::Status SendOnStream(v1::UsageService::Stub& stub, const UsagePass& pass, int stream, int streams,
                          v1::IngestTotals* totals) {
  grpc::ClientContext ctx;
  // The platform's ingest token; long batches of a full-size run take minutes.
  ctx.AddMetadata("authorization", wp::testing::TestBearer(wp::auth::Role::kIngest, "bench-platform"));
  auto call = stub.IngestUsage(&ctx);
  std::thread writer([&] {
    for (size_t i = stream; i < pass.batches.size(); i += streams) {
      if (!call->Write(pass.batches[i])) break;
    }
    call->WritesDone();
  });
  v1::IngestUsageResponse response;
  while (call->Read(&response)) AddTotals(response.batch(), totals);
  writer.join();
  grpc::Status s = call->Finish();
  if (!s.ok()) return absl::InternalError(absl::StrCat("stream ", stream, ": ", s.error_message()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SendResult> SendPass(const std::shared_ptr<grpc::Channel>& channel, const UsagePass& pass,
                                    int streams) {
  auto stub = v1::UsageService::NewStub(channel);
  std::vector<v1::IngestTotals> totals(streams);
  std::vector<absl::Status> statuses(streams);
  const absl::Time start = absl::Now();
  std::vector<std::thread> threads;
  for (int t = 0; t < streams; ++t) {
    threads.emplace_back([&, t] { statuses[t] = SendOnStream(*stub, pass, t, streams, &totals[t]); });
  }
  for (std::thread& thread : threads) thread.join();
  SendResult result;
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  for (int t = 0; t < streams; ++t) {
    if (!statuses[t].ok()) return statuses[t];
    AddTotals(totals[t], &result.totals);
  }
  return result;
}

}  // namespace wp::bench
