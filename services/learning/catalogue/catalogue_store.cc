#include "services/learning/catalogue/catalogue_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/learning/catalogue/event_rules.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

constexpr char kProgrammeColumns[] =
    "id, title, description, workstream, network, completion_min_events, version, create_us, update_us";

v1::Programme ProgrammeOfRow(const store::Row& row) {
  v1::Programme p;
  p.set_name(ProgrammeName(row.Text(0)));
  p.set_title(row.Text(1));
  p.set_description(row.Text(2));
  p.set_workstream(row.Text(3));
  p.set_network(row.Text(4));
  p.set_completion_min_events(static_cast<int32_t>(row.Int(5)));
  p.set_etag(store::EtagOf(row.Int(6)));
  calendar::SetTimestamp(row.Int(7), p.mutable_create_time());
  calendar::SetTimestamp(row.Int(8), p.mutable_update_time());
  return p;
}

constexpr char kEventColumns[] =
    "id, title, programme_id, format, delivery, sectors, roles, start_us, end_us, capacity, facilitators, "
    "cutoff_us, location, status, cancel_reason, placed, waiting, version, create_us, update_us";

v1::LearningEvent EventOfRow(const store::Row& row) {
  v1::LearningEvent e;
  e.set_name(EventName(row.Text(0)));
  e.set_title(row.Text(1));
  if (!row.Text(2).empty()) e.set_programme(ProgrammeName(row.Text(2)));
  e.set_format(static_cast<v1::EventFormat>(row.Int(3)));
  e.set_delivery(static_cast<v1::Delivery>(row.Int(4)));
  DecodeSectors(row.Text(5), e);
  DecodeRoles(row.Text(6), e);
  calendar::SetTimestamp(row.Int(7), e.mutable_start_time());
  calendar::SetTimestamp(row.Int(8), e.mutable_end_time());
  e.set_capacity(static_cast<int32_t>(row.Int(9)));
  for (absl::string_view f : absl::StrSplit(row.Text(10), '\n', absl::SkipEmpty())) e.add_facilitators(std::string(f));
  calendar::SetTimestamp(row.Int(11), e.mutable_registration_cutoff());
  e.set_location(row.Text(12));
  e.set_status(static_cast<v1::EventStatus>(row.Int(13)));
  e.set_cancel_reason(row.Text(14));
  e.set_registered(static_cast<int32_t>(row.Int(15)));
  e.set_waiting(static_cast<int32_t>(row.Int(16)));
  e.set_etag(store::EtagOf(row.Int(17)));
  calendar::SetTimestamp(row.Int(18), e.mutable_create_time());
  calendar::SetTimestamp(row.Int(19), e.mutable_update_time());
  return e;
}

int64_t MicrosOf(const google::protobuf::Timestamp& t) { return calendar::Micros(TimeOf(t)); }

// The programme id of an event's programme name, "" for none (checked before).
std::string ProgrammeIdIn(const v1::LearningEvent& event) {
  if (event.programme().empty()) return "";
  absl::StatusOr<std::string> id = ProgrammeIdOf(event.programme(), "programme");
  return id.ok() ? *id : "";
}

absl::Status CheckSaved(int64_t changed, const std::string& name) {
  if (changed == 1) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat(name, " changed meanwhile; read it again and retry"));
}

}  // namespace

absl::Status InsertProgramme(store::Transaction& tx, const std::string& id, const v1::Programme& programme,
                             absl::Time now) {
  const int64_t now_us = calendar::Micros(now);
  return tx
      .Execute(absl::StrCat("INSERT INTO programmes (", kProgrammeColumns, ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"),
               {id, programme.title(), programme.description(), programme.workstream(), programme.network(),
                static_cast<int64_t>(programme.completion_min_events()), now_us, now_us})
      .status();
}

absl::StatusOr<v1::Programme> LoadProgramme(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kProgrammeColumns, " FROM programmes WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(ProgrammeName(id), " does not exist"));
  return ProgrammeOfRow(rows.front());
}

absl::Status SaveProgramme(store::Transaction& tx, const std::string& id, const v1::Programme& programme,
                           int64_t version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE programmes SET title = ?, description = ?, workstream = ?, network = ?, "
                                 "completion_min_events = ?, version = version + 1, update_us = ? "
                                 "WHERE id = ? AND version = ?",
                                 {programme.title(), programme.description(), programme.workstream(),
                                  programme.network(), static_cast<int64_t>(programme.completion_min_events()),
                                  calendar::Micros(now), id, version}));
  return CheckSaved(changed, ProgrammeName(id));
}

