// The notice board: the example service docs/adding-a-service.md quotes. Its
// own parts on the service runtime (libs/runtime); not part of the stack.
#include "examples/notices/access_policy.h"
#include "examples/notices/events.h"
#include "examples/notices/migrations.h"
#include "examples/notices/notices_grpc.h"
#include "libs/runtime/service_runtime.h"

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::examples::notices;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, /*default_port=*/50060);
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), /*changes_aggregates=*/nullptr, EntityTypes()});

  NoticeBoard board(rt->db());
  NoticesGrpc notices_grpc(board, rt->guard());
  rt->AddService(&notices_grpc);
  return rt->Run();
}
