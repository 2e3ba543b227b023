#include "services/workstreams/networks/network_store.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/networks/sustainability.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

using store::Row;

constexpr char kNetworkColumns[] =
    "id, title, kind, owning_period, owning_number, priorities, version, create_us, update_us, "
    "expected_meetings_per_year, plan_set_us, established_day";

// An ISO day, or NULL for an unset date.
store::Value DayOrNull(const wp::common::v1::Date& date) {
  if (!calendar::IsSet(date)) return store::Value();
  return calendar::ToIsoText(date);
}

wp::common::v1::Date UtcDateOf(int64_t micros) {
  return calendar::FromCivilDay(absl::ToCivilDay(absl::FromUnixMicros(micros), absl::UTCTimeZone()));
}

absl::StatusOr<v1::Network> NetworkFromRow(store::Transaction& tx, const Row& r) {
  v1::Network n;
  const std::string id = r.Text(0);
  n.set_name("networks/" + id);
  n.set_title(r.Text(1));
  n.set_kind(static_cast<v1::NetworkKind>(r.Int(2)));
  n.set_owning_workstream(WorkstreamName(r.Text(3), static_cast<int>(r.Int(4))));
  if (!r.Text(5).empty()) {
    for (absl::string_view p : absl::StrSplit(r.Text(5), '\n')) n.add_priorities(std::string(p));
  }
  n.set_etag(EtagOf(r.Int(6)));
  calendar::SetTimestamp(r.Int(7), n.mutable_create_time());
  calendar::SetTimestamp(r.Int(8), n.mutable_update_time());
  n.set_expected_meetings_per_year(static_cast<int>(r.Int(9)));
  if (r.Int(10) > 0) *n.mutable_action_plan_set_date() = UtcDateOf(r.Int(10));
  // Unset: the day it was created.
  if (auto day = r.IsNull(11) ? std::nullopt : calendar::FromIsoText(r.Text(11))) {
    *n.mutable_established_date() = *day;
  } else {
    *n.mutable_established_date() = UtcDateOf(r.Int(7));
  }

  WP_ASSIGN_OR_RETURN(auto coordinators, tx.Query(
      "SELECT authority, person, start_day, end_day FROM network_coordinators WHERE network_id = ? "
      "ORDER BY authority", {id}));
  for (const Row& c : coordinators) {
    v1::Coordinator* out = n.add_coordinators();
    out->set_authority(c.Text(0));
    out->set_person(c.Text(1));
    if (auto start = c.IsNull(2) ? std::nullopt : calendar::FromIsoText(c.Text(2))) *out->mutable_start_date() = *start;
    if (auto end = c.IsNull(3) ? std::nullopt : calendar::FromIsoText(c.Text(3))) *out->mutable_term_end_date() = *end;
  }
  WP_ASSIGN_OR_RETURN(auto meetings, tx.QueryOne(
      "SELECT COUNT(*), MAX(meeting_date) FROM network_meetings WHERE network_id = ?", {id}));
  n.set_meetings_held(static_cast<int>(meetings.Int(0)));
  if (!meetings.IsNull(1)) {
    if (auto date = calendar::FromIsoText(meetings.Text(1))) *n.mutable_last_meeting_date() = *date;
  }
  return n;
}

}  // namespace

absl::StatusOr<v1::Network> LoadNetwork(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kNetworkColumns, " FROM networks WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat("networks/", id, " does not exist"));
  return NetworkFromRow(tx, rows.front());
}

absl::Status InsertNetwork(store::Transaction& tx, const std::string& id, const v1::Network& network,
                           const std::string& owning_period, int owning_number, absl::Time now) {
  auto n = tx.Execute(
      "INSERT INTO networks (id, title, kind, owning_period, owning_number, priorities, version, "
      "create_us, update_us, expected_meetings_per_year, plan_set_us, established_day) "
      "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
      {id, network.title(), static_cast<int64_t>(network.kind()), owning_period,
       static_cast<int64_t>(owning_number), absl::StrJoin(network.priorities(), "\n"),
       calendar::Micros(now), calendar::Micros(now),
       static_cast<int64_t>(network.expected_meetings_per_year() > 0 ? network.expected_meetings_per_year()
                                                                     : kDefaultMeetingsPerYear),
       network.priorities().empty() ? int64_t{0} : calendar::Micros(now), DayOrNull(network.established_date())});
  if (n.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::AlreadyExistsError(absl::StrCat("networks/", id, " already exists"));
  }
  if (!n.ok()) return n.status();
  for (const v1::Coordinator& c : network.coordinators()) {
    WP_RETURN_IF_ERROR(SetNetworkCoordinator(tx, id, c));
  }
  return absl::OkStatus();
}

absl::Status SetNetworkCoordinator(store::Transaction& tx, const std::string& id,
                                   const v1::Coordinator& coordinator) {
  if (coordinator.person().empty()) {
    return tx
        .Execute("DELETE FROM network_coordinators WHERE network_id = ? AND authority = ?",
                 {id, coordinator.authority()})
        .status();
  }
  return tx
      .Execute(
          "INSERT INTO network_coordinators (network_id, authority, person, start_day, end_day) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (network_id, authority) DO UPDATE SET "
          "person = excluded.person, start_day = excluded.start_day, end_day = excluded.end_day",
          {id, coordinator.authority(), coordinator.person(), DayOrNull(coordinator.start_date()),
           DayOrNull(coordinator.term_end_date())})
      .status();
}

