// The audit trail: who changed what, when, through which RPC.
//
// Every accepted mutating call of a service writes one record with
// RecordAudit() inside the write transaction of the change, so the record is
// committed exactly when the change is (a rolled-back change leaves none).
// Records live in the table `audit_records` of the service's own store. The
// platform migrations (libs/store/platform_migrations.cc) create it in every
// store, so no service can be without it.
//
// Typical use, next to the service's event emission:
//   db.Write([&](store::Transaction& tx) -> absl::Status {
//     ... change rows ...
//     return audit::RecordAudit(tx, audit::EntryFor(caller, name, "status: 1 -> 2", now));
//   });
//
// Thread-safety: as the Transaction / Database passed in; pure otherwise.
#ifndef WP_LIBS_AUDIT_AUDIT_LOG_H_
#define WP_LIBS_AUDIT_AUDIT_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::audit {

// One field a change set, with its values rendered as text (field_diff.h).
struct FieldChange {
  std::string field;   // path, e.g. "title" or "counts.total"
  std::string before;  // "" when unset
  std::string after;
  friend bool operator==(const FieldChange& a, const FieldChange& b) {
    return a.field == b.field && a.before == b.before && a.after == b.after;
  }
};

struct AuditEntry {
  std::string subject;   // who: the caller's actor (token subject); required
  std::string role;      // the caller's role; may be empty
  std::string method;    // full RPC name; empty until the caller's method is known
  std::string resource;  // resource name of what changed; required
  std::string summary;   // human-readable summary of what changed
  std::string trace_id;  // correlates with logs and events; may be empty
  absl::Time at;         // when the change was accepted; must be finite
  std::vector<FieldChange> changes;            // what changed, when the service knew the before state
  std::vector<std::string> related_resources;  // other resources the change touched
};

// Which records a listing wants: by resource (its own or a related one), by
// subject, or neither (every record), always within [from, to).
struct AuditQuery {
  std::string resource;  // "" = any; else records about it or touching it
  std::string subject;   // "" = any
  absl::Time from = absl::InfinitePast();
  absl::Time to = absl::InfiniteFuture();
};

// An entry as stored, with its id (increasing in write order).
struct StoredAuditEntry {
  int64_t id = 0;
  AuditEntry entry;
};



// The entry for a change made by `caller` to `resource` at `at`.
AuditEntry EntryFor(const server::Caller& caller, absl::string_view resource,
                    absl::string_view summary, absl::Time at);

// Writes `entry` in `tx`. Call inside the write transaction of the change and
// return its error from the transaction body, so the change fails (and rolls
// back) when it cannot be audited. INTERNAL when `subject` or `resource` is
// empty or `at` is infinite (a bug of the calling service).
absl::Status RecordAudit(store::Transaction& tx, const AuditEntry& entry);

// Up to `limit` (> 0) entries matching `query` with id > `after_id`, oldest
// (lowest id) first, each with its changes and related resources.
absl::StatusOr<std::vector<StoredAuditEntry>> ListAudit(store::Transaction& tx, const AuditQuery& query,
                                                        int64_t after_id, int limit);

// Up to `limit` (> 0) entries about `resource` (or touching it as a related
// resource) with id > `after_id`,
// oldest first. Start with after_id 0; continue from the last id returned.
absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditByResource(store::Transaction& tx,
                                                                  absl::string_view resource,
                                                                  int64_t after_id, int limit);

// The same for the entries made by `subject`.
absl::StatusOr<std::vector<StoredAuditEntry>> ListAuditBySubject(store::Transaction& tx,
                                                                 absl::string_view subject,
                                                                 int64_t after_id, int limit);

}  // namespace wp::audit

#endif  // WP_LIBS_AUDIT_AUDIT_LOG_H_
