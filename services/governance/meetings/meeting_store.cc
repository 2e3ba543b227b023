#include "services/governance/meetings/meeting_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/sql_conditions.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance::meetings_internal {
namespace {

using store::Row;
using store::Value;

constexpr char kMeetingColumns[] =
    "m.body_id, m.number, m.title, m.meeting_day, m.location, m.state, m.agenda_pb, m.attendance_pb, "
    "m.quorum_pb, m.cancel_reason, m.version, m.create_us, m.update_us, "
    "(SELECT COUNT(*) FROM decisions d WHERE d.body_id = m.body_id AND d.meeting_number = m.number)";

absl::StatusOr<v1::Meeting> MeetingFromRow(const Row& r) {
  v1::Meeting m;
  m.set_name(MeetingName(r.Text(0), r.Int(1)));
  m.set_body(BodyName(r.Text(0)));
  m.set_title(r.Text(2));
  if (auto day = DayFromText(r.Text(3))) *m.mutable_meeting_date() = *day;
  m.set_location(r.Text(4));
  m.set_state(static_cast<v1::Meeting::State>(r.Int(5)));
  if (!r.IsNull(6)) {
    v1::Meeting agenda;
    if (!agenda.ParseFromString(r.Text(6))) return absl::DataLossError(m.name() + ": unreadable agenda");
    *m.mutable_agenda_items() = agenda.agenda_items();
  }
  if (!r.IsNull(7) && !m.mutable_attendance()->ParseFromString(r.Text(7))) {
    return absl::DataLossError(m.name() + ": unreadable attendance");
  }
  if (!r.IsNull(8) && !m.mutable_quorum()->ParseFromString(r.Text(8))) {
    return absl::DataLossError(m.name() + ": unreadable quorum check");
  }
  m.set_cancel_reason(r.Text(9));
  m.set_etag(store::EtagOf(r.Int(10)));
  calendar::SetTimestamp(r.Int(11), m.mutable_create_time());
  calendar::SetTimestamp(r.Int(12), m.mutable_update_time());
  m.set_decision_count(static_cast<int32_t>(r.Int(13)));
  return m;
}

absl::StatusOr<std::vector<v1::Meeting>> MeetingsFrom(const std::vector<Row>& rows) {
  std::vector<v1::Meeting> meetings;
  for (const Row& r : rows) {
    WP_ASSIGN_OR_RETURN(auto m, MeetingFromRow(r));
    meetings.push_back(std::move(m));
  }
  return meetings;
}

Value AgendaValue(const v1::Meeting& meeting) {
  v1::Meeting agenda;
  *agenda.mutable_agenda_items() = meeting.agenda_items();
  return store::Blob{agenda.SerializeAsString()};
}

Value OptionalBlob(bool present, const google::protobuf::Message& message) {
  if (!present) return Value();
  return store::Blob{message.SerializeAsString()};
}

}  // namespace

absl::StatusOr<v1::Meeting> LoadMeeting(store::Transaction& tx, const std::string& body_id, int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kMeetingColumns, " FROM meetings m WHERE m.body_id = ? AND m.number = ?"),
      {body_id, number}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(MeetingName(body_id, number), " does not exist"));
  return MeetingFromRow(rows.front());
}

absl::StatusOr<int64_t> NextMeetingNumber(store::Transaction& tx, const std::string& body_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE body_id = ?", {body_id}));
  return row.Int(0);
}

absl::Status InsertMeeting(store::Transaction& tx, const std::string& body_id, int64_t number,
                           const v1::Meeting& meeting, absl::Time now) {
  return tx
      .Execute(
          "INSERT INTO meetings (body_id, number, title, meeting_day, location, state, agenda_pb, version, "
          "create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {body_id, number, meeting.title(), DayText(meeting.meeting_date()), meeting.location(),
           static_cast<int64_t>(v1::Meeting::SCHEDULED), AgendaValue(meeting), calendar::Micros(now), calendar::Micros(now)})
      .status();
}

absl::Status SaveMeeting(store::Transaction& tx, const std::string& body_id, int64_t number,
                         const v1::Meeting& meeting, int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto changed, tx.Execute(
      "UPDATE meetings SET title = ?, meeting_day = ?, location = ?, state = ?, agenda_pb = ?, "
      "attendance_pb = ?, quorum_pb = ?, cancel_reason = ?, version = version + 1, update_us = ? "
      "WHERE body_id = ? AND number = ? AND version = ?",
      {meeting.title(), DayText(meeting.meeting_date()), meeting.location(), static_cast<int64_t>(meeting.state()),
       AgendaValue(meeting), OptionalBlob(meeting.has_attendance(), meeting.attendance()),
       OptionalBlob(meeting.has_quorum(), meeting.quorum()), meeting.cancel_reason(), calendar::Micros(now), body_id,
       number, expected_version}));
  if (changed == 0) {
    return absl::AbortedError(absl::StrCat(MeetingName(body_id, number), " changed meanwhile; read it again"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Meeting>> ListMeetingRows(store::Transaction& tx, const MeetingFilter& filter,
                                                         const std::optional<MeetingPosition>& after,
                                                         int limit) {
  store::SqlConditions where;
  if (!filter.body_id.empty()) where.Add("m.body_id = ?", {filter.body_id});
  where.AddIn("m.state", std::vector<int64_t>(filter.states.begin(), filter.states.end()));
  if (!filter.from_day.empty()) where.Add("m.meeting_day >= ?", {filter.from_day});
  if (!filter.to_day.empty()) where.Add("m.meeting_day <= ?", {filter.to_day});
  if (after.has_value()) {
    where.Add("(m.meeting_day > ? OR (m.meeting_day = ? AND (m.body_id > ? OR (m.body_id = ? AND m.number > ?))))",
              {after->day, after->day, after->body_id, after->body_id, after->number});
  }
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kMeetingColumns, " FROM meetings m WHERE ", where.Sql(),
                                                       " ORDER BY m.meeting_day, m.body_id, m.number LIMIT ?"),
                                          where.ParamsThen({static_cast<int64_t>(limit)})));
  return MeetingsFrom(rows);
}

absl::StatusOr<std::optional<v1::Meeting>> PreviousHeldMeeting(store::Transaction& tx,
                                                               const std::string& body_id,
                                                               const std::string& day, int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kMeetingColumns,
                                    " FROM meetings m WHERE m.body_id = ? AND m.state = ? AND "
                                    "(m.meeting_day < ? OR (m.meeting_day = ? AND m.number < ?)) "
                                    "ORDER BY m.meeting_day DESC, m.number DESC LIMIT 1"),
                       {body_id, static_cast<int64_t>(v1::Meeting::HELD), day, day, number}));
  if (rows.empty()) return std::optional<v1::Meeting>();
  WP_ASSIGN_OR_RETURN(auto meeting, MeetingFromRow(rows.front()));
  return std::optional<v1::Meeting>(std::move(meeting));
}

}  // namespace wp::governance::meetings_internal
