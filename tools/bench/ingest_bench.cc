// Benchmark (not a test): ingestion and distinct-user queries of the westos
// service at full size, beside the sqlite3 shell doing the same job.
//
// It generates realistic usage (skewed activity, 200,000 people, 90 days,
// 8 authorities: about 10 million events), then, one phase after another
// on a quiet machine:
//   1. baseline: the sqlite3 shell `.import`s the first pass as CSV into a
//      table with a unique index on the event id, then the second pass (20%
//      of the events re-sent, one in a thousand of those changed);
//   2. the same two passes through the service's gRPC batch stream, durable
//      and deduplicated, on the engine --engine names;
//   3. exact distinct users over the whole range, region-wide and with one
//      and two filters: the first query after a restart (day indexes read
//      from the store), then p50/p99 of repeated queries that are computed
//      afresh each time (nothing caches reports inside the service), beside
//      the shell's COUNT(DISTINCT user_id); the answers must agree;
//   4. the service's memory and its bytes on disk per event;
//   5. the CSV path: a fresh service importing both files with `wpctl usage import`.
// It exits non-zero when any count is not what the workload implies.
//
//   build/tools/bench/wp-bench-ingest [--engine sqlite|postgres] [--users 200000] [--days 90]
//                                     [--events_per_active_day 7.7] [--streams 2]
// A smoke run (tiny sizes) is part of the test command; full size takes
// about ten minutes on SQLite and needs about 8 GB of memory and 4 GB of disk.
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <functional>
#include <sys/wait.h>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "tools/bench/bench_store.h"
#include "tools/bench/process_stats.h"
#include "tools/bench/sqlite_shell_baseline.h"
#include "tools/bench/throughput.h"
#include "tools/bench/usage_sender.h"
#include "tools/bench/usage_workload.h"
#include "wp/westos/v1/usage.grpc.pb.h"

ABSL_FLAG(std::string, engine, "sqlite", "the service's store engine: sqlite or postgres");
ABSL_FLAG(int, users, 200000, "people in the generated usage");
ABSL_FLAG(int, days, 90, "days of generated usage");
ABSL_FLAG(double, events_per_active_day, 7.7, "mean events of a person on an active day (7.7: ~10M events)");
ABSL_FLAG(int, batch_size, 20000, "events per gRPC batch (the service takes at most 20,000)");
ABSL_FLAG(int, streams, 2, "concurrent gRPC streams sending batches");
ABSL_FLAG(int, query_runs, 200, "repeated service queries per filter (p50, p99)");
ABSL_FLAG(int, baseline_query_runs, 5, "sqlite3 shell COUNT(DISTINCT) runs per filter (median)");
ABSL_FLAG(bool, csv_path, true, "also measure the CSV path through wpctl on a fresh service");
ABSL_FLAG(std::string, work_dir, "", "where the CSV files and databases go (default: a new temporary folder)");
ABSL_FLAG(bool, keep_files, false, "keep the work folder (CSV files, databases, logs) after a successful run");
ABSL_FLAG(std::string, service_binary, WP_WESTOS_BIN, "the westos service binary");
ABSL_FLAG(std::string, wpctl_binary, WP_WPCTL_BIN, "the wpctl binary");

namespace {

namespace v1 = wp::westos::v1;
using wp::bench::SqliteShellBaseline;

int Fail(const absl::Status& s) {
  std::fprintf(stderr, "wp-bench-ingest: %s\n", std::string(s.message()).c_str());
  return 1;
}

void SetDate(absl::CivilDay day, wp::common::v1::Date* date) {
  date->set_year(static_cast<int32_t>(day.year()));
  date->set_month(day.month());
  date->set_day(day.day());
}

// One distinct-users question, asked of the service and of the shell.
struct DistinctQuery {
  std::string name;
  std::function<void(v1::UsageFilter*)> filter;
  std::string sql_condition;  // ANDed to the date range
};

std::vector<DistinctQuery> DistinctQueries() {
  return {
      {"region-wide", [](v1::UsageFilter*) {}, ""},
      {"one filter (authority GCC)", [](v1::UsageFilter* f) { f->add_authorities("GCC"); }, " AND authority = 'GCC'"},
      {"two filters (GCC, learners)",
       [](v1::UsageFilter* f) {
         f->add_authorities("GCC");
         f->add_roles(v1::LEARNER);
       },
       " AND authority = 'GCC' AND role = 'learner'"},
  };
}

class Service {
 public:
  Service(wp::testing::ServiceOptions options) : process_(std::move(options)) {}
  absl::Status Start() { return process_.Start(); }
  void Stop() { process_.Stop(); }
  wp::testing::ServiceProcess& process() { return process_; }

