// The workstreams a tracker import needs. A first pass over the file's rows
// collects the workstream numbers their refs name (and, per number, the
// leads), so that an import into a period lacking some of them either fails
// once, before any row, naming them all, or creates them first
// (ImportTrackerRequest.create_missing_workstreams).
//
// Memory stays bounded whatever the file: at most 99 numbers, and per number
// at most kMaxLeadsCounted distinct leads (leads first seen after that are
// not counted).
//
// Thread-safety: WorkstreamsInFile is used by one thread; the functions are
// as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_IMPORT_WORKSTREAMS_H_
#define WP_SERVICES_WORKSTREAMS_IMPORT_WORKSTREAMS_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/tracker_row.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

class WorkstreamsInFile {
 public:
  static constexpr size_t kMaxLeadsCounted = 50;

  // Reads every row of `reader` (rejected rows are skipped).
  static WorkstreamsInFile Collect(TrackerReader reader);

  void Add(const TrackerRow& row);
  bool Contains(int number) const { return numbers_.count(number) > 0; }
  // Rows naming `number`.
  int Rows(int number) const;
  // The most common non-empty lead of the rows naming `number` (the first
  // seen among equals); empty when none has one.
  std::string MostCommonLead(int number) const;
  // In number order.
  std::vector<int> Numbers() const;

 private:
  struct Seen {
    int rows = 0;
    std::vector<std::pair<std::string, int>> leads;  // first-seen order, with counts
  };
  std::map<int, Seen> numbers_;
};

// The shape of workstream_titles, checked without the file: each number
// 1..99 and given once, each title a non-blank single line of at most 300
// bytes, and titles only together with create_missing_workstreams.
// INVALID_ARGUMENT naming the field (workstream_titles[i].number, ...).
absl::Status ValidateWorkstreamTitles(const v1::ImportTrackerRequest& request);

// The workstreams of the file that `period` lacks, as they would be created
// (number, title, lead officer; not stored). INVALID_ARGUMENT for a title
// given for a number no row names; FAILED_PRECONDITION naming the missing
// workstreams when some are missing and the request does not ask to create
// them.
absl::StatusOr<std::vector<v1::Workstream>> PlanMissingWorkstreams(
    store::Transaction& tx, const std::string& period, const WorkstreamsInFile& file,
    const v1::ImportTrackerRequest& request);

// Creates the planned workstreams that do not exist yet, each with its
// workstream.created event and audit record, and returns them as stored.
absl::StatusOr<std::vector<v1::Workstream>> CreatePlannedWorkstreams(
    store::Transaction& tx, const server::Caller& caller, const std::vector<v1::Workstream>& planned,
    absl::Time now);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_IMPORT_WORKSTREAMS_H_
