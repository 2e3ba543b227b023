#include "libs/testing/service_stack.h"

#include <chrono>
#include <utility>

#include "libs/testing/test_tokens.h"

namespace wp::testing {

absl::Status ServiceStack::StartServers() {
  if (absl::Status s = nats_.Start(); !s.ok()) return s;
  return redis_.Start();
}

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceStack::StartService(const std::string& binary, Engine engine,
                                                                           const std::string& store_name,
                                                                           std::vector<std::string> flags) {
  absl::StatusOr<std::string> store_url = TestStoreUrl(engine, store_name);
  if (!store_url.ok()) return store_url.status();
  ServiceOptions options;
  options.binary = binary;
  options.data_dir = MakeTempDir("wp-" + store_name + "-test");
  options.store_url = *std::move(store_url);
  options.nats_url = nats_.url();
  options.redis_url = redis_.url();
  options.extra_flags = std::move(flags);
  auto service = std::make_unique<ServiceProcess>(std::move(options));
  if (absl::Status s = service->Start(); !s.ok()) return s;
  return service;
}

void ServiceStack::Stop() {
  redis_.Stop();
  nats_.Stop();
}

void Authorize(grpc::ClientContext* ctx, auth::Role role, const std::string& subject,
               std::vector<std::string> authorities, absl::Duration timeout) {
  ctx->AddMetadata("authorization", TestBearer(role, subject, std::move(authorities)));
  ctx->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout));
}

}  // namespace wp::testing
