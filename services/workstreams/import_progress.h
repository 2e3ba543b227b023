// The progress messages of one tracker import. Per-row results are sent in
// batches bounded by count and by size, so no message comes near gRPC's
// default 4 MB receive limit however many rows a file rejects (100,000
// rejected rows were once one 11.7 MB message). Reasons are shortened to
// kMaxReasonBytes so one row cannot fill a message either. The workstreams
// the import created (at most 99) go on the first message.
//
// Not thread-safe: used by the one thread that runs the import.
#ifndef WP_SERVICES_WORKSTREAMS_IMPORT_PROGRESS_H_
#define WP_SERVICES_WORKSTREAMS_IMPORT_PROGRESS_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

class ImportProgress {
 public:
  static constexpr int kMaxResultsPerMessage = 500;
  static constexpr size_t kMaxResultBytesPerMessage = 256 * 1024;
  static constexpr size_t kMaxReasonBytes = 1000;

  // Returning false means the client has gone: the import should stop.
  using Sink = std::function<bool(const v1::ImportTrackerProgress&)>;

  ImportProgress(int total_rows, const Sink& sink) : sink_(sink) { totals_.set_total_rows(total_rows); }

  // Set on every message: the import changes nothing.
  void SetDryRun(bool dry_run) { totals_.set_dry_run(dry_run); }
  // Sent on the first message.
  void SetCreatedWorkstreams(std::vector<v1::Workstream> created);

  // Queues a result, counting it in the totals; sends a message when the
  // queue reaches either bound. False when a send failed.
  bool Add(v1::ImportRowResult result);

  // Sends the queued results, if any, or always when `done` (the last message).
  bool Send(bool done);

 private:
  const Sink& sink_;
  v1::ImportTrackerProgress totals_;   // counts only, no results
  v1::ImportTrackerProgress pending_;  // results not sent yet
  size_t pending_bytes_ = 0;
  bool sent_any_ = false;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_IMPORT_PROGRESS_H_
