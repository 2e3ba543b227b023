#include "services/workstreams/from_governance/sponsor_events.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;

constexpr char kAssigned[] = "wp.governance.sponsor.assigned";
constexpr char kEnded[] = "wp.governance.sponsor.ended";

absl::Status Store(store::Transaction& tx, const gov::Sponsorship& s, const std::string& period) {
  int64_t version = 0;
  if (!absl::SimpleAtoi(s.etag(), &version)) version = 0;
  store::Value end_day;
  if (calendar::IsSet(s.end_date())) end_day = calendar::ToIsoText(s.end_date());
  // Upsert that keeps the newer version (an older event arriving late loses).
  return tx
      .Execute(
          "INSERT INTO board_sponsorships (sponsorship, plan_period, workstream_number, person, "
          "display_name, start_day, end_day, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (sponsorship) DO UPDATE SET plan_period = excluded.plan_period, "
          "workstream_number = excluded.workstream_number, person = excluded.person, "
          "display_name = excluded.display_name, start_day = excluded.start_day, "
          "end_day = excluded.end_day, version = excluded.version "
          "WHERE excluded.version > board_sponsorships.version",
          {s.name(), period, static_cast<int64_t>(s.workstream_number()), s.sponsor(),
           s.sponsor_display_name(), calendar::ToIsoText(s.start_date()), end_day, version})
      .status();
}

}  // namespace

absl::Status ApplySponsorEvent(store::Transaction& tx, const wp::common::v1::Event& event) {
  if (event.type() == kAssigned) {
    gov::SponsorAssigned payload;
    if (!event.payload().UnpackTo(&payload)) {
      return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": payload is not SponsorAssigned"));
    }
    return Store(tx, payload.sponsorship(), payload.session_span());
  }
  if (event.type() == kEnded) {
    gov::SponsorEnded payload;
    if (!event.payload().UnpackTo(&payload)) {
      return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": payload is not SponsorEnded"));
    }
    return Store(tx, payload.sponsorship(), payload.session_span());
  }
  return absl::OkStatus();
}

}  // namespace wp::workstreams
