// The audit trail across services (`wpctl audit list`): the records each
// service returned, merged by time, as a table or CSV with each field change
// shown "before -> after"; and the --from/--to values it takes.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_AUDIT_VIEWS_H_
#define WP_TOOLS_WPCTL_AUDIT_VIEWS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"
#include "wp/common/v1/audit.pb.h"

namespace wp::wpctl {

// One record and the service that keeps it.
struct ServiceAuditRecord {
  std::string service;
  wp::common::v1::AuditRecord record;
};

// Every service's records in one list, oldest first; equal times keep the
// order of the service's name, then the service's own order (its ids).
std::vector<ServiceAuditRecord> MergeAuditRecords(
    const std::map<std::string, std::vector<wp::common::v1::AuditRecord>>& by_service);

// OK when `resource` reads as a full resource name: collection words
// (letters only) each followed by an id, e.g.
// plans/2026-27/budgetLines/2026-27-coaching. Services match --resource
// exactly, so a short form other commands expand (2026-27/2026-27-coaching)
// would silently match nothing: INVALID_ARGUMENT saying so instead.
absl::Status CheckAuditResource(absl::string_view resource);

// Columns TIME (UTC), SERVICE, ACTOR, CHANGE (the RPC's method name, or the
// summary's <entity>.<verb> when there is no method), RESOURCE; then one
// indented line per field change "field: before -> after" and one per
// related resource. Says so when there are none.
std::string AuditText(const std::vector<ServiceAuditRecord>& records);

// time,service,actor,role,method,summary,resource,related_resources,changes
// with RFC 4180 quoting; related resources joined by "; ", changes as
// "field: before -> after" joined by "; ".
std::string AuditCsv(const std::vector<ServiceAuditRecord>& records);

// A --from / --to value: "2026-03-01" (the start of that day, UTC; with
// `end_of_day`, the start of the next, so --to includes the day) or an
// RFC 3339 time ("2026-03-01T14:30:00Z"). Errors name `option`.
absl::StatusOr<google::protobuf::Timestamp> ParseAuditTime(absl::string_view text, absl::string_view option,
                                                           bool end_of_day);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_AUDIT_VIEWS_H_
