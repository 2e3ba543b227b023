#include "tools/bench/workstreams_client.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/testing/test_tokens.h"

namespace wp::bench {

namespace v1 = wp::workstreams::v1;

void PrepareOfficerCall(grpc::ClientContext* ctx, absl::Duration timeout) {
  static const std::string bearer = wp::testing::TestBearer(wp::auth::Role::kOfficer, "bench");
  ctx->AddMetadata("authorization", bearer);
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

bool CreateBenchWorkstreams(v1::WorkstreamsService::Stub& stub, const char* plan_period, int count) {
  for (int n = 1; n <= count; ++n) {
    grpc::ClientContext ctx;
    PrepareOfficerCall(&ctx, absl::Minutes(1));
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period(plan_period);
    request.mutable_workstream()->set_number(n);
    request.mutable_workstream()->set_title(absl::StrCat("Benchmark workstream ", n));
    v1::Workstream created;
    grpc::Status s = stub.CreateWorkstream(&ctx, request, &created);
    if (!s.ok()) {
      std::fprintf(stderr, "cannot create workstream %d: %s\n", n, s.error_message().c_str());
      return false;
    }
  }
  return true;
}

}  // namespace wp::bench
