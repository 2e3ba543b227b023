// Follows a service's own event stream and moves its data generation forward
// for every event that changes a cached aggregate, so that a change committed
// by another replica invalidates this replica's cached answers too. (A
// replica's own changes advance the generation directly after commit.)
//
// One durable consumer per instance, delivering only new events: each
// replica must see every event, and older ones are already counted in the
// outbox position the generation starts from.
//
// Thread-safe; the consumer runs on its own thread.
#ifndef WP_LIBS_BUS_GENERATION_FOLLOWER_H_
#define WP_LIBS_BUS_GENERATION_FOLLOWER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/cache/data_generation.h"

namespace wp::bus {

class GenerationFollower {
 public:
  // `service` names the stream (StreamNameFor); `instance` tells replicas
  // apart (e.g. host and port); `changes_aggregates` picks the events that
  // matter (all of them when empty).
  GenerationFollower(NatsConnection& connection, const std::string& service,
                     const std::string& instance, cache::DataGeneration& generation,
                     std::function<bool(const wp::common::v1::Event&)> changes_aggregates = {});
  absl::Status Start() { return consumer_->Start(); }
  void Stop() { consumer_->Stop(); }
  // For metrics and `wpctl status`: its lag is how far this replica's cache
  // may trail another replica's commits.
  const DurableConsumer& consumer() const { return *consumer_; }

 private:
  std::unique_ptr<DurableConsumer> consumer_;
};

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_GENERATION_FOLLOWER_H_
