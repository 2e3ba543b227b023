// The durable consumer of the workstreams service's workstream and network events: it
// applies each one to the known links (workstream_events.h). Shared
// by all replicas: each event is applied once, in the store they share. The
// only part of learning that reads NATS; main.cc hands it to the runtime.
//
// Thread-safety: the consumer runs on its own thread (libs/bus/durable_consumer.h).
#ifndef WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAMS_CONSUMER_H_
#define WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAMS_CONSUMER_H_

#include <memory>

#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/store/database.h"

namespace wp::learning {

std::unique_ptr<bus::DurableConsumer> NewWorkstreamsConsumer(bus::NatsConnection& connection, store::Database& db);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAMS_CONSUMER_H_
