// The durable consumer of the governance service's population events: it
// applies each one to authority_populations (population_events.h). Shared
// by all replicas: each event is applied once, in the store they share. The
// only part of westos that reads NATS; main.cc hands it to the runtime.
//
// Thread-safety: the consumer runs on its own thread (libs/bus/durable_consumer.h).
#ifndef WP_SERVICES_WESTOS_FROM_GOVERNANCE_GOVERNANCE_CONSUMER_H_
#define WP_SERVICES_WESTOS_FROM_GOVERNANCE_GOVERNANCE_CONSUMER_H_

#include <memory>

#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/store/database.h"

namespace wp::westos {

std::unique_ptr<bus::DurableConsumer> NewGovernanceConsumer(bus::NatsConnection& connection, store::Database& db);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_FROM_GOVERNANCE_GOVERNANCE_CONSUMER_H_
