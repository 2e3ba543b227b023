// What the workstreams benchmarks share as a client: an officer's call
// context and the workstreams a load goes into.
#ifndef WP_TOOLS_BENCH_WORKSTREAMS_CLIENT_H_
#define WP_TOOLS_BENCH_WORKSTREAMS_CLIENT_H_

#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::bench {

// Adds an officer's bearer token and a deadline `timeout` from now.
void PrepareOfficerCall(grpc::ClientContext* ctx, absl::Duration timeout);

// Creates workstreams 1..count in `plan_period`; false (and a message on
// stderr) when one cannot be created.
bool CreateBenchWorkstreams(wp::workstreams::v1::WorkstreamsService::Stub& stub,
                            const char* plan_period, int count);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_WORKSTREAMS_CLIENT_H_
