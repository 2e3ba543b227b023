// Benchmark (not a test): the learning service's statistics and
// registrations at the region's scale.
//
// It starts its own nats-server, redis-server and learning service on free
// ports (on SQLite, or --engine postgres on a PostgreSQL the benchmark
// starts), writes the data straight into the store first (learning_seed.h:
// by default 1,000,000 registrations and 500,000 evaluations), then
// measures:
//   1. programme statistics on a cache miss (p50, p99), and the region's;
//   2. statistics served from the cache (QPS) beside the gRPC health check
//      on the same server, client and concurrency;
//   3. registrations per second with capacity enforced: --concurrency
//      clients registering different practitioners for one event with
//      --capacity places, the rest joining the waiting list; then it checks
//      exactly --capacity places were taken and the waiting positions are
//      1..n (exit 1 otherwise).
//
//   build/tools/bench/wp-bench-learning [--engine sqlite|postgres] [--registrations_per_event 1000]
//                                       [--events_per_programme 100] [--programmes 10]
//                                       [--evaluations 500000] [--concurrency 8]
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/calendar/timestamps.h"
#include "libs/store/open_store.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "services/learning/core/migrations.h"
#include "tools/bench/bench_store.h"
#include "tools/bench/learning_seed.h"
#include "tools/bench/throughput.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/registrations.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"

ABSL_FLAG(std::string, engine, "sqlite", "the store engine: sqlite or postgres");
ABSL_FLAG(int, programmes, 10, "programmes");
ABSL_FLAG(int, events_per_programme, 100, "held events per programme");
ABSL_FLAG(int, registrations_per_event, 1000, "registrations (all attended or absent) per event");
ABSL_FLAG(int, practitioners, 50000, "practitioners");
ABSL_FLAG(int64_t, evaluations, 500000, "pre and post answers");
ABSL_FLAG(int, misses, 20, "cache misses to time for each scope");
ABSL_FLAG(int, concurrency, 8, "client threads");
ABSL_FLAG(int, seconds, 3, "length of each throughput run (each run 3 times, alternating)");
ABSL_FLAG(int, capacity, 200, "places on the event the registration run fills");
ABSL_FLAG(int, registrants, 4000, "practitioners registering for that event (the rest wait)");

namespace {

namespace v1 = wp::learning::v1;
using wp::bench::Compare;
using wp::bench::Percentile;
using wp::bench::Print;
using wp::bench::Throughput;

int Fail(const std::string& what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  return 1;
}

void Prepare(grpc::ClientContext* ctx, const std::string& bearer) {
  ctx->AddMetadata("authorization", bearer);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(5));
}

