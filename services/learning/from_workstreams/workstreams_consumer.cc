#include "services/learning/from_workstreams/workstreams_consumer.h"

#include "libs/bus/event_writer.h"
#include "services/learning/from_workstreams/workstream_events.h"

namespace wp::learning {

std::unique_ptr<bus::DurableConsumer> NewWorkstreamsConsumer(bus::NatsConnection& connection, store::Database& db) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor("workstreams");
  // Created if missing, so this service may start before workstreams does.
  options.stream_subjects = {bus::StreamSubjectsFor("workstreams")};
  options.durable_name = "learning-workstreams";
  return std::make_unique<bus::DurableConsumer>(connection, db, options, ApplyWorkstreamsEvent);
}

}  // namespace wp::learning
