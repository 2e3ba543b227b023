// The westos service: usage analytics of the region's online school. Its
// own parts on the service runtime (libs/runtime).
#include <algorithm>
#include <string>

#include "absl/flags/flag.h"
#include "libs/config/config.h"
#include "libs/log/log.h"
#include "libs/populations/population_consumer.h"
#include "libs/runtime/service_runtime.h"
#include "services/westos/access_policy.h"
#include "services/westos/content/content_grpc.h"
#include "services/westos/events.h"
#include "services/westos/ingest/usage_csv_import.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/privacy/privacy_grpc.h"
#include "services/westos/rollups/day_index_cache.h"
#include "services/westos/rollups/cached_usage_queries.h"
#include "services/westos/rollups/day_index_warmup.h"
#include "services/westos/rollups/usage_query.h"
#include "services/westos/targets/target_watch.h"
#include "services/westos/targets_grpc.h"
#include "services/westos/windows/window_watch.h"
#include "services/westos/statements/statements_grpc.h"
#include "services/westos/statements/xapi_mapping_config.h"
#include "services/westos/westos_grpc.h"

ABSL_FLAG(int32_t, target_check_seconds, 60, "how often every target is evaluated (and reached ones published)");
ABSL_FLAG(int32_t, window_grace_days, wp::westos::kDefaultWindowGraceDays,
          "days after an ISO week ends before its usage window is published for the evaluation service");
ABSL_FLAG(int32_t, window_check_seconds, 60, "how often closed weeks are published or corrected");
// Day indexes in memory: about 1 MB a day at the region's busiest, so this
// keeps well over a year of days.
ABSL_FLAG(int64_t, day_index_cache_mb, 512, "memory for the day indexes that usage queries read, in MB");
ABSL_FLAG(bool, usage_report_cache, true,
          "keep QueryUsage reports in Redis under the data generation (off: every query computes; "
          "for measuring the uncached path)");
ABSL_FLAG(int, day_index_warmup_days, 120,
          "days (the newest with usage) whose indexes are built in the background at start; 0 for none");
ABSL_FLAG(std::string, xapi_mapping, "",
          "JSON file mapping xAPI verbs and context extensions to usage events (docs/operations.md); "
          "empty: the built-in default");

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::westos;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, kDefaultPort);
  absl::StatusOr<XapiMapping> xapi_mapping = LoadXapiMapping(absl::GetFlag(FLAGS_xapi_mapping));
  if (!xapi_mapping.ok()) ExitOnStartupError("reading the xAPI mapping", xapi_mapping.status());
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), /*changes_aggregates=*/nullptr, EntityTypes()});

  EventLocator event_locator(rt->db().engine());
  if (absl::Status s = event_locator.Warm(rt->db()); !s.ok()) {
    log::Error("cannot read the stored event keys", {{"error", s.ToString()}});
    return 1;
  }
  UsageIngest ingest(rt->db(), event_locator);
  DayIndexCache day_indexes(static_cast<size_t>(absl::GetFlag(FLAGS_day_index_cache_mb)) << 20);
  UsageQueries queries(rt->db(), day_indexes);
  DayIndexWarmup warmup(rt->db(), day_indexes);
  if (absl::GetFlag(FLAGS_day_index_warmup_days) > 0) warmup.Start(absl::GetFlag(FLAGS_day_index_warmup_days));
  // Ingestion counts on the service's /metrics (docs/operations.md).
  IngestMetrics ingest_metrics(rt->metrics_registry(), kServiceName);
  UsageCsvImport csv_import(ingest, ingest_metrics);
  CachedUsageQueries cached_queries(queries, absl::GetFlag(FLAGS_usage_report_cache) ? rt->cache() : nullptr,
                                    rt->generation(), rt->store_id());
  UsageGrpc usage_grpc(ingest, csv_import, cached_queries, rt->guard(), ingest_metrics);
  rt->AddService(&usage_grpc);
  ContentItems content_items(rt->db());
  ContentImport content_import(rt->db());
  CoverageTargets coverage_targets(rt->db());
  ContentGrpc content_grpc(content_items, content_import, coverage_targets, rt->guard());
  rt->AddService(&content_grpc);

  UsageMeasures measures(queries);
  ReachQueries reach(rt->db(), queries);
  Baselines baselines(rt->db(), measures);
  Targets targets(rt->db(), measures);
  TargetEvaluator evaluator(rt->db(), measures, reach);
  UsageTargetGrpc targets_grpc(reach, baselines, targets, evaluator, rt->guard());
  rt->AddService(&targets_grpc);
  TargetWatch target_watch(evaluator, absl::Seconds(std::max(1, absl::GetFlag(FLAGS_target_check_seconds))));
  rt->AddBackgroundTask(
      "the target watch",
      [&target_watch] {
        target_watch.Start();
        return absl::OkStatus();
      },
      [&target_watch] { target_watch.Stop(); });
  WindowPublisher windows(rt->db(), queries, std::max(0, absl::GetFlag(FLAGS_window_grace_days)));
  WindowWatch window_watch(windows, absl::Seconds(std::max(1, absl::GetFlag(FLAGS_window_check_seconds))));
  rt->AddBackgroundTask(
      "the usage window watch",
      [&window_watch] {
        window_watch.Start();
        return absl::OkStatus();
      },
      [&window_watch] { window_watch.Stop(); });
  // Population figures (for reach) come from the governance service's events.
  rt->AddConsumer("the governance consumer", populations::NewPopulationConsumer(rt->nats(), rt->db(), kServiceName));
  StatementIntake statement_intake(rt->db(), ingest, *std::move(xapi_mapping));
  StatementGrpc statement_grpc(statement_intake, rt->guard(), ingest_metrics);
  rt->AddService(&statement_grpc);
  UsagePrivacy privacy(rt->db());
  PrivacyGrpc privacy_grpc(privacy, rt->guard());
  rt->AddService(&privacy_grpc);
  return rt->Run();
}