// p50 and p99 (ms) of `runs` statistics calls, each a new cache key (a
// different `from` before every event, so the figures are the same).
bool TimeMisses(v1::StatisticsService::Stub& stub, const std::string& bearer, v1::GetStatisticsRequest request,
                int runs, std::vector<double>* ms, v1::Statistics* last) {
  for (int i = 0; i < runs; ++i) {
    const absl::CivilDay from = absl::CivilDay(2000, 1, 1) + i;
    request.mutable_from()->set_year(static_cast<int>(from.year()));
    request.mutable_from()->set_month(from.month());
    request.mutable_from()->set_day(from.day());
    grpc::ClientContext ctx;
    Prepare(&ctx, bearer);
    const absl::Time start = absl::Now();
    grpc::Status s = stub.GetStatistics(&ctx, request, last);
    if (!s.ok()) {
      std::fprintf(stderr, "statistics: %s\n", s.error_message().c_str());
      return false;
    }
    ms->push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int threads = absl::GetFlag(FLAGS_concurrency);
  wp::bench::LearningSeedSize size;
  size.programmes = absl::GetFlag(FLAGS_programmes);
  size.events_per_programme = absl::GetFlag(FLAGS_events_per_programme);
  size.places_per_event = absl::GetFlag(FLAGS_registrations_per_event);
  size.practitioners = std::max(absl::GetFlag(FLAGS_practitioners), size.places_per_event);
  size.evaluations = absl::GetFlag(FLAGS_evaluations);

  wp::testing::NatsServer nats;
  wp::testing::RedisServer redis;
  if (!nats.Start().ok() || !redis.Start().ok()) return Fail("cannot start nats-server or redis-server");
  auto store = wp::bench::BenchStore::Start(absl::GetFlag(FLAGS_engine));
  if (!store.ok()) return Fail(std::string(store.status().message()));
  auto store_url = (*store)->NewStoreUrl("bench_learning");
  if (!store_url.ok()) return Fail(std::string(store_url.status().message()));
  wp::testing::ServiceOptions options;
  options.binary = WP_LEARNING_BIN;
  options.data_dir = wp::testing::MakeTempDir("wp-bench-learning");
  options.store_url = *store_url;
  options.nats_url = nats.url();
  options.redis_url = redis.url();
  options.extra_flags = {"--log_level=info"};

  // The data, written into the store before the service opens it.
  const absl::Time seed_start = absl::Now();
  {
    auto location = wp::store::ParseStoreLocation(*store_url, options.data_dir + "/learning.db");
    if (!location.ok()) return Fail(std::string(location.status().message()));
    auto db = wp::store::OpenStore(*location, wp::learning::Migrations());
    if (!db.ok()) return Fail(std::string(db.status().message()));
    if (absl::Status s = wp::bench::SeedLearning(**db, size, absl::Now()); !s.ok()) {
      return Fail(std::string(s.message()));
    }
  }
  const double seed_seconds = absl::ToDoubleSeconds(absl::Now() - seed_start);

  wp::testing::ServiceProcess service(options);
  if (absl::Status s = service.Start(); !s.ok()) return Fail(std::string(s.message()));
  auto channel = service.channel();
  auto statistics = v1::StatisticsService::NewStub(channel);
  auto health = grpc::health::v1::Health::NewStub(channel);
  const std::string bearer = wp::testing::TestBearer(wp::auth::Role::kPartner, "bench");
  const std::string officer = wp::testing::TestBearer(wp::auth::Role::kOfficer, "bench");

  // 1. Cache misses.
  v1::GetStatisticsRequest programme;
  programme.set_programme("programmes/" + wp::bench::BenchProgrammeId(0));
  std::vector<double> programme_ms, region_ms;
  v1::Statistics programme_figures, region_figures;
  if (!TimeMisses(*statistics, bearer, programme, absl::GetFlag(FLAGS_misses), &programme_ms, &programme_figures) ||
      !TimeMisses(*statistics, bearer, v1::GetStatisticsRequest(), std::max(3, absl::GetFlag(FLAGS_misses) / 4),
                  &region_ms, &region_figures)) {
    return 1;
  }

  // 2. Hits beside the health check.
  v1::GetStatisticsRequest hot = programme;
  auto statistics_call = [&] {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", bearer);
    v1::Statistics s;
    return statistics->GetStatistics(&ctx, hot, &s).ok();
  };
  if (!statistics_call()) return Fail("the hot statistics call failed");
  auto health_call = [&] {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&ctx, request, &response).ok();
  };
  Throughput(threads, absl::Seconds(1), health_call);  // warm-up
  const auto [baseline, hits] = Compare(threads, absl::Seconds(absl::GetFlag(FLAGS_seconds)), health_call,
                                        statistics_call);

  // 3. Registrations at capacity: one new event, many clients at once.
  auto programmes = v1::ProgrammesService::NewStub(channel);
  auto registrations = v1::RegistrationsService::NewStub(channel);
  {
    v1::ScheduleEventRequest request;
    request.set_event_id("bench-popular");
    v1::LearningEvent* e = request.mutable_event();
    e->set_title("A popular masterclass");
    e->set_format(v1::MASTERCLASS);
    e->set_delivery(v1::IN_PERSON);
    *e->mutable_start_time() = wp::calendar::TimestampOf(absl::Now() + absl::Hours(24 * 30));
    *e->mutable_end_time() = wp::calendar::TimestampOf(absl::Now() + absl::Hours(24 * 30 + 2));
    e->set_capacity(absl::GetFlag(FLAGS_capacity));
    grpc::ClientContext ctx;
    Prepare(&ctx, officer);
    v1::LearningEvent made;
    grpc::Status s = programmes->ScheduleEvent(&ctx, request, &made);
    if (!s.ok()) return Fail("schedule: " + s.error_message());
  }
  const int registrants = std::min(absl::GetFlag(FLAGS_registrants), size.practitioners);
  std::atomic<int> next{0}, failed{0};
  std::vector<double> register_ms[64];
  const absl::Time register_start = absl::Now();
  std::vector<std::thread> clients;
  for (int t = 0; t < threads && t < 64; ++t) {
    clients.emplace_back([&, t] {
      while (true) {
        const int i = next++;
        if (i >= registrants) return;
        v1::RegisterRequest request;
        request.set_event("events/bench-popular");
        request.set_practitioner(absl::StrCat("practitioners/P", i));
        grpc::ClientContext ctx;
        Prepare(&ctx, officer);
        v1::Registration made;
        const absl::Time start = absl::Now();
        if (!registrations->Register(&ctx, request, &made).ok()) ++failed;
        register_ms[t].push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
      }
    });
  }
  for (std::thread& c : clients) c.join();
  const double register_seconds = absl::ToDoubleSeconds(absl::Now() - register_start);
  std::vector<double> all_register_ms;
  for (auto& v : register_ms) all_register_ms.insert(all_register_ms.end(), v.begin(), v.end());
  // Capacity held: exactly `capacity` places, the waiting list 1..n in order.
  v1::LearningEvent popular;
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, officer);
    v1::GetEventRequest request;
    request.set_name("events/bench-popular");
    if (!programmes->GetEvent(&ctx, request, &popular).ok()) return Fail("get event failed");
  }
  int positions_ok = 1;
  {
    v1::ListRegistrationsRequest request;
    request.set_event("events/bench-popular");
    request.set_state(v1::WAITING);
    request.set_page_size(1000);
    int expected = 1;
    do {
      grpc::ClientContext ctx;
      Prepare(&ctx, officer);
      v1::ListRegistrationsResponse page;
      if (!registrations->ListRegistrations(&ctx, request, &page).ok()) return Fail("list failed");
      for (const v1::Registration& r : page.registrations()) positions_ok &= (r.waiting_position() == expected++);
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
  }

  const int64_t registrations_total = static_cast<int64_t>(size.programmes) * size.events_per_programme *
                                      size.places_per_event;
  std::printf("\nlearning benchmark on %s: %lld registrations in %d events of %d programmes, %d practitioners, "
              "%lld evaluations; %d client threads\n",
              (*store)->engine().c_str(), static_cast<long long>(registrations_total),
              size.programmes * size.events_per_programme, size.programmes, size.practitioners,
              static_cast<long long>(size.evaluations), threads);
  std::printf("data written into the store in %.1f s\n", seed_seconds);
  std::printf("programme statistics on a cache miss (%zu samples; %d registrations, %d reached): p50 %.1f ms, "
              "p99 %.1f ms\n",
              programme_ms.size(), programme_figures.totals().registered(),
              programme_figures.totals().practitioners_reached(), Percentile(programme_ms, 0.5),
              Percentile(programme_ms, 0.99));
  std::printf("region statistics on a cache miss (%zu samples; %d registrations): p50 %.1f ms, p99 %.1f ms\n",
              region_ms.size(), region_figures.totals().registered(), Percentile(region_ms, 0.5),
              Percentile(region_ms, 0.99));
  std::printf("\nserved from the cache, median of 3 alternating %d s runs:\n", absl::GetFlag(FLAGS_seconds));
  Print("  health check (baseline)", baseline);
  Print("  programme statistics", hits);
  std::printf("  statistics / health-check QPS: %.2f\n", hits.qps / baseline.qps);
  std::printf("\nregistrations for one event, %d places, %d practitioners, %d clients at once:\n",
              absl::GetFlag(FLAGS_capacity), registrants, threads);
  std::printf("  %.0f registrations/s; latency p50 %.1f ms, p99 %.1f ms; %d failed\n", registrants / register_seconds,
              Percentile(all_register_ms, 0.5), Percentile(all_register_ms, 0.99), failed.load());
  std::printf("  places taken %d (capacity %d), waiting %d, waiting positions 1..n in order: %s\n",
              popular.registered(), popular.capacity(), popular.waiting(), positions_ok ? "yes" : "NO");
  service.Stop();
  redis.Stop();
  nats.Stop();
  const bool held = failed.load() == 0 && popular.registered() == popular.capacity() &&
                    popular.registered() + popular.waiting() == registrants && positions_ok;
  return held ? 0 : Fail("capacity or the waiting list did not hold");
}
