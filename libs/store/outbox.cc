#include "libs/store/outbox.h"

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace wp::store {
namespace {

std::string NowText() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone());
}

}  // namespace

absl::StatusOr<int64_t> ReserveOutboxRow(Transaction& tx, const std::string& event_id,
                                         const std::string& subject) {
  // Positions in commit order (see Transaction::LockOutboxAppends).
  if (absl::Status s = tx.LockOutboxAppends(); !s.ok()) return s;
  absl::StatusOr<Row> row = tx.QueryOne(
      "INSERT INTO outbox (event_id, subject, payload, created_at) VALUES (?, ?, ?, ?) "
      "RETURNING seq",
      {event_id, subject, Blob{""}, NowText()});
  if (!row.ok()) return row.status();
  return row->Int(0);
}

absl::Status SetOutboxPayload(Transaction& tx, int64_t seq, const std::string& payload) {
  return tx.Execute("UPDATE outbox SET payload = ? WHERE seq = ?", {Blob{payload}, seq}).status();
}

absl::StatusOr<std::vector<OutboxMessage>> FetchUnsent(Database& db, int limit) {
  std::vector<OutboxMessage> messages;
  absl::Status s = db.Read([&](Transaction& tx) -> absl::Status {
    absl::StatusOr<std::vector<Row>> rows = tx.Query(
        "SELECT seq, event_id, subject, payload FROM outbox WHERE sent_at IS NULL "
        "ORDER BY seq LIMIT ?",
        {static_cast<int64_t>(limit)});
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) messages.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return messages;
}

absl::Status MarkSent(Database& db, const std::vector<int64_t>& seqs) {
  if (seqs.empty()) return absl::OkStatus();
  // Idempotent, and only the relay marks rows: it must not conflict with
  // the service's writes appending to the outbox.
  return db.WriteIndependent([&](Transaction& tx) -> absl::Status {
    const std::string now = NowText();
    for (int64_t seq : seqs) {
      absl::StatusOr<int64_t> n =
          tx.Execute("UPDATE outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL", {now, seq});
      if (!n.ok()) return n.status();
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<int64_t> LastOutboxSeq(Database& db) {
  int64_t last = 0;
  absl::Status s = db.Read([&](Transaction& tx) -> absl::Status {
    absl::StatusOr<Row> row = tx.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM outbox");
    if (!row.ok()) return row.status();
    last = row->Int(0);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return last;
}

absl::StatusOr<OutboxBacklog> ReadOutboxBacklog(Database& db) {
  OutboxBacklog backlog;
  absl::Status s = db.Read([&](Transaction& tx) -> absl::Status {
    absl::StatusOr<Row> row =
        tx.QueryOne("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL");
    if (!row.ok()) return row.status();
    backlog.unsent = row->Int(0);
    if (backlog.unsent > 0) {
      std::string error;
      if (!absl::ParseTime(absl::RFC3339_full, row->Text(1), &backlog.oldest_unsent, &error)) {
        return absl::DataLossError(absl::StrCat("outbox created_at \"", row->Text(1), "\": ", error));
      }
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return backlog;
}

absl::Status PruneSent(Database& db, int64_t keep_last) {
  // Right on its own: positions are given out in commit order, so a row
  // still being written lies after every row this can delete.
  return db.WriteIndependent([&](Transaction& tx) -> absl::Status {
    return tx
        .Execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND seq < "
                 "(SELECT COALESCE(MAX(seq), 0) FROM outbox) - ? AND seq < "
                 "(SELECT COALESCE(MIN(seq), 9223372036854775807) FROM outbox WHERE sent_at IS NULL)",
                 {keep_last})
        .status();
  });
}

absl::StatusOr<OutboxBounds> ReadOutboxBounds(Transaction& tx) {
  absl::StatusOr<Row> row = tx.QueryOne("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM outbox");
  if (!row.ok()) return row.status();
  return OutboxBounds{row->Int(0), row->Int(1)};
}

absl::StatusOr<std::vector<OutboxMessage>> ReadOutboxAfter(
    Transaction& tx, int64_t after_seq, const std::vector<std::string>& subject_prefixes, int limit) {
  std::string sql = "SELECT seq, event_id, subject, payload FROM outbox WHERE seq > ?";
  std::vector<Value> params = {after_seq};
  if (!subject_prefixes.empty()) {
    // A prefix as a range (portable SQL, no pattern characters to escape):
    // "p" <= subject < "p" with its last byte raised by one.
    std::vector<std::string> terms(subject_prefixes.size(), "(subject >= ? AND subject < ?)");
    absl::StrAppend(&sql, " AND (", absl::StrJoin(terms, " OR "), ")");
    for (const std::string& prefix : subject_prefixes) {
      std::string end = prefix;
      while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff) end.pop_back();
      if (end.empty()) return absl::InvalidArgumentError("subject prefix has no upper bound");
      end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
      params.push_back(prefix);
      params.push_back(end);
    }
  }
  absl::StrAppend(&sql, " ORDER BY seq LIMIT ?");
  params.push_back(static_cast<int64_t>(limit));
  absl::StatusOr<std::vector<Row>> rows = tx.Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<OutboxMessage> messages;
  messages.reserve(rows->size());
  for (const Row& r : *rows) messages.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
  return messages;
}

absl::StatusOr<std::string> StoreIdentity(Database& db) {
  std::string id;
  absl::Status s = db.Write([&](Transaction& tx) -> absl::Status {
    absl::StatusOr<std::vector<Row>> rows = tx.Query("SELECT id FROM store_identity");
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) {
      id = rows->front().Text(0);
      return absl::OkStatus();
    }
    absl::BitGen gen;
    id = absl::StrFormat("%016x", absl::Uniform<uint64_t>(gen));
    return tx.Execute("INSERT INTO store_identity (id) VALUES (?)", {id}).status();
  });
  if (!s.ok()) return s;
  return id;
}

absl::StatusOr<bool> MarkHandled(Transaction& tx, const std::string& consumer,
                                 const std::string& event_id) {
  absl::StatusOr<int64_t> inserted = tx.Execute(
      "INSERT INTO handled_events (consumer, event_id, handled_at) VALUES (?, ?, ?) "
      "ON CONFLICT (consumer, event_id) DO NOTHING",
      {consumer, event_id, NowText()});
  if (!inserted.ok()) return inserted.status();
  return *inserted == 1;
}

}  // namespace wp::store