absl::StatusOr<std::vector<v1::Programme>> ListProgrammeRows(store::Transaction& tx, const std::string& workstream,
                                                             const std::string& after_id, int limit) {
  std::string sql = absl::StrCat("SELECT ", kProgrammeColumns, " FROM programmes WHERE id > ?");
  std::vector<store::Value> params = {after_id};
  if (!workstream.empty()) {
    sql += " AND workstream = ?";
    params.push_back(workstream);
  }
  sql += " ORDER BY id LIMIT ?";
  params.push_back(static_cast<int64_t>(limit));
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<v1::Programme> out;
  out.reserve(rows.size());
  for (const store::Row& row : rows) out.push_back(ProgrammeOfRow(row));
  return out;
}

absl::Status InsertEvent(store::Transaction& tx, const std::string& id, const v1::LearningEvent& event,
                         absl::Time now) {
  const int64_t now_us = calendar::Micros(now);
  return tx
      .Execute("INSERT INTO learning_events (id, title, programme_id, format, delivery, sectors, roles, start_us, "
               "end_us, capacity, facilitators, cutoff_us, location, status, version, create_us, update_us) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
               {id, event.title(), ProgrammeIdIn(event), static_cast<int64_t>(event.format()),
                static_cast<int64_t>(event.delivery()), EncodeSectors(event), EncodeRoles(event),
                MicrosOf(event.start_time()), MicrosOf(event.end_time()), static_cast<int64_t>(event.capacity()),
                absl::StrJoin(event.facilitators(), "\n"), MicrosOf(event.registration_cutoff()), event.location(),
                static_cast<int64_t>(v1::SCHEDULED), now_us, now_us})
      .status();
}

absl::StatusOr<v1::LearningEvent> LoadEvent(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kEventColumns, " FROM learning_events WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(EventName(id), " does not exist"));
  return EventOfRow(rows.front());
}

absl::Status SaveEvent(store::Transaction& tx, const std::string& id, const v1::LearningEvent& event,
                       int64_t version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(
      int64_t changed,
      tx.Execute("UPDATE learning_events SET title = ?, format = ?, delivery = ?, sectors = ?, roles = ?, "
                 "start_us = ?, end_us = ?, capacity = ?, facilitators = ?, cutoff_us = ?, location = ?, "
                 "status = ?, cancel_reason = ?, version = version + 1, update_us = ? WHERE id = ? AND version = ?",
                 {event.title(), static_cast<int64_t>(event.format()), static_cast<int64_t>(event.delivery()),
                  EncodeSectors(event), EncodeRoles(event), MicrosOf(event.start_time()), MicrosOf(event.end_time()),
                  static_cast<int64_t>(event.capacity()), absl::StrJoin(event.facilitators(), "\n"),
                  MicrosOf(event.registration_cutoff()), event.location(), static_cast<int64_t>(event.status()),
                  event.cancel_reason(), calendar::Micros(now), id, version}));
  return CheckSaved(changed, EventName(id));
}

absl::StatusOr<std::vector<v1::LearningEvent>> ListEventRows(store::Transaction& tx, const EventFilter& filter,
                                                             int64_t after_start_us, const std::string& after_id,
                                                             int limit) {
  std::string sql = absl::StrCat("SELECT ", kEventColumns,
                                 " FROM learning_events WHERE (start_us > ? OR (start_us = ? AND id > ?))"
                                 " AND start_us >= ? AND start_us < ?");
  std::vector<store::Value> params = {after_start_us, after_start_us, after_id, filter.start_from_us,
                                      filter.start_before_us};
  if (!filter.programme_id.empty()) {
    sql += " AND programme_id = ?";
    params.push_back(filter.programme_id);
  }
  if (filter.status != v1::EVENT_STATUS_UNSPECIFIED) {
    sql += " AND status = ?";
    params.push_back(static_cast<int64_t>(filter.status));
  }
  sql += " ORDER BY start_us, id LIMIT ?";
  params.push_back(static_cast<int64_t>(limit));
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<v1::LearningEvent> out;
  out.reserve(rows.size());
  for (const store::Row& row : rows) out.push_back(EventOfRow(row));
  return out;
}

}  // namespace wp::learning