  // The report for the whole range with `filter`, and the seconds it took.
  absl::StatusOr<std::pair<v1::UsageReport, double>> Query(absl::CivilDay from, absl::CivilDay to,
                                                           const DistinctQuery& q) {
    auto stub = v1::UsageService::NewStub(process_.channel());
    v1::QueryUsageRequest request;
    SetDate(from, request.mutable_from());
    SetDate(to, request.mutable_to());
    q.filter(request.mutable_filter());
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", wp::testing::TestBearer(wp::auth::Role::kAnalyst, "bench-analyst"));
    v1::UsageReport report;
    const absl::Time start = absl::Now();
    grpc::Status s = stub->QueryUsage(&ctx, request, &report);
    const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
    if (!s.ok()) return absl::InternalError(absl::StrCat("QueryUsage: ", s.error_message()));
    return std::make_pair(report, seconds);
  }

 private:
  wp::testing::ServiceProcess process_;
};

double PerSecond(int64_t events, double seconds) { return seconds > 0 ? events / seconds : 0; }

absl::Status Expect(bool ok, const std::string& what) {
  return ok ? absl::OkStatus() : absl::InternalError(absl::StrCat("unexpected: ", what));
}

absl::Status CheckPassTotals(const v1::IngestTotals& t, int64_t accepted, int64_t duplicates, int64_t conflicts) {
  return Expect(t.accepted() == accepted && t.duplicates() == duplicates && t.conflicts() == conflicts &&
                    t.rejected() == 0,
                absl::StrFormat("totals accepted %d duplicates %d conflicts %d rejected %d; wanted %d/%d/%d/0",
                                t.accepted(), t.duplicates(), t.conflicts(), t.rejected(), accepted, duplicates,
                                conflicts));
}

// The database's bytes: SQLite's files in the data folder, or PostgreSQL's own count.
int64_t StoreBytes(const std::string& engine, const std::string& data_dir, const std::string& store_url) {
  if (engine == "sqlite") return wp::bench::FileBytes(data_dir, "westos.db");
  const std::string command =
      absl::StrCat("psql -Atq '", store_url, "' -c 'SELECT pg_database_size(current_database())'");
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return 0;
  char line[64] = {0};
  const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
  ::pclose(pipe);
  int64_t bytes = 0;
  if (!read || !absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &bytes)) return 0;
  return bytes;
}

struct Env {
  std::string engine;
  std::string work_dir;
  wp::bench::BenchStore* store;
  std::string nats_url;
  std::string redis_url;
};

// A westos service on an existing data folder and store.
absl::StatusOr<std::unique_ptr<Service>> RestartService(const Env& env, const std::string& data_dir,
                                                        const std::string& store_url,
                                                        const std::vector<std::string>& flags) {
  wp::testing::ServiceOptions options;
  options.binary = absl::GetFlag(FLAGS_service_binary);
  options.data_dir = data_dir;
  options.nats_url = env.nats_url;
  options.redis_url = env.redis_url;
  options.store_url = store_url;
  options.extra_flags = {"--log_level=warn"};
  options.extra_flags.insert(options.extra_flags.end(), flags.begin(), flags.end());
  auto service = std::make_unique<Service>(options);
  if (absl::Status s = service->Start(); !s.ok()) return s;
  return service;
}

