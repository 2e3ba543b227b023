#include "services/governance/org/person_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;

constexpr char kPersonColumns[] = "id, display_name, authority, organisation, version, create_us, update_us";

v1::Person PersonFromRow(const Row& r) {
  v1::Person p;
  p.set_name(PersonName(r.Text(0)));
  p.set_display_name(r.Text(1));
  p.set_authority(r.Text(2));
  p.set_organisation(r.Text(3));
  p.set_etag(store::EtagOf(r.Int(4)));
  calendar::SetTimestamp(r.Int(5), p.mutable_create_time());
  calendar::SetTimestamp(r.Int(6), p.mutable_update_time());
  return p;
}

// `text` for a LIKE pattern, its wildcards taken literally (ESCAPE '\').
std::string LikeLiteral(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

absl::StatusOr<v1::Person> LoadPerson(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kPersonColumns, " FROM people WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(PersonName(id), " does not exist"));
  return PersonFromRow(rows.front());
}

absl::StatusOr<bool> PersonExists(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT 1 FROM people WHERE id = ?", {id}));
  return !rows.empty();
}

absl::Status InsertPerson(store::Transaction& tx, const std::string& id, const v1::Person& person,
                          absl::Time now) {
  auto n = tx.Execute(
      "INSERT INTO people (id, display_name, authority, organisation, version, create_us, update_us) "
      "VALUES (?, ?, ?, ?, 1, ?, ?)",
      {id, person.display_name(), person.authority(), person.organisation(), calendar::Micros(now), calendar::Micros(now)});
  if (n.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::AlreadyExistsError(absl::StrCat(PersonName(id), " already exists"));
  }
  return n.status();
}

absl::Status SavePerson(store::Transaction& tx, const std::string& id, const v1::Person& person,
                        int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE people SET display_name = ?, authority = ?, organisation = ?, version = version + 1, "
      "update_us = ? WHERE id = ? AND version = ?",
      {person.display_name(), person.authority(), person.organisation(), calendar::Micros(now), id, expected_version}));
  if (n == 0) return absl::AbortedError(absl::StrCat(PersonName(id), " changed meanwhile; retry"));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Person>> ListPeopleRows(store::Transaction& tx, const PeopleFilter& filter,
                                                       const PersonKey& after, int limit) {
  const std::string pattern = absl::StrCat("%", LikeLiteral(filter.query_lower), "%");
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kPersonColumns,
                   " FROM people WHERE (? = '' OR authority = ?) "
                   "AND (? = '' OR LOWER(display_name) LIKE ? ESCAPE '\\') "
                   "AND (? = '' OR display_name > ? OR (display_name = ? AND id > ?)) "
                   "ORDER BY display_name, id LIMIT ?"),
      {filter.authority, filter.authority, filter.query_lower, pattern, after.id, after.display_name,
       after.display_name, after.id, static_cast<int64_t>(limit)}));
  std::vector<v1::Person> people;
  for (const Row& r : rows) people.push_back(PersonFromRow(r));
  return people;
}

}  // namespace wp::governance
