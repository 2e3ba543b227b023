#include "services/workstreams/own_events_consumer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "libs/bus/event_writer.h"
#include "services/workstreams/events.h"

namespace wp::workstreams {
namespace {

// Durable names allow letters, digits, '-' and '_' only.
std::string DurableName(const std::string& instance) {
  std::string name = "workstreams-generation-";
  for (char c : instance) name.push_back(absl::ascii_isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return name;
}

}  // namespace

bool ChangesTrackerSummary(const wp::common::v1::Event& event) {
  return absl::StartsWith(event.type(), "wp.workstreams.plan_item.") ||
         absl::StartsWith(event.type(), "wp.workstreams.workstream.");
}

OwnEventsConsumer::OwnEventsConsumer(bus::NatsConnection& connection, cache::DataGeneration& generation,
                                     const std::string& instance) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor(kServiceName);
  options.stream_subjects = {bus::StreamSubjectsFor(kServiceName)};
  options.durable_name = DurableName(instance);
  options.deliver_new_only = true;
  consumer_ = std::make_unique<bus::DurableConsumer>(
      connection, options, [&generation](const wp::common::v1::Event& event) {
        if (ChangesTrackerSummary(event)) generation.AdvanceTo(event.source_sequence());
        return absl::OkStatus();
      });
}

}  // namespace wp::workstreams
