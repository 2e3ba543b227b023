#include "libs/populations/population_consumer.h"

#include "libs/bus/event_writer.h"
#include "libs/populations/population_events.h"

namespace wp::populations {

std::unique_ptr<bus::DurableConsumer> NewPopulationConsumer(bus::NatsConnection& connection, store::Database& db,
                                                            const std::string& service) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor("governance");
  // Created if missing, so the service may start before governance does.
  options.stream_subjects = {bus::StreamSubjectsFor("governance")};
  options.durable_name = service + "-governance";
  options.filter_subject = kPopulationUpdated;
  return std::make_unique<bus::DurableConsumer>(connection, db, options, ApplyPopulationEvent);
}

}  // namespace wp::populations
