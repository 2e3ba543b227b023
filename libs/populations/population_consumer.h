// The durable consumer of the governance service's population events for a
// service that keeps the figures (population_events.h): durable name
// "<service>-governance", shared by the service's replicas, so each event
// is applied once in the store they share.
//
// Thread-safety: the consumer runs on its own thread (libs/bus/durable_consumer.h).
#ifndef WP_LIBS_POPULATIONS_POPULATION_CONSUMER_H_
#define WP_LIBS_POPULATIONS_POPULATION_CONSUMER_H_

#include <memory>
#include <string>

#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/store/database.h"

namespace wp::populations {

std::unique_ptr<bus::DurableConsumer> NewPopulationConsumer(bus::NatsConnection& connection, store::Database& db,
                                                            const std::string& service);

}  // namespace wp::populations

#endif  // WP_LIBS_POPULATIONS_POPULATION_CONSUMER_H_
