#include "services/westos/ingest/usage_event_proto.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "libs/text/bounded_text.h"

namespace wp::westos {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", reason));
}

absl::StatusOr<UsageEvent> FromProto(const v1::UsageEvent& in) {
  UsageEvent e;
  e.event_id = in.event_id();
  if (!in.has_occurred_at()) return Invalid("occurred_at", "is required");
  e.occurred_at = absl::FromUnixSeconds(in.occurred_at().seconds()) + absl::Nanoseconds(in.occurred_at().nanos());
  e.user_id = in.user_id();
  if (in.role() < v1::LEARNER || in.role() > v1::OTHER_ROLE) {
    return Invalid("role", "is required: learner, teacher or other");
  }
  e.role = static_cast<Role>(in.role());
  WP_ASSIGN_OR_RETURN(e.authority, ParseAuthority(in.authority()));
  e.establishment = in.establishment();
  if (in.sector() < v1::SECTOR_UNSPECIFIED || in.sector() > v1::ASN) {
    return Invalid("sector", absl::StrCat(in.sector(), " is not a sector"));
  }
  e.sector = static_cast<Sector>(in.sector());
  e.simd = in.simd();
  e.content_id = in.content_id();
  if (in.action() < v1::VIEW || in.action() > v1::RATE) {
    return Invalid("action", "is required: view, play, complete or rate");
  }
  e.action = static_cast<Action>(in.action());
  e.seconds = in.seconds();
  e.rating = in.rating();
  return e;
}

}  // namespace

IngestItem Rejected(std::string event_id, const absl::Status& error) {
  IngestItem item;
  item.event_id = std::move(event_id);
  const std::string message(error.message());
  const size_t colon = message.find(": ");
  if (colon == std::string::npos) {
    item.reason = message;
  } else {
    item.field = message.substr(0, colon);
    item.reason = message.substr(colon + 2);
  }
  return item;
}

IngestItem ItemFromProto(const v1::UsageEvent& in, absl::Time now) {
  // Echoed back in the result: bounded and valid UTF-8, whatever was sent.
  std::string echoed_id = text::Bounded(in.event_id(), 128);
  absl::StatusOr<UsageEvent> event = FromProto(in);
  absl::Status valid = event.ok() ? ValidateUsageEvent(*event, now) : event.status();
  if (!valid.ok()) return Rejected(std::move(echoed_id), valid);
  IngestItem item;
  item.event_id = std::move(echoed_id);
  item.event = std::move(*event);
  return item;
}

}  // namespace wp::westos
