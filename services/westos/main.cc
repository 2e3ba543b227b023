// The westos service: usage analytics of the region's online school. Its
// own parts on the service runtime (libs/runtime).
#include <string>

#include "absl/flags/flag.h"
#include "libs/config/config.h"
#include "libs/runtime/service_runtime.h"
#include "services/westos/access_policy.h"
#include "services/westos/events.h"
#include "services/westos/ingest/usage_csv_import.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/privacy/privacy_grpc.h"
#include "services/westos/rollups/day_index_cache.h"
#include "services/westos/rollups/usage_query.h"
#include "services/westos/statements/statements_grpc.h"
#include "services/westos/statements/xapi_mapping_config.h"
#include "services/westos/westos_grpc.h"

// Day indexes in memory: about 1 MB a day at the region's busiest, so this
// keeps well over a year of days.
ABSL_FLAG(int64_t, day_index_cache_mb, 512, "memory for the day indexes that usage queries read, in MB");
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

  UsageIngest ingest(rt->db());
  DayIndexCache day_indexes(static_cast<size_t>(absl::GetFlag(FLAGS_day_index_cache_mb)) << 20);
  UsageQueries queries(rt->db(), day_indexes);
  UsageCsvImport csv_import(ingest);
  UsageGrpc usage_grpc(ingest, csv_import, queries, rt->guard());
  rt->AddService(&usage_grpc);
  StatementIntake statement_intake(rt->db(), *std::move(xapi_mapping));
  StatementGrpc statement_grpc(statement_intake, rt->guard());
  rt->AddService(&statement_grpc);
  UsagePrivacy privacy(rt->db());
  PrivacyGrpc privacy_grpc(privacy, rt->guard());
  rt->AddService(&privacy_grpc);
  return rt->Run();
}
