#include "services/governance/org/membership_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;

// Stands for "no end" where days are compared as text.
constexpr char kNoEnd[] = "9999-12-31";

constexpr char kMembershipSelect[] =
    "SELECT m.body_id, m.number, m.person_id, p.display_name, m.role, m.role_title, m.authority, "
    "m.advisory, m.start_day, m.end_day, m.version, m.create_us, m.update_us "
    "FROM memberships m JOIN people p ON p.id = m.person_id ";

v1::Membership MembershipFromRow(const Row& r) {
  v1::Membership m;
  m.set_name(MembershipName(r.Text(0), r.Int(1)));
  m.set_person(PersonName(r.Text(2)));
  m.set_person_display_name(r.Text(3));
  m.set_role(static_cast<v1::Membership::Role>(r.Int(4)));
  m.set_role_title(r.Text(5));
  m.set_authority(r.Text(6));
  m.set_advisory(r.Int(7) != 0);
  if (auto day = DayFromText(r.Text(8))) *m.mutable_start_date() = *day;
  if (!r.IsNull(9)) {
    if (auto day = DayFromText(r.Text(9))) *m.mutable_end_date() = *day;
  }
  m.set_etag(store::EtagOf(r.Int(10)));
  calendar::SetTimestamp(r.Int(11), m.mutable_create_time());
  calendar::SetTimestamp(r.Int(12), m.mutable_update_time());
  return m;
}

absl::StatusOr<std::optional<int64_t>> FirstNumber(absl::StatusOr<std::vector<Row>> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().Int(0));
}

std::string EndOrOpen(const MembershipSpan& span) { return span.end_day.empty() ? kNoEnd : span.end_day; }

}  // namespace

absl::StatusOr<v1::Membership> LoadMembership(store::Transaction& tx, const std::string& body_id,
                                              int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat(kMembershipSelect, "WHERE m.body_id = ? AND m.number = ?"),
                                          {body_id, number}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(MembershipName(body_id, number), " does not exist"));
  }
  return MembershipFromRow(rows.front());
}

absl::StatusOr<int64_t> NextMembershipNumber(store::Transaction& tx, const std::string& body_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM memberships WHERE body_id = ?", {body_id}));
  return row.Int(0);
}

absl::Status InsertMembership(store::Transaction& tx, const std::string& body_id, int64_t number,
                              const std::string& person_id, const v1::Membership& membership, absl::Time now) {
  return tx
      .Execute(
          "INSERT INTO memberships (body_id, number, person_id, role, role_title, authority, advisory, "
          "start_day, end_day, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {body_id, number, person_id, static_cast<int64_t>(membership.role()), membership.role_title(),
           membership.authority(), static_cast<int64_t>(membership.advisory() ? 1 : 0),
           DayValue(membership.start_date()), DayValue(membership.end_date()), calendar::Micros(now), calendar::Micros(now)})
      .status();
}

absl::Status SaveMembership(store::Transaction& tx, const std::string& body_id, int64_t number,
                            const v1::Membership& membership, int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE memberships SET role = ?, role_title = ?, authority = ?, advisory = ?, start_day = ?, "
      "end_day = ?, version = version + 1, update_us = ? WHERE body_id = ? AND number = ? AND version = ?",
      {static_cast<int64_t>(membership.role()), membership.role_title(), membership.authority(),
       static_cast<int64_t>(membership.advisory() ? 1 : 0), DayValue(membership.start_date()),
       DayValue(membership.end_date()), calendar::Micros(now), body_id, number, expected_version}));
  if (n == 0) {
    return absl::AbortedError(absl::StrCat(MembershipName(body_id, number), " changed meanwhile; retry"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<int64_t>> OverlappingOfPerson(store::Transaction& tx, const std::string& body_id,
                                                           int64_t except_number, const std::string& person_id,
                                                           const MembershipSpan& span) {
  return FirstNumber(tx.Query(
      "SELECT number FROM memberships WHERE body_id = ? AND number <> ? AND person_id = ? "
      "AND start_day <= ? AND (end_day IS NULL OR end_day >= ?) ORDER BY number LIMIT 1",
      {body_id, except_number, person_id, EndOrOpen(span), span.start_day}));
}

absl::StatusOr<std::optional<int64_t>> OverlappingChair(store::Transaction& tx, const std::string& body_id,
                                                        int64_t except_number, const MembershipSpan& span) {
  return FirstNumber(tx.Query(
      "SELECT number FROM memberships WHERE body_id = ? AND number <> ? AND role = ? "
      "AND start_day <= ? AND (end_day IS NULL OR end_day >= ?) ORDER BY number LIMIT 1",
      {body_id, except_number, static_cast<int64_t>(v1::Membership::CHAIR), EndOrOpen(span), span.start_day}));
}

absl::StatusOr<std::vector<v1::Membership>> ListMembershipRows(store::Transaction& tx,
                                                               const MembershipFilter& filter,
                                                               const MembershipKey& after, int limit) {
  auto rows = tx.Query(
      absl::StrCat(kMembershipSelect,
                   "WHERE (? = '' OR m.body_id = ?) AND (? = '' OR m.person_id = ?) "
                   "AND (? = '' OR (m.start_day <= ? AND (m.end_day IS NULL OR m.end_day >= ?))) "
                   "AND (? = 0 OR m.role = ?) AND (? = '' OR m.authority = ?) "
                   "AND (m.body_id > ? OR (m.body_id = ? AND (m.start_day > ? "
                   "OR (m.start_day = ? AND m.number > ?)))) "
                   "ORDER BY m.body_id, m.start_day, m.number LIMIT ?"),
      {filter.body_id, filter.body_id, filter.person_id, filter.person_id, filter.active_on, filter.active_on,
       filter.active_on, filter.role, filter.role, filter.authority, filter.authority, after.body_id,
       after.body_id, after.start_day, after.start_day, after.number, static_cast<int64_t>(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<v1::Membership> memberships;
  for (const Row& r : *rows) memberships.push_back(MembershipFromRow(r));
  return memberships;
}

}  // namespace wp::governance
