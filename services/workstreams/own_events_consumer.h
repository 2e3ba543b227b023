// Listens to this service's own stream and advances the data generation for
// every workstream or plan-item change, so that a change committed by another
// replica invalidates this replica's cached summaries too. (This replica's
// own changes advance it directly after commit.)
//
// Thread-safe; the consumer runs on its own thread.
#ifndef WP_SERVICES_WORKSTREAMS_OWN_EVENTS_CONSUMER_H_
#define WP_SERVICES_WORKSTREAMS_OWN_EVENTS_CONSUMER_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/cache/data_generation.h"

namespace wp::workstreams {

// True for events that change what the tracker summary shows.
bool ChangesTrackerSummary(const wp::common::v1::Event& event);

class OwnEventsConsumer {
 public:
  // `instance` tells replicas apart (e.g. host and port): each replica needs
  // its own durable consumer to see every event.
  OwnEventsConsumer(bus::NatsConnection& connection, cache::DataGeneration& generation,
                    const std::string& instance);
  absl::Status Start() { return consumer_->Start(); }
  void Stop() { consumer_->Stop(); }

 private:
  std::unique_ptr<bus::DurableConsumer> consumer_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_OWN_EVENTS_CONSUMER_H_