// A westos service on a new data folder and store named `name`.
absl::StatusOr<std::unique_ptr<Service>> StartService(const Env& env, const std::string& name,
                                                      std::string* data_dir, std::string* store_url) {
  *data_dir = absl::StrCat(env.work_dir, "/", name);
  std::filesystem::create_directories(*data_dir);
  absl::StatusOr<std::string> url = env.store->NewStoreUrl(name);
  if (!url.ok()) return url.status();
  *store_url = *url;
  return RestartService(env, *data_dir, *store_url, {});
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  Env env;
  env.engine = absl::GetFlag(FLAGS_engine);
  env.work_dir = absl::GetFlag(FLAGS_work_dir);
  if (env.work_dir.empty()) env.work_dir = wp::testing::MakeTempDir("wp-bench-ingest");
  std::filesystem::create_directories(env.work_dir);

  // ---- The workload ----
  wp::bench::UsageWorkloadSettings settings;
  settings.usage.users = absl::GetFlag(FLAGS_users);
  settings.usage.days = absl::GetFlag(FLAGS_days);
  settings.usage.events_per_active_day = absl::GetFlag(FLAGS_events_per_active_day);
  settings.usage.first_day = absl::CivilDay(2021, 1, 4);
  settings.usage.content_items = 400;
  settings.batch_size = absl::GetFlag(FLAGS_batch_size);
  settings.first_csv_path = env.work_dir + "/first-pass.csv";
  settings.second_csv_path = env.work_dir + "/second-pass.csv";
  std::printf("generating usage: %d people, %d days ...\n", settings.usage.users, settings.usage.days);
  std::fflush(stdout);
  absl::StatusOr<wp::bench::UsageWorkload> workload = wp::bench::BuildUsageWorkload(settings);
  if (!workload.ok()) return Fail(workload.status());
  const int64_t first_events = workload->first.events;
  const int64_t resent = workload->second.events;
  const int64_t conflicts = workload->conflicts;
  const int64_t all_sent = first_events + resent;
  std::printf("  first pass %lld events; second pass %lld re-sent (%lld of them changed: conflicts)\n",
              static_cast<long long>(first_events), static_cast<long long>(resent),
              static_cast<long long>(conflicts));

  // ---- 1. Baseline: the sqlite3 shell ----
  std::printf("baseline: sqlite3 shell .import ...\n");
  std::fflush(stdout);
  SqliteShellBaseline baseline(env.work_dir + "/baseline.db");
  if (absl::Status s = baseline.CreateTable(); !s.ok()) return Fail(s);
  absl::StatusOr<double> base_first = baseline.Import(settings.first_csv_path);
  if (!base_first.ok()) return Fail(base_first.status());
  absl::StatusOr<double> base_second = baseline.Import(settings.second_csv_path);
  if (!base_second.ok()) return Fail(base_second.status());
  absl::StatusOr<int64_t> base_rows = baseline.Rows();
  if (!base_rows.ok()) return Fail(base_rows.status());
  if (absl::Status s = Expect(*base_rows == first_events, "the shell's table lacks events"); !s.ok()) return Fail(s);
  const int64_t base_bytes = wp::bench::FileBytes(env.work_dir, "baseline.db");

  // ---- 2. The service, gRPC batches ----
  auto store = wp::bench::BenchStore::Start(env.engine);
  if (!store.ok()) return Fail(store.status());
  env.store = store->get();
  wp::testing::NatsServer nats;
  wp::testing::RedisServer redis;
  if (!nats.Start().ok() || !redis.Start().ok()) return Fail(absl::InternalError("cannot start nats or redis"));
  env.nats_url = nats.url();
  env.redis_url = redis.url();
  std::string data_dir, store_url;
  auto service = StartService(env, "grpc_path", &data_dir, &store_url);
  if (!service.ok()) return Fail(service.status());
  std::printf("service (%s): gRPC batch stream, %d streams ...\n", env.engine.c_str(), absl::GetFlag(FLAGS_streams));
  std::fflush(stdout);
  auto grpc_first = wp::bench::SendPass((*service)->process().channel(), workload->first, absl::GetFlag(FLAGS_streams));
  if (!grpc_first.ok()) return Fail(grpc_first.status());
  if (auto s = CheckPassTotals(grpc_first->totals, first_events, 0, 0); !s.ok()) return Fail(s);
  auto grpc_second =
      wp::bench::SendPass((*service)->process().channel(), workload->second, absl::GetFlag(FLAGS_streams));
  if (!grpc_second.ok()) return Fail(grpc_second.status());
  if (auto s = CheckPassTotals(grpc_second->totals, 0, resent - conflicts, conflicts); !s.ok()) return Fail(s);
  const wp::bench::ProcessMemory ingest_memory = wp::bench::MemoryOf((*service)->process().pid());
  workload->first.batches.clear();  // the memory is the service's from here on
  workload->second.batches.clear();

  // ---- 3. Distinct users ----
  // Restarted without the background warm-up, so that the first query
  // builds every day index itself (the cold case), and without the Redis
  // report cache, so that every repeat is computed (a cache miss).
  (*service)->Stop();
  service = RestartService(env, data_dir, store_url, {"--day_index_warmup_days=0", "--usage_report_cache=false"});
  if (!service.ok()) return Fail(service.status());
  const absl::CivilDay from = workload->first_day, to = workload->last_day;
  struct QueryFigures {
    std::string name;
    int64_t distinct = 0;
    double cold_ms = 0, p50_ms = 0, p99_ms = 0;
    double shell_median_ms = 0, shell_min_ms = 0, shell_max_ms = 0;
  };
  std::vector<QueryFigures> figures;
  bool first_query = true;
  int64_t region_views = 0;
  for (const DistinctQuery& q : DistinctQueries()) {
    QueryFigures f;
    f.name = q.name;
    auto cold = (*service)->Query(from, to, q);
    if (!cold.ok()) return Fail(cold.status());
    f.distinct = cold->first.total().distinct_users();
    f.cold_ms = first_query ? cold->second * 1e3 : -1;
    if (first_query) region_views = cold->first.total().views();
    first_query = false;
    std::vector<double> ms;
    for (int i = 0; i < absl::GetFlag(FLAGS_query_runs); ++i) {
      auto warm = (*service)->Query(from, to, q);
      if (!warm.ok()) return Fail(warm.status());
      if (warm->first.total().distinct_users() != f.distinct) return Fail(absl::InternalError("answers differ"));
      ms.push_back(warm->second * 1e3);
    }
    f.p50_ms = wp::bench::Percentile(ms, 0.5);
    f.p99_ms = wp::bench::Percentile(ms, 0.99);
    const std::string sql = absl::StrFormat(
        "SELECT COUNT(DISTINCT user_id) FROM usage WHERE occurred_at >= '%04d-%02d-%02d' AND occurred_at < "
        "'%04d-%02d-%02d'%s;",
        from.year(), from.month(), from.day(), (to + 1).year(), (to + 1).month(), (to + 1).day(), q.sql_condition);
    std::vector<double> shell_ms;
    for (int i = 0; i < absl::GetFlag(FLAGS_baseline_query_runs); ++i) {
      absl::StatusOr<wp::bench::ShellAnswer> answer = baseline.Query(sql);
      if (!answer.ok()) return Fail(answer.status());
      if (answer->output != absl::StrCat(f.distinct)) {
        return Fail(absl::InternalError(absl::StrCat(q.name, ": the service counts ", f.distinct,
                                                     " distinct users, the shell ", answer->output)));
      }
      shell_ms.push_back(answer->seconds * 1e3);
    }
    f.shell_median_ms = wp::bench::Percentile(shell_ms, 0.5);
    f.shell_min_ms = shell_ms.front();
    f.shell_max_ms = shell_ms.back();
    figures.push_back(f);
  }
  const wp::bench::ProcessMemory query_memory = wp::bench::MemoryOf((*service)->process().pid());
  const int64_t store_bytes = StoreBytes(env.engine, data_dir, store_url);
  (*service)->Stop();

  // ---- 5. The CSV path through wpctl ----
  double csv_first_s = 0, csv_second_s = 0;
  if (absl::GetFlag(FLAGS_csv_path)) {
    std::string csv_dir, csv_url;
    auto csv_service = StartService(env, "csv_path", &csv_dir, &csv_url);
    if (!csv_service.ok()) return Fail(csv_service.status());
    std::printf("service (%s): CSV files through wpctl usage import ...\n", env.engine.c_str());
    std::fflush(stdout);
    const std::string token = wp::testing::TestToken(wp::auth::Role::kIngest, "bench-platform");
    auto import = [&](const std::string& file) -> absl::StatusOr<double> {
      const std::string command = absl::StrCat(absl::GetFlag(FLAGS_wpctl_binary), " --westos_server=",
                                               (*csv_service)->process().address(), " --token=", token,
                                               " --timeout=0 usage import ", file, " >>", env.work_dir,
                                               "/wpctl-import.log 2>&1");
      const absl::Time start = absl::Now();
      const int rc = std::system(command.c_str());
      // Exit 3: finished, with rows rejected or in conflict (the re-send's conflicts).
      const bool finished = WIFEXITED(rc) && (WEXITSTATUS(rc) == 0 || WEXITSTATUS(rc) == 3);
      if (!finished) return absl::InternalError(absl::StrCat("wpctl usage import failed; see ", env.work_dir,
                                                           "/wpctl-import.log"));
      return absl::ToDoubleSeconds(absl::Now() - start);
    };
    absl::StatusOr<double> a = import(settings.first_csv_path);
    if (!a.ok()) return Fail(a.status());
    absl::StatusOr<double> b = import(settings.second_csv_path);
    if (!b.ok()) return Fail(b.status());
    csv_first_s = *a;
    csv_second_s = *b;
    auto check = (*csv_service)->Query(from, to, DistinctQueries()[0]);
    if (!check.ok()) return Fail(check.status());
    if (check->first.total().distinct_users() != figures[0].distinct || check->first.total().views() != region_views) {
      return Fail(absl::InternalError("the CSV path's figures differ from the gRPC path's"));
    }
    (*csv_service)->Stop();
  }
  redis.Stop();
  nats.Stop();

  // ---- Figures ----
  const double base_rate = PerSecond(all_sent, *base_first + *base_second);
  std::printf("\nwestos ingestion benchmark, %s engine: %lld events (%d people, %d days, 8 authorities), "
              "then %lld re-sent (%lld conflicts)\n",
              env.engine.c_str(), static_cast<long long>(first_events), settings.usage.users, settings.usage.days,
              static_cast<long long>(resent), static_cast<long long>(conflicts));
  std::printf("  ingestion, events/s      first pass   re-send pass   both passes   vs baseline\n");
  auto row = [&](const char* name, double a, double b) {
    std::printf("  %-22s %12.0f %14.0f %13.0f %12.2fx\n", name, PerSecond(first_events, a), PerSecond(resent, b),
                PerSecond(all_sent, a + b), PerSecond(all_sent, a + b) / base_rate);
  };
  row("sqlite3 shell .import", *base_first, *base_second);
  row("service, gRPC batches", grpc_first->seconds, grpc_second->seconds);
  if (absl::GetFlag(FLAGS_csv_path)) row("service, wpctl CSV", csv_first_s, csv_second_s);
  std::printf("\n  exact distinct users over %d days          service: first after restart, p50, p99 (%d runs)"
              "   sqlite3 shell COUNT(DISTINCT): median (min-max, %d runs)\n",
              settings.usage.days, absl::GetFlag(FLAGS_query_runs), absl::GetFlag(FLAGS_baseline_query_runs));
  for (const QueryFigures& f : figures) {
    std::printf("  %-30s %8lld   %s p50 %7.2f ms  p99 %7.2f ms      %9.1f ms (%.1f-%.1f)\n", f.name.c_str(),
                static_cast<long long>(f.distinct),
                f.cold_ms >= 0 ? absl::StrFormat("cold %8.1f ms", f.cold_ms).c_str() : "                ",
                f.p50_ms, f.p99_ms, f.shell_median_ms, f.shell_min_ms, f.shell_max_ms);
  }
  std::printf("\n  service memory: peak %s while ingesting, resident %s after the queries\n",
              wp::bench::HumanBytes(ingest_memory.peak_resident_bytes).c_str(),
              wp::bench::HumanBytes(query_memory.resident_bytes).c_str());
  std::printf("  bytes on disk per event: service store %.1f (%s), sqlite3 shell's table %.1f (%s)\n",
              static_cast<double>(store_bytes) / first_events, wp::bench::HumanBytes(store_bytes).c_str(),
              static_cast<double>(base_bytes) / first_events, wp::bench::HumanBytes(base_bytes).c_str());
  if (absl::GetFlag(FLAGS_keep_files)) {
    std::printf("  files: %s\n", env.work_dir.c_str());
  } else {
    std::error_code ec;
    std::filesystem::remove_all(env.work_dir, ec);
  }
  return 0;
}
