#include "services/westos/from_governance/governance_consumer.h"

#include "libs/bus/event_writer.h"
#include "services/westos/from_governance/population_events.h"

namespace wp::westos {

std::unique_ptr<bus::DurableConsumer> NewGovernanceConsumer(bus::NatsConnection& connection, store::Database& db) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor("governance");
  // Created if missing, so this service may start before governance does.
  options.stream_subjects = {bus::StreamSubjectsFor("governance")};
  options.durable_name = "westos-governance";
  options.filter_subject = kPopulationUpdated;
  return std::make_unique<bus::DurableConsumer>(connection, db, options, ApplyPopulationEvent);
}

}  // namespace wp::westos
