// Persistence of workstreams, plan items, progress notes and status history.
// Every function runs inside the caller's transaction, so a change and the
// event that reports it (libs/bus/event_writer.h) commit together.
//
// Text is UTF-8 both ways: writes of plan items, notes and status changes
// refuse text that is not (INVALID_ARGUMENT naming the field), and reads
// replace bad bytes with U+FFFD, so a row stored before that check (an old
// import of a UTF-16 or Latin-1 file) still reads, and cannot make every
// list of its period fail to serialise.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_STORE_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "libs/store/etag.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

using store::Transaction;
using v1::PlanItem;
using v1::Workstream;

// --- Workstreams ---
absl::StatusOr<Workstream> LoadWorkstream(Transaction& tx, const std::string& period, int number);
// ALREADY_EXISTS when the number is taken in that period.
absl::Status InsertWorkstream(Transaction& tx, const Workstream& ws, absl::Time now);
// ABORTED when the stored version is not `expected_version`.
absl::Status SaveWorkstream(Transaction& tx, const Workstream& ws, int64_t expected_version,
                            absl::Time now);
// Ordered by period then number, starting after (after_period, after_number).
absl::StatusOr<std::vector<Workstream>> ListWorkstreams(Transaction& tx, const std::string& period,
                                                        const std::string& after_period,
                                                        int after_number, int limit);

// --- Plan items ---
// With its progress notes, oldest first. NOT_FOUND naming the item.
absl::StatusOr<PlanItem> LoadPlanItem(Transaction& tx, const std::string& period,
                                      const std::string& ref);
// Inserts the row and its notes (authored as in the message).
absl::Status InsertPlanItem(Transaction& tx, const PlanItem& item, absl::Time now);
// Saves task, lead, status, expected_date, superseded_by, ongoing, resources,
// plan_notes (a task's project is fixed); ABORTED on a version race.
absl::Status SavePlanItem(Transaction& tx, const PlanItem& item, int64_t expected_version,
                          absl::Time now);
// Adds a note and bumps the item's version. A note or a status change is
// activity: it moves the item's last activity on and ends a stale spell.
// The highest task number used in a workstream; 0 when it has none.
absl::StatusOr<int> LastTaskNumber(Transaction& tx, const std::string& period, int workstream_number);
absl::Status InsertProgressNote(Transaction& tx, const std::string& period, const std::string& ref,
                                const v1::ProgressNote& note, absl::Time now);
absl::Status InsertStatusChange(Transaction& tx, const std::string& period, const std::string& ref,
                                const v1::StatusChange& change);
absl::StatusOr<std::vector<v1::StatusChange>> LoadStatusHistory(Transaction& tx,
                                                                const std::string& period,
                                                                const std::string& ref);

struct PlanItemFilter {
  std::string period;
  int workstream_number = 0;
  std::vector<v1::PlanItemStatus> statuses;
  std::string lead_contains;
  std::optional<std::string> overdue_before_day;  // "YYYY-MM-DD"
  // Stale: open, and last activity before this (stale_items.h).
  std::optional<int64_t> stale_before_us;
  std::string text_contains;
  // Only the tasks of this project (its id), when set.
  std::string project_id;
  // Keyset position: items after (workstream, task) in ref order.
  int after_workstream = 0;
  int after_task = 0;
  int limit = 100;
};
absl::StatusOr<std::vector<PlanItem>> ListPlanItems(Transaction& tx, const PlanItemFilter& filter);

// SQL condition (" AND ...") on plan_items: open work (NOT_STARTED or
// ON_TRACK) that is not on hold (a task of a PAUSED or WITHDRAWN project):
// what can be overdue or stale.
std::string OpenAndNotOnHold();

// Counts behind the tracker summary, computed by the database.
struct StatusCountRow {
  int workstream_number = 0;
  std::string project_id;  // "" for items of no project
  v1::PlanItemStatus status = v1::PLAN_ITEM_STATUS_UNSPECIFIED;
  int count = 0;
  int overdue = 0;
  int stale = 0;
  // Open tasks of PAUSED or WITHDRAWN projects: never overdue or stale.
  int on_hold = 0;
};
// Per workstream, project and status. Overdue: due before `as_of_day`;
// stale: last activity before `stale_before_us`; neither while on hold.
absl::StatusOr<std::vector<StatusCountRow>> CountByStatus(Transaction& tx,
                                                          const std::string& period,
                                                          const std::string& as_of_day,
                                                          int64_t stale_before_us);

// Etags are the store's (libs/store/etag.h); creates go through
// store::CreateOnce (libs/store/create_once.h).
using store::CheckEtag;
using store::EtagOf;
using store::VersionOf;

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_STORE_H_
