#include "services/westos/testing/westos_test_service.h"

#include <chrono>
#include <utility>

#include "libs/testing/test_tokens.h"

namespace wp::westos {

absl::Status WestosTestService::StartServers() {
  if (absl::Status s = nats_.Start(); !s.ok()) return s;
  return redis_.Start();
}

absl::StatusOr<std::unique_ptr<wp::testing::ServiceProcess>> WestosTestService::StartService(
    const std::string& binary, wp::testing::Engine engine, const std::string& store_name,
    std::vector<std::string> flags) {
  absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(engine, store_name);
  if (!store_url.ok()) return store_url.status();
  wp::testing::ServiceOptions options;
  options.binary = binary;
  options.data_dir = wp::testing::MakeTempDir("wp-" + store_name + "-test");
  options.store_url = *std::move(store_url);
  options.nats_url = nats_.url();
  options.redis_url = redis_.url();
  options.extra_flags = std::move(flags);
  auto service = std::make_unique<wp::testing::ServiceProcess>(std::move(options));
  if (absl::Status s = service->Start(); !s.ok()) return s;
  return service;
}

absl::Status WestosTestService::StartWestos(wp::testing::Engine engine, std::vector<std::string> flags) {
  absl::StatusOr<std::unique_ptr<wp::testing::ServiceProcess>> westos =
      StartService(WP_WESTOS_BIN, engine, "westos", std::move(flags));
  if (!westos.ok()) return westos.status();
  westos_ = *std::move(westos);
  return absl::OkStatus();
}

absl::Status WestosTestService::Start(wp::testing::Engine engine, std::vector<std::string> flags) {
  if (absl::Status s = StartServers(); !s.ok()) return s;
  return StartWestos(engine, std::move(flags));
}

void WestosTestService::Stop() {
  if (westos_) westos_->Stop();
  westos_.reset();
  redis_.Stop();
  nats_.Stop();
}

void WestosEndToEndTest::SetUp() {
  const absl::Status started = stack_.Start(GetParam(), WestosFlags());
  ASSERT_TRUE(started.ok()) << started;
}

void Authorize(grpc::ClientContext* ctx, auth::Role role, const std::string& subject,
               std::vector<std::string> authorities, absl::Duration timeout) {
  ctx->AddMetadata("authorization", wp::testing::TestBearer(role, subject, std::move(authorities)));
  ctx->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout));
}

}  // namespace wp::westos
