// The learning service: professional-learning programmes and events,
// registrations with a waiting list, attendance, and pre/post evaluations.
// Its own parts on the service runtime (libs/runtime).
#include "absl/flags/flag.h"
#include "libs/populations/population_consumer.h"
#include "libs/runtime/periodic_task.h"
#include "libs/runtime/service_runtime.h"
#include "services/learning/access_policy.h"
#include "services/learning/core/events.h"
#include "services/learning/core/migrations.h"
#include "services/learning/from_workstreams/workstreams_consumer.h"
#include "services/learning/learning_grpc.h"
#include "services/learning/privacy/retention_policy.h"

ABSL_FLAG(int32_t, practitioner_retention_days, 0,
          "erase practitioners with no event and no change for this many days, checked hourly "
          "(docs/api-learning.md, Privacy); 0 keeps them");

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::learning;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, kDefaultPort);
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), /*changes_aggregates=*/nullptr, EntityTypes()});

  Programmes programmes(rt->db());
  LearningEvents events(rt->db());
  ProgrammesGrpc programmes_grpc(programmes, events, rt->guard());
  rt->AddService(&programmes_grpc);
  Practitioners practitioners(rt->db());
  PractitionerPrivacy privacy(rt->db());
  PractitionersGrpc practitioners_grpc(practitioners, privacy, rt->guard());
  rt->AddService(&practitioners_grpc);
  Registrations registrations(rt->db());
  RegistrationsGrpc registrations_grpc(registrations, rt->guard());
  rt->AddService(&registrations_grpc);
  Evaluations evaluations(rt->db());
  EvaluationsGrpc evaluations_grpc(evaluations, rt->guard());
  rt->AddService(&evaluations_grpc);
  LearningStatistics statistics(rt->db());
  CachedStatistics cached_statistics(statistics, rt->cache(), rt->generation(), rt->store_id());
  StatisticsGrpc statistics_grpc(cached_statistics, rt->guard());
  rt->AddService(&statistics_grpc);
  // The workstreams and networks programmes may link to come from the
  // workstreams service's events; the population figures reach divides by,
  // from the governance service's.
  rt->AddConsumer("the workstreams consumer", NewWorkstreamsConsumer(rt->nats(), rt->db()));
  rt->AddConsumer("the governance consumer", populations::NewPopulationConsumer(rt->nats(), rt->db(), kServiceName));
  // The retention policy, applied by the service itself (off when 0).
  const int retention_days = absl::GetFlag(FLAGS_practitioner_retention_days);
  runtime::PeriodicTask retention("the retention policy", absl::Hours(1), [&]() -> absl::Status {
    return ApplyRetentionPolicy(privacy, retention_days, absl::Now()).status();
  });
  if (retention_days > 0) {
    rt->AddBackgroundTask(
        "the retention policy",
        [&retention] {
          retention.Start();
          return absl::OkStatus();
        },
        [&retention] { retention.Stop(); });
  }
  return rt->Run();
}
