#include "services/learning/practitioners/practitioner_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/fields/field_checks.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/sql_conditions.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

constexpr char kColumns[] = "id, authority, establishment, sector, role, version, create_us, update_us";

v1::Practitioner PractitionerOfRow(const store::Row& row) {
  v1::Practitioner p;
  p.set_name(PractitionerName(row.Text(0)));
  p.set_authority(row.Text(1));
  p.set_establishment(row.Text(2));
  p.set_sector(static_cast<v1::Sector>(row.Int(3)));
  p.set_role(static_cast<v1::PractitionerRole>(row.Int(4)));
  p.set_etag(store::EtagOf(row.Int(5)));
  calendar::SetTimestamp(row.Int(6), p.mutable_create_time());
  calendar::SetTimestamp(row.Int(7), p.mutable_update_time());
  return p;
}

}  // namespace

absl::Status CheckPractitioner(const v1::Practitioner& practitioner, const std::string& prefix) {
  FieldViolations v;
  if (practitioner.authority().empty()) {
    v.Add(prefix + "authority", "is required");
  } else if (!region::IsAuthorityCode(practitioner.authority())) {
    v.Add(prefix + "authority", "must be one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
  }
  fields::CheckOptionalLine(practitioner.establishment(), prefix + "establishment", kMaxEstablishmentBytes, &v);
  if (practitioner.sector() == v1::SECTOR_UNSPECIFIED) v.Add(prefix + "sector", "is required");
  if (practitioner.role() == v1::PRACTITIONER_ROLE_UNSPECIFIED) v.Add(prefix + "role", "is required");
  return v.ToStatus();
}

absl::Status InsertPractitioner(store::Transaction& tx, const std::string& id, const v1::Practitioner& practitioner,
                                absl::Time now) {
  const int64_t now_us = calendar::Micros(now);
  return tx
      .Execute(absl::StrCat("INSERT INTO practitioners (", kColumns, ") VALUES (?, ?, ?, ?, ?, 1, ?, ?)"),
               {id, practitioner.authority(), practitioner.establishment(),
                static_cast<int64_t>(practitioner.sector()), static_cast<int64_t>(practitioner.role()), now_us,
                now_us})
      .status();
}

absl::StatusOr<v1::Practitioner> LoadPractitioner(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kColumns, " FROM practitioners WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(PractitionerName(id), " does not exist"));
  return PractitionerOfRow(rows.front());
}

absl::Status SavePractitioner(store::Transaction& tx, const std::string& id, const v1::Practitioner& practitioner,
                              int64_t version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE practitioners SET authority = ?, establishment = ?, sector = ?, role = ?, "
                                 "version = version + 1, update_us = ? WHERE id = ? AND version = ?",
                                 {practitioner.authority(), practitioner.establishment(),
                                  static_cast<int64_t>(practitioner.sector()),
                                  static_cast<int64_t>(practitioner.role()), calendar::Micros(now), id, version}));
  if (changed == 1) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat(PractitionerName(id), " changed meanwhile; read it again and retry"));
}

absl::StatusOr<std::vector<v1::Practitioner>> ListPractitionerRows(store::Transaction& tx, const std::string& authority,
                                                                   const std::string& after_id, int limit) {
  // Erased practitioners (anonymous ids, "~...") are no one to list.
  store::SqlConditions where;
  where.Add("id > ? AND id NOT LIKE '~%'", {after_id});
  if (!authority.empty()) where.Add("authority = ?", {authority});
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kColumns, " FROM practitioners WHERE ", where.Sql(),
                                                       " ORDER BY id LIMIT ?"),
                                          where.ParamsThen({static_cast<int64_t>(limit)})));
  std::vector<v1::Practitioner> out;
  out.reserve(rows.size());
  for (const store::Row& row : rows) out.push_back(PractitionerOfRow(row));
  return out;
}

}  // namespace wp::learning
