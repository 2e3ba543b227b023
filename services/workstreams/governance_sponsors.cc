#include "services/workstreams/governance_sponsors.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/bus/event_writer.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/governance_plans.h"
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

absl::Status AttachBoardSponsors(store::Transaction& tx, const std::string& today,
                                 v1::Workstream* ws) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT person, display_name, sponsorship, start_day FROM board_sponsorships "
      "WHERE plan_period = ? AND workstream_number = ? AND start_day <= ? "
      "AND (end_day IS NULL OR end_day >= ?) ORDER BY start_day, sponsorship",
      {ws->plan_period(), static_cast<int64_t>(ws->number()), today, today}));
  ws->clear_sponsors();
  for (const store::Row& r : rows) {
    v1::BoardSponsor* sponsor = ws->add_sponsors();
    sponsor->set_person(r.Text(0));
    sponsor->set_display_name(r.Text(1));
    sponsor->set_sponsorship(r.Text(2));
    if (auto day = calendar::FromIsoText(r.Text(3))) *sponsor->mutable_start_date() = *day;
  }
  return absl::OkStatus();
}

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
