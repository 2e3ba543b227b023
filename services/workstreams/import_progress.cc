#include "services/workstreams/import_progress.h"

#include <utility>

#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {

using v1::ImportRowResult;

void ImportProgress::SetCreatedWorkstreams(std::vector<v1::Workstream> created) {
  for (v1::Workstream& ws : created) *pending_.add_created_workstreams() = std::move(ws);
}

bool ImportProgress::Add(ImportRowResult result) {
  if (result.reason().size() > kMaxReasonBytes) {
    result.set_reason(ShortenText(result.reason(), kMaxReasonBytes));
  }
  switch (result.outcome()) {
    case ImportRowResult::CREATED: totals_.set_created(totals_.created() + 1); break;
    case ImportRowResult::UPDATED: totals_.set_updated(totals_.updated() + 1); break;
    case ImportRowResult::UNCHANGED: totals_.set_unchanged(totals_.unchanged() + 1); break;
    default: totals_.set_rejected(totals_.rejected() + 1); break;
  }
  pending_bytes_ += result.ByteSizeLong();
  *pending_.add_results() = std::move(result);
  if (pending_.results_size() >= kMaxResultsPerMessage ||
      pending_bytes_ >= kMaxResultBytesPerMessage) {
    return Send(false);
  }
  return true;
}

bool ImportProgress::Send(bool done) {
  if (pending_.results_size() == 0 && !done) return true;
  totals_.set_processed_rows(totals_.processed_rows() + pending_.results_size());
  v1::ImportTrackerProgress message = totals_;
  message.mutable_results()->Swap(pending_.mutable_results());
  if (!sent_any_) message.mutable_created_workstreams()->Swap(pending_.mutable_created_workstreams());
  sent_any_ = true;
  message.set_done(done);
  pending_.Clear();
  pending_bytes_ = 0;
  return sink_(message);
}

}  // namespace wp::workstreams
