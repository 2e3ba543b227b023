#include "services/westos/testing/westos_test_service.h"

#include <utility>

namespace wp::westos {

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
  stack_.Stop();
}

void WestosEndToEndTest::SetUp() {
  const absl::Status started = stack_.Start(GetParam(), WestosFlags());
  ASSERT_TRUE(started.ok()) << started;
}

}  // namespace wp::westos
