#include "services/governance/org/body_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;

// The last column counts memberships current on the day bound first.
constexpr char kBodySelect[] =
    "SELECT b.id, b.kind, b.title, b.description, b.cadence, b.quorum_minimum, b.chair_required, "
    "b.version, b.create_us, b.update_us, "
    "(SELECT COUNT(*) FROM memberships m WHERE m.body_id = b.id AND m.start_day <= ? "
    "AND (m.end_day IS NULL OR m.end_day >= ?)) FROM bodies b ";

v1::Body BodyFromRow(const Row& r) {
  v1::Body b;
  b.set_name(BodyName(r.Text(0)));
  b.set_kind(static_cast<v1::Body::Kind>(r.Int(1)));
  b.set_title(r.Text(2));
  b.set_description(r.Text(3));
  b.set_cadence(r.Text(4));
  b.mutable_quorum_rule()->set_minimum_members(static_cast<int32_t>(r.Int(5)));
  b.mutable_quorum_rule()->set_chair_required(r.Int(6) != 0);
  b.set_etag(store::EtagOf(r.Int(7)));
  calendar::SetTimestamp(r.Int(8), b.mutable_create_time());
  calendar::SetTimestamp(r.Int(9), b.mutable_update_time());
  b.set_current_members(static_cast<int32_t>(r.Int(10)));
  return b;
}

}  // namespace

absl::StatusOr<v1::Body> LoadBody(store::Transaction& tx, const std::string& id, const std::string& today) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat(kBodySelect, "WHERE b.id = ?"), {today, today, id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(BodyName(id), " does not exist"));
  return BodyFromRow(rows.front());
}

absl::Status InsertBody(store::Transaction& tx, const std::string& id, const v1::Body& body, absl::Time now) {
  auto n = tx.Execute(
      "INSERT INTO bodies (id, kind, title, description, cadence, quorum_minimum, chair_required, "
      "version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
      {id, static_cast<int64_t>(body.kind()), body.title(), body.description(), body.cadence(),
       static_cast<int64_t>(body.quorum_rule().minimum_members()),
       static_cast<int64_t>(body.quorum_rule().chair_required() ? 1 : 0), calendar::Micros(now), calendar::Micros(now)});
  if (n.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::AlreadyExistsError(absl::StrCat(BodyName(id), " already exists"));
  }
  return n.status();
}

absl::Status SaveBody(store::Transaction& tx, const std::string& id, const v1::Body& body,
                      int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE bodies SET title = ?, description = ?, cadence = ?, quorum_minimum = ?, chair_required = ?, "
      "version = version + 1, update_us = ? WHERE id = ? AND version = ?",
      {body.title(), body.description(), body.cadence(),
       static_cast<int64_t>(body.quorum_rule().minimum_members()),
       static_cast<int64_t>(body.quorum_rule().chair_required() ? 1 : 0), calendar::Micros(now), id,
       expected_version}));
  if (n == 0) return absl::AbortedError(absl::StrCat(BodyName(id), " changed meanwhile; retry"));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Body>> ListBodyRows(store::Transaction& tx, v1::Body::Kind kind,
                                                   const BodyKey& after, int limit, const std::string& today) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat(kBodySelect,
                   "WHERE (? = 0 OR b.kind = ?) AND (b.kind > ? OR (b.kind = ? AND (b.title > ? "
                   "OR (b.title = ? AND b.id > ?)))) ORDER BY b.kind, b.title, b.id LIMIT ?"),
      {today, today, static_cast<int64_t>(kind), static_cast<int64_t>(kind), after.kind, after.kind,
       after.title, after.title, after.id, static_cast<int64_t>(limit)}));
  std::vector<v1::Body> bodies;
  for (const Row& r : rows) bodies.push_back(BodyFromRow(r));
  return bodies;
}

}  // namespace wp::governance
