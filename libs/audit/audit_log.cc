#include "libs/audit/audit_log.h"

#include <utility>

#include "absl/strings/str_cat.h"

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

// `column` is one of our own column names, never caller input.
absl::StatusOr<std::vector<StoredAuditEntry>> ListBy(store::Transaction& tx, absl::string_view column,
                                                     absl::string_view value, int64_t after_id,
                                                     int limit) {
  if (limit <= 0) return absl::InvalidArgumentError("audit list limit must be positive");
  absl::StatusOr<std::vector<store::Row>> rows =
      tx.Query(absl::StrCat(kSelectColumns, "WHERE ", column, " = ? AND id > ? ORDER BY id LIMIT ?"),
               {std::string(value), after_id, static_cast<int64_t>(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<StoredAuditEntry> out;
  out.reserve(rows->size());
  for (const store::Row& r : *rows) out.push_back(FromRow(r));
  return out;
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
  absl::StatusOr<int64_t> changed = tx.Execute(
      "INSERT INTO audit_records (at_us, subject, role, method, resource, summary, trace_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {absl::ToUnixMicros(entry.at), entry.subject, entry.role, entry.method, entry.resource,
       entry.summary, entry.trace_id});
  if (!changed.ok()) {
    return absl::Status(changed.status().code(),
                        absl::StrCat("recording audit entry: ", changed.status().message()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditByResource(store::Transaction& tx,
                                                                  absl::string_view resource,
                                                                  int64_t after_id, int limit) {
  return ListBy(tx, "resource", resource, after_id, limit);
}

absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditBySubject(store::Transaction& tx,
                                                                 absl::string_view subject,
                                                                 int64_t after_id, int limit) {
  return ListBy(tx, "subject", subject, after_id, limit);
}

}  // namespace wp::audit
