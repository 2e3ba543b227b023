#include "libs/audit/audit_log.h"

#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"

namespace wp::audit {
namespace {


constexpr absl::string_view kSelectColumns =
    "SELECT id, at_us, subject, role, method, resource, summary, trace_id FROM audit_records ";

StoredAuditEntry FromRow(const store::Row& r) {
  StoredAuditEntry e;
  e.id = r.Int(0);
  e.entry.at = absl::FromUnixMicros(r.Int(1));
  e.entry.subject = r.Text(2);
  e.entry.role = r.Text(3);
  e.entry.method = r.Text(4);
  e.entry.resource = r.Text(5);
  e.entry.summary = r.Text(6);
  e.entry.trace_id = r.Text(7);
  return e;
}

// Fills in the changes and related resources of `entries` (one query each).
absl::Status AttachDetails(store::Transaction& tx, std::vector<StoredAuditEntry>& entries) {
  if (entries.empty()) return absl::OkStatus();
  std::vector<store::Value> ids;
  std::map<int64_t, StoredAuditEntry*> by_id;
  for (StoredAuditEntry& e : entries) {
    ids.push_back(e.id);
    by_id[e.id] = &e;
  }
  std::string in = "?";
  for (size_t i = 1; i < ids.size(); ++i) in += ", ?";
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> changes,
                      tx.Query(absl::StrCat("SELECT record_id, field, before_value, after_value FROM "
                                            "audit_field_changes WHERE record_id IN (", in,
                                            ") ORDER BY record_id, position"),
                               ids));
  for (const store::Row& r : changes) {
    by_id[r.Int(0)]->entry.changes.push_back(FieldChange{r.Text(1), r.Text(2), r.Text(3)});
  }
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> related,
                      tx.Query(absl::StrCat("SELECT record_id, resource FROM audit_record_resources "
                                            "WHERE record_id IN (", in, ") ORDER BY record_id, resource"),
                               ids));
  for (const store::Row& r : related) by_id[r.Int(0)]->entry.related_resources.push_back(r.Text(1));
  return absl::OkStatus();
}

bool Finite(absl::Time t) { return t != absl::InfinitePast() && t != absl::InfiniteFuture(); }

absl::Status WriteEntry(store::Transaction& tx, const AuditEntry& entry) {
  WP_ASSIGN_OR_RETURN(
      store::Row row,
      tx.QueryOne("INSERT INTO audit_records (at_us, subject, role, method, resource, summary, trace_id) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {absl::ToUnixMicros(entry.at), entry.subject, entry.role, entry.method, entry.resource,
                   entry.summary, entry.trace_id}));
  const int64_t id = row.Int(0);
  for (size_t i = 0; i < entry.changes.size(); ++i) {
    const FieldChange& c = entry.changes[i];
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO audit_field_changes (record_id, position, field, "
                                  "before_value, after_value) VALUES (?, ?, ?, ?, ?)",
                                  {id, static_cast<int64_t>(i), c.field, c.before, c.after})
                           .status());
  }
  // The record's own resource is matched by its column; each other one once.
  std::set<std::string> related(entry.related_resources.begin(), entry.related_resources.end());
  related.erase(entry.resource);
  related.erase("");
  for (const std::string& resource : related) {
    WP_RETURN_IF_ERROR(
        tx.Execute("INSERT INTO audit_record_resources (record_id, resource) VALUES (?, ?)", {id, resource})
            .status());
  }
  return absl::OkStatus();
}

}  // namespace

AuditEntry EntryFor(const server::Caller& caller, absl::string_view resource,
                    absl::string_view summary, absl::Time at) {
  AuditEntry entry;
  entry.subject = caller.actor;
  entry.role = caller.role;
  entry.method = caller.method;
  entry.resource = std::string(resource);
  entry.summary = std::string(summary);
  entry.trace_id = caller.trace_id;
  entry.at = at;
  return entry;
}

absl::Status RecordAudit(store::Transaction& tx, const AuditEntry& entry) {
  if (entry.subject.empty()) return absl::InternalError("audit entry without a subject");
  if (entry.resource.empty()) return absl::InternalError("audit entry without a resource");
  if (entry.at == absl::InfinitePast() || entry.at == absl::InfiniteFuture()) {
    return absl::InternalError("audit entry without a finite time");
  }
  absl::Status s = WriteEntry(tx, entry);
  if (!s.ok()) return absl::Status(s.code(), absl::StrCat("recording audit entry: ", s.message()));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<StoredAuditEntry>> ListAudit(store::Transaction& tx, const AuditQuery& query,
                                                        int64_t after_id, int limit) {
  if (limit <= 0) return absl::InvalidArgumentError("audit list limit must be positive");
  std::string sql = absl::StrCat(kSelectColumns, "WHERE id > ?");
  std::vector<store::Value> params = {after_id};
  if (!query.resource.empty()) {
    absl::StrAppend(&sql, " AND (resource = ? OR id IN (SELECT record_id FROM audit_record_resources "
                          "WHERE resource = ?))");
    params.push_back(query.resource);
    params.push_back(query.resource);
  }
  if (!query.subject.empty()) {
    absl::StrAppend(&sql, " AND subject = ?");
    params.push_back(query.subject);
  }
  if (Finite(query.from)) {
    absl::StrAppend(&sql, " AND at_us >= ?");
    params.push_back(absl::ToUnixMicros(query.from));
  }
  if (Finite(query.to)) {
    absl::StrAppend(&sql, " AND at_us < ?");
    params.push_back(absl::ToUnixMicros(query.to));
  }
  absl::StrAppend(&sql, " ORDER BY id LIMIT ?");
  params.push_back(static_cast<int64_t>(limit));
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows, tx.Query(sql, params));
  std::vector<StoredAuditEntry> out;
  out.reserve(rows.size());
  for (const store::Row& r : rows) out.push_back(FromRow(r));
  WP_RETURN_IF_ERROR(AttachDetails(tx, out));
  return out;
}

absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditByResource(store::Transaction& tx,
                                                                  absl::string_view resource,
                                                                  int64_t after_id, int limit) {
  AuditQuery query;
  query.resource = std::string(resource);
  return ListAudit(tx, query, after_id, limit);
}

absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditBySubject(store::Transaction& tx,
                                                                 absl::string_view subject,
                                                                 int64_t after_id, int limit) {
  AuditQuery query;
  query.subject = std::string(subject);
  return ListAudit(tx, query, after_id, limit);
}

}  // namespace wp::audit
