#include "services/westos/ingest/event_locator.h"

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/event_keys.h"
#include "services/westos/ingest/statement_chunks.h"

namespace wp::westos {
namespace {

// Rows per read while catching up, so that a start over millions of events
// never holds them all as rows at once.
constexpr int64_t kCatchUpPage = 50000;

constexpr char kKnownColumns[] = "seq, event_key, event_id, digest, day, retracted";

// retracted: 0 counts, 1 retracted, 2 purged, 3 erased (migrations.cc).
KnownEvent KnownFrom(const store::Row& row) {
  return KnownEvent{row.Int(0), row.Int(1), row.Text(2), row.Int(3), static_cast<int32_t>(row.Int(4)),
                    row.Int(5) == 1, row.Int(5) == 2};
}

// The rows whose `column` is among `values`, a chunk at a time.
absl::StatusOr<std::vector<KnownEvent>> FetchWhereIn(store::Transaction& tx, const char* column,
                                                     const std::vector<int64_t>& values) {
  std::vector<KnownEvent> found;
  size_t start = 0;
  for (const size_t n : ChunkSizes(values.size())) {
    std::vector<store::Value> params(values.begin() + start, values.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query(absl::StrCat("SELECT ", kKnownColumns, " FROM usage_events WHERE ", column,
                                              " IN (", QuestionMarks(n), ")"),
                                 params));
    for (const store::Row& row : rows) found.push_back(KnownFrom(row));
    start += n;
  }
  return found;
}

}  // namespace

absl::Status EventLocator::CatchUp(store::Transaction& tx) {
  if (last_seq_ == 0) {
    // Seqs are dense: the largest is about how many keys are coming.
    WP_ASSIGN_OR_RETURN(store::Row max, tx.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM usage_events"));
    seq_of_key_.reserve(static_cast<size_t>(max.Int(0)));
  }
  for (;;) {
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query("SELECT seq, event_key FROM usage_events WHERE seq > ? ORDER BY seq LIMIT ?",
                                 {last_seq_, kCatchUpPage}));
    for (const store::Row& row : rows) seq_of_key_[row.Int(1)] = row.Int(0);
    if (!rows.empty()) last_seq_ = rows.back().Int(0);
    if (static_cast<int64_t>(rows.size()) < kCatchUpPage) return absl::OkStatus();
  }
}

absl::Status EventLocator::Warm(store::Database& db) {
  if (!in_memory_) return absl::OkStatus();
  return db.Read([&](store::Transaction& tx) {
    absl::MutexLock lock(&mu_);
    return CatchUp(tx);
  });
}

absl::StatusOr<std::vector<KnownEvent>> EventLocator::SeqsOf(store::Transaction& tx,
                                                             const std::vector<int64_t>& keys) {
  std::vector<int64_t> seqs;
  {
    absl::MutexLock lock(&mu_);
    WP_RETURN_IF_ERROR(CatchUp(tx));
    for (int64_t key : keys) {
      auto it = seq_of_key_.find(key);
      if (it != seq_of_key_.end()) seqs.push_back(it->second);
    }
  }
  return FetchWhereIn(tx, "seq", seqs);
}

absl::StatusOr<std::vector<KnownEvent>> EventLocator::FindByKeys(store::Transaction& tx,
                                                                 const std::vector<int64_t>& keys) {
  if (in_memory_) return SeqsOf(tx, keys);
  return FetchWhereIn(tx, "event_key", keys);
}

absl::StatusOr<std::vector<KnownEvent>> EventLocator::FindNearKey(store::Transaction& tx, int64_t key) {
  if (in_memory_) {
    std::vector<int64_t> probes;
    for (int64_t k = key; k < key + kKeyProbes; ++k) probes.push_back(k);
    return SeqsOf(tx, probes);
  }
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kKnownColumns,
                                            " FROM usage_events WHERE event_key >= ? AND event_key < ?"),
                               {key, key + kKeyProbes}));
  std::vector<KnownEvent> found;
  for (const store::Row& row : rows) found.push_back(KnownFrom(row));
  return found;
}

void EventLocator::Learn(const std::vector<std::pair<int64_t, int64_t>>& key_seqs) {
  if (!in_memory_ || key_seqs.empty()) return;
  absl::MutexLock lock(&mu_);
  // Seqs were handed out from last_seq_ + 1 under SQLite's write lock, so
  // nothing committed between them and what was caught up before.
  if (key_seqs.front().second != last_seq_ + 1) return;  // a catch-up read them already
  for (const auto& [key, seq] : key_seqs) seq_of_key_[key] = seq;
  last_seq_ = key_seqs.back().second;
}

std::optional<int64_t> EventLocator::FirstNewSeq() const {
  if (!in_memory_) return std::nullopt;
  absl::MutexLock lock(&mu_);
  return last_seq_ + 1;
}

size_t EventLocator::keys_in_memory() const {
  absl::MutexLock lock(&mu_);
  return seq_of_key_.size();
}

}  // namespace wp::westos
