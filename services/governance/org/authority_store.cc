#include "services/governance/org/authority_store.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;

constexpr char kPopulationColumns[] =
    "authority, session, learners, teachers_and_practitioners, establishments, quintiles, source, "
    "version, create_us, update_us";

// "1:40,2:31", as the populations table keeps them.
std::string QuintilesText(const v1::Population& p) {
  std::vector<std::string> pairs;
  for (const v1::QuintileCount& q : p.establishments_by_quintile()) {
    pairs.push_back(absl::StrCat(q.quintile(), ":", q.establishments()));
  }
  return absl::StrJoin(pairs, ",");
}

void ParseQuintiles(absl::string_view text, v1::Population* p) {
  if (text.empty()) return;
  for (absl::string_view pair : absl::StrSplit(text, ',')) {
    std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(pair, ':');
    int32_t quintile = 0;
    int32_t establishments = 0;
    if (!absl::SimpleAtoi(parts.first, &quintile) || !absl::SimpleAtoi(parts.second, &establishments)) continue;
    v1::QuintileCount* q = p->add_establishments_by_quintile();
    q->set_quintile(quintile);
    q->set_establishments(establishments);
  }
}

v1::Population PopulationFromRow(const Row& r) {
  v1::Population p;
  p.set_name(PopulationName(r.Text(0), r.Text(1)));
  p.set_authority(AuthorityName(r.Text(0)));
  p.set_session(r.Text(1));
  p.set_learners(static_cast<int32_t>(r.Int(2)));
  p.set_teachers_and_practitioners(static_cast<int32_t>(r.Int(3)));
  p.set_establishments(static_cast<int32_t>(r.Int(4)));
  ParseQuintiles(r.Text(5), &p);
  p.set_source(r.Text(6));
  p.set_etag(store::EtagOf(r.Int(7)));
  calendar::SetTimestamp(r.Int(8), p.mutable_create_time());
  calendar::SetTimestamp(r.Int(9), p.mutable_update_time());
  return p;
}

v1::Authority AuthorityFromRow(const Row& r) {
  v1::Authority a;
  a.set_name(AuthorityName(r.Text(0)));
  a.set_code(r.Text(0));
  a.set_display_name(r.Text(1));
  a.set_council_name(r.Text(2));
  return a;
}

}  // namespace

absl::StatusOr<v1::Authority> LoadAuthority(store::Transaction& tx, const std::string& code) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT code, display_name, council_name FROM authorities WHERE code = ?", {code}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(AuthorityName(code), " does not exist"));
  return AuthorityFromRow(rows.front());
}

absl::StatusOr<std::vector<v1::Authority>> ListAuthorityRows(store::Transaction& tx,
                                                             const std::string& after_code, int limit) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT code, display_name, council_name FROM authorities WHERE code > ? ORDER BY code LIMIT ?",
      {after_code, static_cast<int64_t>(limit)}));
  std::vector<v1::Authority> authorities;
  for (const Row& r : rows) authorities.push_back(AuthorityFromRow(r));
  return authorities;
}

absl::StatusOr<std::optional<v1::Population>> FindPopulation(store::Transaction& tx,
                                                             const std::string& code,
                                                             const std::string& session) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kPopulationColumns, " FROM populations WHERE authority = ? AND session = ?"),
      {code, session}));
  if (rows.empty()) return std::optional<v1::Population>();
  return std::optional<v1::Population>(PopulationFromRow(rows.front()));
}

absl::Status InsertPopulation(store::Transaction& tx, const std::string& code, const std::string& session,
                              const v1::Population& figures, absl::Time now) {
  return tx
      .Execute(
          "INSERT INTO populations (authority, session, learners, teachers_and_practitioners, "
          "establishments, quintiles, source, version, create_us, update_us) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {code, session, static_cast<int64_t>(figures.learners()),
           static_cast<int64_t>(figures.teachers_and_practitioners()),
           static_cast<int64_t>(figures.establishments()), QuintilesText(figures), figures.source(),
           calendar::Micros(now), calendar::Micros(now)})
      .status();
}

absl::Status SavePopulation(store::Transaction& tx, const std::string& code, const std::string& session,
                            const v1::Population& figures, int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE populations SET learners = ?, teachers_and_practitioners = ?, establishments = ?, "
      "quintiles = ?, source = ?, version = version + 1, update_us = ? "
      "WHERE authority = ? AND session = ? AND version = ?",
      {static_cast<int64_t>(figures.learners()), static_cast<int64_t>(figures.teachers_and_practitioners()),
       static_cast<int64_t>(figures.establishments()), QuintilesText(figures), figures.source(), calendar::Micros(now),
       code, session, expected_version}));
  if (n == 0) {
    return absl::AbortedError(absl::StrCat(PopulationName(code, session), " changed meanwhile; retry"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Population>> ListPopulationRows(store::Transaction& tx,
                                                               const std::string& code,
                                                               const std::string& session,
                                                               const PopulationKey& after, int limit) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kPopulationColumns,
                   " FROM populations WHERE (? = '' OR authority = ?) AND (? = '' OR session = ?) "
                   "AND (authority > ? OR (authority = ? AND session > ?)) "
                   "ORDER BY authority, session LIMIT ?"),
      {code, code, session, session, after.code, after.code, after.session, static_cast<int64_t>(limit)}));
  std::vector<v1::Population> populations;
  for (const Row& r : rows) populations.push_back(PopulationFromRow(r));
  return populations;
}

}  // namespace wp::governance
