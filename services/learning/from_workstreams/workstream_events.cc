#include "services/learning/from_workstreams/workstream_events.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/learning/core/known_links.h"
#include "wp/workstreams/v1/networks.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::learning {
namespace {

namespace ws = wp::workstreams::v1;

absl::Status Malformed(const wp::common::v1::Event& event, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), " (", event.type(), "): ", what));
}

}  // namespace

absl::Status ApplyWorkstreamsEvent(store::Transaction& tx, const wp::common::v1::Event& event) {
  const std::string& type = event.type();
  if (type == "wp.workstreams.workstream.created" || type == "wp.workstreams.workstream.updated") {
    ws::WorkstreamChanged payload;
    if (!event.payload().UnpackTo(&payload)) return Malformed(event, "payload is not WorkstreamChanged");
    if (payload.workstream().name().empty()) return Malformed(event, "the workstream has no name");
    return RememberWorkstream(tx, payload.workstream().name(), payload.workstream().title());
  }
  // meeting_held and sustainability_changed carry other payloads, with no title.
  if (absl::StartsWith(type, "wp.workstreams.network.") && type != "wp.workstreams.network.meeting_held" &&
      type != "wp.workstreams.network.sustainability_changed") {
    ws::NetworkChanged payload;
    if (!event.payload().UnpackTo(&payload)) return Malformed(event, "payload is not NetworkChanged");
    if (payload.network().name().empty()) return Malformed(event, "the network has no name");
    return RememberNetwork(tx, payload.network().name(), payload.network().title());
  }
  return absl::OkStatus();
}

}  // namespace wp::learning
