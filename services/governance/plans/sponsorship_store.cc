#include "services/governance/plans/sponsorship_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;

constexpr char kSelect[] =
    "SELECT s.plan_id, s.number, s.workstream_number, s.person_id, p.display_name, s.board_membership, "
    "s.start_day, s.end_day, s.meeting, s.decision, s.end_reason, s.version, s.create_us, s.update_us, "
    "pl.session_span FROM sponsorships s JOIN people p ON p.id = s.person_id "
    "JOIN plans pl ON pl.id = s.plan_id";

v1::Sponsorship FromRow(const Row& r) {
  v1::Sponsorship s;
  s.set_name(SponsorshipName(r.Text(0), r.Int(1)));
  s.set_workstream_number(static_cast<int32_t>(r.Int(2)));
  s.set_workstream(WorkstreamName(r.Text(14), r.Int(2)));
  s.set_sponsor(PersonName(r.Text(3)));
  s.set_sponsor_display_name(r.Text(4));
  s.set_board_membership(r.Text(5));
  if (auto day = DayFromText(r.Text(6))) *s.mutable_start_date() = *day;
  if (auto day = DayFromText(r.Text(7))) *s.mutable_end_date() = *day;
  s.set_meeting(r.Text(8));
  s.set_decision(r.Text(9));
  s.set_end_reason(r.Text(10));
  s.set_etag(store::EtagOf(r.Int(11)));
  calendar::SetTimestamp(r.Int(12), s.mutable_create_time());
  calendar::SetTimestamp(r.Int(13), s.mutable_update_time());
  return s;
}

}  // namespace

absl::StatusOr<v1::Sponsorship> LoadSponsorship(store::Transaction& tx, const std::string& plan_id,
                                                int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat(kSelect, " WHERE s.plan_id = ? AND s.number = ?"), {plan_id, number}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(SponsorshipName(plan_id, number), " does not exist"));
  }
  return FromRow(rows.front());
}

absl::StatusOr<int64_t> InsertSponsorship(store::Transaction& tx, const NewSponsorship& row, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto next, tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM sponsorships WHERE plan_id = ?",
                          {row.plan_id}));
  const int64_t number = next.Int(0);
  WP_RETURN_IF_ERROR(tx.Execute(
      "INSERT INTO sponsorships (plan_id, number, workstream_number, person_id, board_membership, "
      "start_day, meeting, decision, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
      {row.plan_id, number, static_cast<int64_t>(row.workstream_number), row.person_id, row.board_membership,
       row.start_day, row.meeting, row.decision, calendar::Micros(now), calendar::Micros(now)}).status());
  return number;
}

absl::Status EndSponsorshipRow(store::Transaction& tx, const std::string& plan_id, int64_t number,
                               const std::string& end_day, const std::string& reason,
                               int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE sponsorships SET end_day = ?, end_reason = ?, version = version + 1, update_us = ? "
      "WHERE plan_id = ? AND number = ? AND version = ?",
      {end_day, reason, calendar::Micros(now), plan_id, number, expected_version}));
  if (n == 0) {
    return absl::AbortedError(absl::StrCat(SponsorshipName(plan_id, number), " changed meanwhile; read it again"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> SponsorshipOverlapping(store::Transaction& tx,
                                                                  const std::string& plan_id,
                                                                  int32_t workstream_number,
                                                                  const std::string& person_id,
                                                                  const std::string& day) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT number FROM sponsorships WHERE plan_id = ? AND workstream_number = ? AND person_id = ? "
      "AND (end_day IS NULL OR end_day >= ?) ORDER BY number LIMIT 1",
      {plan_id, static_cast<int64_t>(workstream_number), person_id, day}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(SponsorshipName(plan_id, rows.front().Int(0)));
}

absl::StatusOr<std::vector<v1::Sponsorship>> ListSponsorships(store::Transaction& tx,
                                                              const SponsorshipListQuery& query) {
  std::string sql = absl::StrCat(kSelect, " WHERE 1 = 1");
  std::vector<store::Value> params;
  if (!query.plan_id.empty()) {
    absl::StrAppend(&sql, " AND s.plan_id = ?");
    params.emplace_back(query.plan_id);
  }
  if (query.workstream_number != 0) {
    absl::StrAppend(&sql, " AND s.workstream_number = ?");
    params.emplace_back(static_cast<int64_t>(query.workstream_number));
  }
  if (!query.person_id.empty()) {
    absl::StrAppend(&sql, " AND s.person_id = ?");
    params.emplace_back(query.person_id);
  }
  if (!query.active_on.empty()) {
    absl::StrAppend(&sql, " AND s.start_day <= ? AND (s.end_day IS NULL OR s.end_day >= ?)");
    params.emplace_back(query.active_on);
    params.emplace_back(query.active_on);
  }
  if (!query.after_plan_id.empty()) {
    absl::StrAppend(&sql,
                    " AND (s.plan_id > ? OR (s.plan_id = ? AND (s.workstream_number > ? OR "
                    "(s.workstream_number = ? AND (s.start_day > ? OR (s.start_day = ? AND s.number > ?))))))");
    params.emplace_back(query.after_plan_id);
    params.emplace_back(query.after_plan_id);
    params.emplace_back(query.after_workstream_number);
    params.emplace_back(query.after_workstream_number);
    params.emplace_back(query.after_start_day);
    params.emplace_back(query.after_start_day);
    params.emplace_back(query.after_number);
  }
  absl::StrAppend(&sql, " ORDER BY s.plan_id, s.workstream_number, s.start_day, s.number LIMIT ?");
  params.emplace_back(static_cast<int64_t>(query.limit));
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<v1::Sponsorship> list;
  for (const Row& r : rows) list.push_back(FromRow(r));
  return list;
}

}  // namespace wp::governance
