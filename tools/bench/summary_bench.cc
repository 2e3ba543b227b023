// Benchmark (not a test): how fast the tracker summary is served from the
// cache, beside the gRPC health check as the baseline, on the same server
// with the same client and concurrency; and how long a cache miss takes to
// recompute the summary at 100,000 plan items.
//
// It starts its own nats-server, redis-server and workstreams service on free
// ports with a fresh data folder, loads the plan items through the import
// RPC, measures, prints the figures and stops everything.
//
// --engine postgres keeps the service's data in a PostgreSQL 15 the
// benchmark starts (durable, as in production) instead of a SQLite file.
//
//   build/tools/bench/wp-bench-summary [--items 100000] [--concurrency 8] [--seconds 3]
//                                      [--engine sqlite|postgres]
#include <algorithm>
#include <atomic>
#include <functional>
#include <utility>
#include <cstdio>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "libs/store/open_store.h"
#include "libs/store/outbox.h"
#include "services/workstreams/migrations.h"
#include "tools/bench/bench_store.h"
#include "tools/bench/throughput.h"
#include "tools/bench/workstreams_client.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

ABSL_FLAG(int, items, 100000, "plan items to load before measuring");
ABSL_FLAG(int, concurrency, 8, "client threads issuing calls back to back");
ABSL_FLAG(int, seconds, 3, "length of each throughput run (each is run 3 times, alternating)");
ABSL_FLAG(int, misses, 20, "cache misses to time (each a new as-of date)");
ABSL_FLAG(std::string, service_binary, WP_WORKSTREAMS_BIN, "the workstreams service binary");
ABSL_FLAG(std::string, engine, "sqlite", "the store engine: sqlite or postgres");

namespace {

namespace v1 = wp::workstreams::v1;
using wp::bench::Compare;
using wp::bench::Percentile;
using wp::bench::Print;
using wp::bench::Throughput;

constexpr char kPeriod[] = "2022-23";
constexpr int kWorkstreams = 20;

// A TSV tracker of `rows` rows for workstreams 1..kWorkstreams, starting at
// task `first_task`, with a mix of statuses and dates.
std::string TrackerChunk(int first_row, int rows) {
  static const char* kStatuses[] = {"On track", "Complete", "Not started", "On track", "Complete"};
  std::string tsv = "Ref\tTask\tWorkstream Lead\tStatus\tExpected Date\tComments\n";
  for (int i = first_row; i < first_row + rows; ++i) {
    const int ws = i % kWorkstreams + 1;
    const int task = i / kWorkstreams + 1;
    const int month = i % 12 + 1;
    absl::StrAppend(&tsv, ws, ".", task, "\tGenerated task ", i, " for the benchmark\tLead ", i % 37,
                    "\t", kStatuses[(i / kWorkstreams) % 5], "\t", 1 + i % 28, "/", month, "/", 2022 + i % 2,
                    "\tNov 2022 progress noted\n");
  }
  return tsv;
}

void Prepare(grpc::ClientContext* ctx) { wp::bench::PrepareOfficerCall(ctx, absl::Minutes(10)); }

bool Load(v1::WorkstreamsService::Stub& stub, int items) {
  if (!wp::bench::CreateBenchWorkstreams(stub, kPeriod, kWorkstreams)) return false;
  constexpr int kChunk = 10000;
  for (int first = 0; first < items; first += kChunk) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ImportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_format(v1::TSV);
    request.set_content(TrackerChunk(first, std::min(kChunk, items - first)));
    auto reader = stub.ImportTracker(&ctx, request);
    v1::ImportTrackerProgress progress, last;
    while (reader->Read(&progress)) last = progress;
    grpc::Status s = reader->Finish();
    if (!s.ok() || last.rejected() > 0) {
      std::fprintf(stderr, "import failed: %s (rejected %d)\n", s.error_message().c_str(), last.rejected());
      return false;
    }
    std::fprintf(stderr, "\rloaded %d/%d plan items", first + last.created(), items);
  }
  std::fprintf(stderr, "\n");
  return true;
}

v1::GetTrackerSummaryRequest SummaryRequest(int day_offset) {
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(kPeriod);
  const absl::CivilDay day = absl::CivilDay(2023, 1, 1) + day_offset;
  request.mutable_as_of()->set_year(static_cast<int>(day.year()));
  request.mutable_as_of()->set_month(day.month());
  request.mutable_as_of()->set_day(day.day());
  return request;
}

