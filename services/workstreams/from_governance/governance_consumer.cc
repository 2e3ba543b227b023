#include "services/workstreams/from_governance/governance_consumer.h"

#include "libs/bus/event_writer.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/from_governance/plan_events.h"
#include "services/workstreams/from_governance/sponsor_events.h"

namespace wp::workstreams {

std::unique_ptr<bus::DurableConsumer> NewGovernanceConsumer(bus::NatsConnection& connection,
                                                            store::Database& db) {
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor("governance");
  // Created if missing, so this service may start before governance does.
  options.stream_subjects = {bus::StreamSubjectsFor("governance")};
  options.durable_name = "workstreams-governance";
  options.filter_subject = "wp.governance.>";
  return std::make_unique<bus::DurableConsumer>(
      connection, db, options, [](store::Transaction& tx, const wp::common::v1::Event& event) {
        WP_RETURN_IF_ERROR(ApplySponsorEvent(tx, event));
        return ApplyPlanEvent(tx, event);
      });
}

}  // namespace wp::workstreams
