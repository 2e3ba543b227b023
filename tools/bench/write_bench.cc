// Benchmark (not a test): write throughput of plan-item updates through one
// workstreams instance and through two instances sharing one store, on the
// engine --engine names (SQLite: two processes on one file; PostgreSQL: two
// replicas on one database, the deployment it is for).
//
// It starts its own nats-server, redis-server, store and two workstreams
// instances, loads plan items, then runs the same update load against one
// instance and against both (alternating, 3 runs each, median shown). Each
// client thread updates its own items, flipping their status, so no update
// waits for an etag another thread holds; every update is a committed write
// with its event and audit record.
//
//   build/tools/bench/wp-bench-writes [--engine sqlite|postgres] [--items 2000]
//                                     [--concurrency 8] [--seconds 3]
#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "tools/bench/bench_store.h"
#include "tools/bench/throughput.h"
#include "tools/bench/workstreams_client.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

ABSL_FLAG(std::string, engine, "sqlite", "the store engine: sqlite or postgres");
ABSL_FLAG(int, items, 2000, "plan items to load (the client threads share them out)");
ABSL_FLAG(int, concurrency, 8, "client threads issuing updates back to back");
ABSL_FLAG(int, seconds, 3, "length of each throughput run (each is run 3 times, alternating)");
ABSL_FLAG(std::string, service_binary, WP_WORKSTREAMS_BIN, "the workstreams service binary");

namespace {

namespace v1 = wp::workstreams::v1;
constexpr char kPeriod[] = "2022-23";
constexpr int kWorkstreams = 10;

void Prepare(grpc::ClientContext* ctx) { wp::bench::PrepareOfficerCall(ctx, absl::Minutes(1)); }

std::string Ref(int i) { return absl::StrCat(i % kWorkstreams + 1, ".", i / kWorkstreams + 1); }

bool Load(v1::WorkstreamsService::Stub& stub, int items) {
  if (!wp::bench::CreateBenchWorkstreams(stub, kPeriod, kWorkstreams)) return false;
  for (int i = 0; i < items; ++i) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(Ref(i));
    request.mutable_plan_item()->set_task(absl::StrCat("Benchmark task ", i));
    request.mutable_plan_item()->set_status(v1::ON_TRACK);
    v1::PlanItem item;
    grpc::Status s = stub.CreatePlanItem(&ctx, request, &item);
    if (!s.ok()) {
      std::fprintf(stderr, "create failed: %s\n", s.error_message().c_str());
      return false;
    }
  }
  return true;
}

// Updates by client threads: thread t owns items t, t + threads, ...; each
// call flips one item between ON_TRACK and NOT_STARTED, on the instance the
// item's number picks among `stubs`.
class Updates {
 public:
  Updates(std::vector<v1::WorkstreamsService::Stub*> stubs, int items, int threads)
      : stubs_(std::move(stubs)), items_(items), threads_(threads), next_(threads) {
    for (auto& n : next_) n = 0;
  }

  bool Call(int thread) {
    const int64_t round = next_[thread]++;
    const int per_thread = std::max(1, items_ / threads_);
    const int item = thread + threads_ * static_cast<int>(round % per_thread);
    v1::UpdatePlanItemRequest request;
    request.mutable_plan_item()->set_name(absl::StrCat("planPeriods/", kPeriod, "/planItems/", Ref(item)));
    request.mutable_plan_item()->set_status((round / per_thread) % 2 == 0 ? v1::NOT_STARTED : v1::ON_TRACK);
    request.mutable_update_mask()->add_paths("status");
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::PlanItem updated;
    return stubs_[item % stubs_.size()]->UpdatePlanItem(&ctx, request, &updated).ok();
  }

 private:
  std::vector<v1::WorkstreamsService::Stub*> stubs_;
  const int items_;
  const int threads_;
  std::vector<std::atomic<int64_t>> next_;
};

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int items = absl::GetFlag(FLAGS_items);
  const int threads = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));

  auto store = wp::bench::BenchStore::Start(absl::GetFlag(FLAGS_engine));
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    return 1;
  }
  auto store_url = (*store)->NewStoreUrl("bench_writes");
  if (!store_url.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store_url.status().message()).c_str());
    return 1;
  }
  wp::testing::NatsServer nats;
  wp::testing::RedisServer redis;
  if (!nats.Start().ok() || !redis.Start().ok()) {
    std::fprintf(stderr, "cannot start nats-server or redis-server\n");
    return 1;
  }
  // Both instances share the store: one data folder (SQLite's file) or one database.
  const std::string data_dir = wp::testing::MakeTempDir("wp-bench-writes");
  std::vector<std::unique_ptr<wp::testing::ServiceProcess>> instances;
  for (int i = 0; i < 2; ++i) {
    wp::testing::ServiceOptions options;
    options.binary = absl::GetFlag(FLAGS_service_binary);
    options.data_dir = data_dir;
    options.nats_url = nats.url();
    options.redis_url = redis.url();
    options.store_url = *store_url;
    options.extra_flags = {"--log_level=warn"};
    instances.push_back(std::make_unique<wp::testing::ServiceProcess>(options));
    if (absl::Status s = instances.back()->Start(); !s.ok()) {
      std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
      return 1;
    }
  }
  auto first = v1::WorkstreamsService::NewStub(instances[0]->channel());
  auto second = v1::WorkstreamsService::NewStub(instances[1]->channel());
  if (!Load(*first, items)) return 1;

  Updates one({first.get()}, items, threads);
  Updates two({first.get(), second.get()}, items, threads);
  std::atomic<int> thread_ids{0};
  // Throughput() runs `call` on unnamed threads: each gets a fixed id on first use.
  auto on_thread = [&](Updates& updates) {
    return [&updates, &thread_ids, threads] {
      thread_local int id = -1;
      if (id < 0) id = thread_ids.fetch_add(1) % threads;
      return updates.Call(id);
    };
  };
  wp::bench::Throughput(threads, absl::Seconds(1), on_thread(one));  // warm-up
  const auto [single, pair] = wp::bench::Compare(threads, duration, on_thread(one), on_thread(two));

  std::printf("\nplan-item update benchmark on %s: %d items, %d client threads, median of 3 alternating "
              "%d s runs (each update a committed write with its event and audit record)\n",
              (*store)->engine().c_str(), items, threads, absl::GetFlag(FLAGS_seconds));
  wp::bench::Print("  one instance", single);
  wp::bench::Print("  two instances", pair);
  std::printf("  two / one: %.2f\n", pair.qps / single.qps);
  for (auto& instance : instances) instance->Stop();
  redis.Stop();
  nats.Stop();
  return 0;
}