absl::Status SetNetworkPriorities(store::Transaction& tx, const std::string& id,
                                  const std::vector<std::string>& priorities, absl::Time now) {
  return tx
      .Execute("UPDATE networks SET priorities = ?, plan_set_us = ? WHERE id = ?",
               {absl::StrJoin(priorities, "\n"), calendar::Micros(now), id})
      .status();
}

absl::Status SetNetworkCadence(store::Transaction& tx, const std::string& id, int meetings_per_year) {
  return tx
      .Execute("UPDATE networks SET expected_meetings_per_year = ? WHERE id = ?",
               {static_cast<int64_t>(meetings_per_year), id})
      .status();
}

absl::StatusOr<std::vector<absl::CivilDay>> LoadMeetingDays(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT meeting_date FROM network_meetings WHERE network_id = ? ORDER BY meeting_date", {id}));
  std::vector<absl::CivilDay> days;
  for (const Row& r : rows) {
    if (auto date = calendar::FromIsoText(r.Text(0))) days.push_back(calendar::LastDayCovered(*date));
  }
  return days;
}

absl::StatusOr<v1::NetworkSustainabilityStatus> LoadPublishedStatus(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT published_status FROM networks WHERE id = ?", {id}));
  return static_cast<v1::NetworkSustainabilityStatus>(row.Int(0));
}

absl::Status SetPublishedStatus(store::Transaction& tx, const std::string& id,
                                v1::NetworkSustainabilityStatus status) {
  return tx.Execute("UPDATE networks SET published_status = ? WHERE id = ?", {static_cast<int64_t>(status), id})
      .status();
}

absl::StatusOr<std::vector<std::string>> ListNetworkIds(store::Transaction& tx) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM networks ORDER BY id", {}));
  std::vector<std::string> ids;
  for (const Row& r : rows) ids.push_back(r.Text(0));
  return ids;
}

absl::Status TouchNetwork(store::Transaction& tx, const std::string& id, int64_t expected_version,
                          absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE networks SET version = version + 1, update_us = ? WHERE id = ? AND version = ?",
      {calendar::Micros(now), id, expected_version}));
  if (n == 0) return absl::AbortedError(absl::StrCat("networks/", id, " changed meanwhile; retry"));
  return absl::OkStatus();
}

absl::StatusOr<v1::NetworkMeeting> InsertMeeting(store::Transaction& tx, const std::string& id,
                                                 const v1::NetworkMeeting& meeting, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto next, tx.QueryOne(
      "SELECT COALESCE(MAX(number), 0) + 1 FROM network_meetings WHERE network_id = ?", {id}));
  const int64_t number = next.Int(0);
  WP_RETURN_IF_ERROR(tx.Execute(
      "INSERT INTO network_meetings (network_id, number, meeting_date, attendance, "
      "authorities_present, notes, create_us) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, number, calendar::ToIsoText(meeting.meeting_date()),
       static_cast<int64_t>(meeting.attendance()), absl::StrJoin(meeting.authorities_present(), ","),
       meeting.notes(), calendar::Micros(now)}).status());
  v1::NetworkMeeting stored = meeting;
  stored.set_name(absl::StrCat("networks/", id, "/meetings/", number));
  *stored.mutable_create_time() = calendar::TimestampOf(now);
  return stored;
}

absl::StatusOr<std::vector<v1::NetworkMeeting>> LoadMeetings(store::Transaction& tx,
                                                             const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT number, meeting_date, attendance, authorities_present, notes, create_us "
      "FROM network_meetings WHERE network_id = ? ORDER BY meeting_date, number",
      {id}));
  std::vector<v1::NetworkMeeting> meetings;
  for (const Row& r : rows) {
    v1::NetworkMeeting& m = meetings.emplace_back();
    m.set_name(absl::StrCat("networks/", id, "/meetings/", r.Int(0)));
    if (auto date = calendar::FromIsoText(r.Text(1))) *m.mutable_meeting_date() = *date;
    m.set_attendance(static_cast<int>(r.Int(2)));
    if (!r.Text(3).empty()) {
      for (absl::string_view a : absl::StrSplit(r.Text(3), ',')) m.add_authorities_present(std::string(a));
    }
    m.set_notes(r.Text(4));
    calendar::SetTimestamp(r.Int(5), m.mutable_create_time());
  }
  return meetings;
}

absl::StatusOr<std::vector<v1::Network>> ListNetworks(store::Transaction& tx,
                                                      const std::string& owning_period,
                                                      int owning_number, v1::NetworkKind kind,
                                                      const std::string& after_id, int limit) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kNetworkColumns,
                   " FROM networks WHERE id > ? AND (? = '' OR (owning_period = ? AND owning_number = ?)) "
                   "AND (? = 0 OR kind = ?) ORDER BY id LIMIT ?"),
      {after_id, owning_period, owning_period, static_cast<int64_t>(owning_number),
       static_cast<int64_t>(kind), static_cast<int64_t>(kind), static_cast<int64_t>(limit)}));
  std::vector<v1::Network> networks;
  for (const Row& r : rows) {
    WP_ASSIGN_OR_RETURN(auto n, NetworkFromRow(tx, r));
    networks.push_back(std::move(n));
  }
  return networks;
}

}  // namespace wp::workstreams
