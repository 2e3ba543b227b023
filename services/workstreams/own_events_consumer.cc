#include "services/workstreams/own_events_consumer.h"

#include <unistd.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "libs/bus/event_writer.h"
#include "services/workstreams/events.h"

namespace wp::workstreams {
namespace {

// One consumer per replica: every replica must see every event.
std::string DurableName() {
  char host[256] = {0};
  gethostname(host, sizeof(host) - 1);
  std::string name = "workstreams-generation-";
  for (const char* c = host; *c; ++c) {
    name.push_back(absl::ascii_isalnum(static_cast<unsigned char>(*c)) ? *c : '-');
  }
  return name;
}

}  // namespace

bool ChangesTrackerSummary(const wp::common::v1::Event& event) {
  return absl::StartsWith(event.type(), "wp.workstreams.plan_item.") ||
         absl::StartsWith(event.type(), "wp.workstreams.workstream.");
}

OwnEventsConsumer::OwnEventsConsumer(bus::NatsConnection& connection, DataGeneration& generation) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor(kServiceName);
  options.stream_subjects = {bus::StreamSubjectsFor(kServiceName)};
  options.durable_name = DurableName();
  options.deliver_new_only = true;
  consumer_ = std::make_unique<bus::DurableConsumer>(
      connection, options, [&generation](const wp::common::v1::Event& event) {
        if (ChangesTrackerSummary(event)) generation.AdvanceTo(event.source_sequence());
        return absl::OkStatus();
      });
}

}  // namespace wp::workstreams
