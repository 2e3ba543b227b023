#include "libs/bus/generation_follower.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/bus/event_writer.h"

namespace wp::bus {
namespace {

// Durable names allow letters, digits, '-' and '_' only.
std::string DurableName(const std::string& service, const std::string& instance) {
  std::string name = absl::StrCat(service, "-generation-");
  for (char c : instance) name.push_back(absl::ascii_isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return name;
}

}  // namespace

GenerationFollower::GenerationFollower(NatsConnection& connection, const std::string& service,
                                       const std::string& instance, cache::DataGeneration& generation,
                                       std::function<bool(const wp::common::v1::Event&)> changes_aggregates) {
  DurableConsumerOptions options;
  options.stream = StreamNameFor(service);
  options.stream_subjects = {StreamSubjectsFor(service)};
  options.durable_name = DurableName(service, instance);
  options.deliver_new_only = true;
  consumer_ = std::make_unique<DurableConsumer>(
      connection, options,
      [&generation, changes = std::move(changes_aggregates)](const wp::common::v1::Event& event) {
        if (!changes || changes(event)) generation.AdvanceTo(event.source_sequence());
        return absl::OkStatus();
      });
}

}  // namespace wp::bus
