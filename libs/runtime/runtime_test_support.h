// What the runtime's own tests share: a configuration for a runtime under
// test and a write that emits one event. Tests only.
#ifndef WP_LIBS_RUNTIME_RUNTIME_TEST_SUPPORT_H_
#define WP_LIBS_RUNTIME_RUNTIME_TEST_SUPPORT_H_

#include <cstdint>
#include <string>

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/event_writer.h"
#include "libs/runtime/service_runtime.h"
#include "libs/testing/server_process.h"
#include "libs/testing/test_tokens.h"

namespace wp::runtime {

// Loopback ports the kernel picks (gRPC and metrics), a fresh data folder,
// the given nats-server and redis-server, and the test tokens' keys.
inline ServiceConfig TestServiceConfig(const std::string& service, const std::string& nats_url,
                                       const std::string& redis_url) {
  ServiceConfig config;
  config.service = service;
  config.listen_address = "127.0.0.1:0";
  config.metrics_address = "127.0.0.1:0";
  config.data_dir = wp::testing::MakeTempDir(service + "-test") + "/data";
  config.database_path = config.data_dir + "/" + service + ".db";
  config.nats_url = nats_url;
  config.redis_url = redis_url;
  config.jwt_issuer = wp::testing::kTestIssuer;
  config.jwt_audience = wp::testing::kTestAudience;
  config.jwt_hs256_secret = wp::testing::kTestJwtSecret;
  config.allow_plaintext = true;
  return config;
}

// Writes wp.<service>.item.created about items/<name> in one transaction
// through the runtime's store; the event's outbox position (0 on failure,
// which the test is told of).
inline int64_t WriteTestItem(ServiceRuntime& rt, const std::string& service, const std::string& name) {
  int64_t seq = 0;
  absl::Status s = rt.db().Write([&](store::Transaction& tx) -> absl::Status {
    google::protobuf::StringValue payload;
    payload.set_value(name);
    auto event = bus::EmitEvent(tx, {service, "item", "created", "items/" + name, payload});
    if (!event.ok()) return event.status();
    seq = event->source_sequence();
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return seq;
}

}  // namespace wp::runtime

#endif  // WP_LIBS_RUNTIME_RUNTIME_TEST_SUPPORT_H_
