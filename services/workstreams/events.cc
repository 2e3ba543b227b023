#include "services/workstreams/events.h"

#include "libs/bus/event_writer.h"

namespace wp::workstreams {

absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject,
                                  const google::protobuf::Message& payload) {
  absl::StatusOr<wp::common::v1::Event> event = bus::EmitEvent(
      tx, bus::EventSpec{kServiceName, entity, verb, subject, payload, caller.actor, caller.trace_id});
  if (!event.ok()) return event.status();
  return event->source_sequence();
}

}  // namespace wp::workstreams