// Outbox rows the relay has not published yet (-1 when unreadable), read
// through the store as the service sees it.
int64_t UnsentEvents(wp::store::Database& db) {
  absl::StatusOr<wp::store::OutboxBacklog> backlog = wp::store::ReadOutboxBacklog(db);
  return backlog.ok() ? backlog->unsent : -1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int items = absl::GetFlag(FLAGS_items);
  const int threads = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));

  wp::testing::NatsServer nats;
  wp::testing::RedisServer redis;
  if (!nats.Start().ok() || !redis.Start().ok()) {
    std::fprintf(stderr, "cannot start nats-server or redis-server\n");
    return 1;
  }
  absl::StatusOr<std::unique_ptr<wp::bench::BenchStore>> store = wp::bench::BenchStore::Start(absl::GetFlag(FLAGS_engine));
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<std::string> store_url = (*store)->NewStoreUrl("bench_workstreams");
  if (!store_url.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store_url.status().message()).c_str());
    return 1;
  }
  wp::testing::ServiceOptions options;
  options.binary = absl::GetFlag(FLAGS_service_binary);
  options.data_dir = wp::testing::MakeTempDir("wp-bench");
  options.store_url = *store_url;
  options.nats_url = nats.url();
  options.redis_url = redis.url();
  options.extra_flags = {"--log_level=info"};
  wp::testing::ServiceProcess service(options);
  if (absl::Status s = service.Start(); !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }
  auto channel = service.channel();
  auto stub = v1::WorkstreamsService::NewStub(channel);
  auto health = grpc::health::v1::Health::NewStub(channel);
  const absl::Time load_start = absl::Now();
  if (!Load(*stub, items)) return 1;
  const double load_seconds = absl::ToDoubleSeconds(absl::Now() - load_start);
  // Measure a quiet server: let the relay publish the load's events first.
  auto location = wp::store::ParseStoreLocation(*store_url, options.data_dir + "/workstreams.db");
  if (!location.ok()) return 1;
  auto db = wp::store::OpenStore(*location, wp::workstreams::Migrations());
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", std::string(db.status().message()).c_str());
    return 1;
  }
  const absl::Time drain_start = absl::Now();
  while (UnsentEvents(**db) > 0 && absl::Now() - drain_start < absl::Minutes(10)) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  const double drain_seconds = absl::ToDoubleSeconds(absl::Now() - drain_start);
  absl::SleepFor(absl::Seconds(2));  // the service's own consumer catches up

  // Cache misses: every as-of date is a key nobody has computed yet.
  std::vector<double> miss_ms;
  int total_items = 0;
  for (int i = 0; i < absl::GetFlag(FLAGS_misses); ++i) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::TrackerSummary summary;
    const absl::Time start = absl::Now();
    if (!stub->GetTrackerSummary(&ctx, SummaryRequest(100 + i), &summary).ok()) return 1;
    miss_ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
    total_items = summary.totals().total();
  }

  // Warm the one key the throughput runs read.
  const v1::GetTrackerSummaryRequest hot = SummaryRequest(0);
  auto warm = [&](v1::WorkstreamsService::Stub& s) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::TrackerSummary summary;
    return s.GetTrackerSummary(&ctx, hot, &summary).ok();
  };
  if (!warm(*stub)) return 1;
  auto health_call = [&] {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&ctx, request, &response).ok();
  };
  const std::string bearer = wp::testing::TestBearer(wp::auth::Role::kPartner, "bench");
  auto summary_call = [&] {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", bearer);
    v1::TrackerSummary summary;
    return stub->GetTrackerSummary(&ctx, hot, &summary).ok();
  };
  Throughput(threads, absl::Seconds(1), health_call);  // warm-up: connections, threads
  const auto [baseline, summary] = Compare(threads, duration, health_call, summary_call);

  // The same, with the in-process copy off: every call reads Redis.
  service.Stop();
  options.extra_flags = {"--log_level=info", "--near_cache_entries=0"};
  wp::testing::ServiceProcess redis_only(options);
  if (absl::Status s = redis_only.Start(); !s.ok()) return 1;
  channel = redis_only.channel();
  stub = v1::WorkstreamsService::NewStub(channel);
  health = grpc::health::v1::Health::NewStub(channel);
  if (!warm(*stub)) return 1;
  Throughput(threads, absl::Seconds(1), health_call);
  const auto [baseline_redis_only, summary_redis_only] =
      Compare(threads, duration, health_call, summary_call);

  std::printf("\ntracker summary benchmark on %s: %d plan items in %d workstreams, %d client threads, "
              "median of 3 alternating %d s runs\n",
              (*store)->engine().c_str(), total_items, kWorkstreams, threads, absl::GetFlag(FLAGS_seconds));
  std::printf("load through ImportTracker: %.1f s (%.0f items/s); outbox published %.1f s later\n",
              load_seconds, items / load_seconds, drain_seconds);
  std::printf("summary on a cache miss (recomputed from the store, %zu samples): p50 %.1f ms, max %.1f ms\n",
              miss_ms.size(), Percentile(miss_ms, 0.5), *std::max_element(miss_ms.begin(), miss_ms.end()));
  std::printf("\nserved from the cache, Redis behind an in-process copy (default):\n");
  Print("  health check (baseline)", baseline);
  Print("  tracker summary", summary);
  std::printf("  summary / health-check QPS: %.2f (goal: at least 0.70)\n", summary.qps / baseline.qps);
  std::printf("\nserved from Redis on every call (--near_cache_entries=0):\n");
  Print("  health check (baseline)", baseline_redis_only);
  Print("  tracker summary", summary_redis_only);
  std::printf("  summary / health-check QPS: %.2f\n", summary_redis_only.qps / baseline_redis_only.qps);
  redis_only.Stop();
  redis.Stop();
  nats.Stop();
  return 0;
}
