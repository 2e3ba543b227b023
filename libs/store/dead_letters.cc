#include "libs/store/dead_letters.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace wp::store {
namespace {

std::string NowText() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone());
}

}  // namespace

absl::Status MoveToDeadLetters(Database& db, int64_t seq, const std::string& reason,
                               int64_t attempts) {
  return db.Write([&](Transaction& tx) -> absl::Status {
    const std::string now = NowText();
    absl::StatusOr<int64_t> copied = tx.Execute(
        "INSERT INTO outbox_dead_letters "
        "(seq, event_id, subject, payload, created_at, failed_at, reason, attempts) "
        "SELECT seq, event_id, subject, payload, created_at, ?, ?, ? FROM outbox "
        "WHERE seq = ? AND sent_at IS NULL",
        {now, reason, attempts, seq});
    if (!copied.ok()) return copied.status();
    if (*copied == 0) return absl::NotFoundError(absl::StrCat("no unsent outbox row ", seq));
    // Marked rather than deleted: the outbox keeps its highest position,
    // which is the service's data generation.
    return tx.Execute("UPDATE outbox SET sent_at = ? WHERE seq = ?", {now, seq}).status();
  });
}

absl::StatusOr<std::vector<DeadLetter>> ListDeadLetters(Database& db, int64_t after_seq,
                                                        int limit) {
  return ReadValue<std::vector<DeadLetter>>(
      db, [&](Transaction& tx) -> absl::StatusOr<std::vector<DeadLetter>> {
        absl::StatusOr<std::vector<Row>> rows = tx.Query(
            "SELECT seq, event_id, subject, LENGTH(payload), created_at, failed_at, reason, "
            "attempts FROM outbox_dead_letters WHERE seq > ? ORDER BY seq LIMIT ?",
            {after_seq, static_cast<int64_t>(limit)});
        if (!rows.ok()) return rows.status();
        std::vector<DeadLetter> letters;
        for (const Row& r : *rows) {
          letters.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5),
                             r.Text(6), r.Int(7)});
        }
        return letters;
      });
}

absl::StatusOr<int64_t> CountDeadLetters(Database& db) {
  return ReadValue<int64_t>(db, [](Transaction& tx) -> absl::StatusOr<int64_t> {
    absl::StatusOr<Row> row = tx.QueryOne("SELECT COUNT(*) FROM outbox_dead_letters");
    if (!row.ok()) return row.status();
    return row->Int(0);
  });
}

absl::StatusOr<int64_t> RedriveDeadLetter(Transaction& tx, int64_t seq) {
  absl::StatusOr<std::vector<Row>> found =
      tx.Query("SELECT event_id FROM outbox_dead_letters WHERE seq = ?", {seq});
  if (!found.ok()) return found.status();
  if (found->empty()) return absl::NotFoundError(absl::StrCat("no dead letter ", seq));
  // The old row (kept as sent) holds the event id, which is unique.
  if (auto s = tx.Execute("DELETE FROM outbox WHERE event_id = ?", {found->front().Text(0)});
      !s.ok()) {
    return s.status();
  }
  absl::StatusOr<Row> row = tx.QueryOne(
      "INSERT INTO outbox (event_id, subject, payload, created_at) "
      "SELECT event_id, subject, payload, created_at FROM outbox_dead_letters WHERE seq = ? "
      "RETURNING seq",
      {seq});
  if (!row.ok()) return row.status();
  if (auto s = tx.Execute("DELETE FROM outbox_dead_letters WHERE seq = ?", {seq}); !s.ok()) {
    return s.status();
  }
  return row->Int(0);
}

}  // namespace wp::store
