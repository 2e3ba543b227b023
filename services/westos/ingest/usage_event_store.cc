#include "services/westos/ingest/usage_event_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/statement_chunks.h"

namespace wp::westos {

absl::Status InsertEvents(store::Transaction& tx, const std::vector<StoredEvent>& events,
                          std::optional<int64_t> first_seq) {
  constexpr int kEventColumns = 15;
  const int columns = kEventColumns + (first_seq.has_value() ? 1 : 0);
  const std::string insert = absl::StrCat("INSERT INTO usage_events (", first_seq.has_value() ? "seq, " : "",
                                          "event_key, event_id, digest, day, occurred_us, user_num, role, "
                                          "authority, establishment_num, sector, simd, content_num, action, "
                                          "seconds, rating) VALUES ");
  size_t start = 0;
  std::vector<store::Value> params;
  for (const size_t n : ChunkSizes(events.size())) {
    params.clear();
    params.reserve(n * columns);
    for (size_t i = start; i < start + n; ++i) {
      const StoredEvent& e = events[i];
      if (first_seq.has_value()) params.emplace_back(*first_seq + static_cast<int64_t>(i));
      params.emplace_back(e.key);
      params.emplace_back(e.event_id);
      params.emplace_back(e.digest);
      params.emplace_back(int64_t{e.day});
      params.emplace_back(e.occurred_us);
      params.emplace_back(e.user_num);
      params.emplace_back(int64_t{e.role});
      params.emplace_back(int64_t{e.authority});
      params.emplace_back(e.establishment_num);
      params.emplace_back(int64_t{e.sector});
      params.emplace_back(int64_t{e.simd});
      params.emplace_back(e.content_num);
      params.emplace_back(int64_t{e.action});
      params.emplace_back(e.seconds);
      params.emplace_back(int64_t{e.rating});
    }
    WP_RETURN_IF_ERROR(tx.Execute(absl::StrCat(insert, RowPlaceholders(n, columns)), params).status());
    start += n;
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> MarkRetracted(store::Transaction& tx, int64_t seq) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE usage_events SET retracted = 1 WHERE seq = ? AND retracted = 0", {seq}));
  return changed > 0;
}

absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> NumberTexts(store::Transaction& tx,
                                                                       const NumberedTable& table,
                                                                       const std::vector<std::string>& texts) {
  absl::flat_hash_map<std::string, int64_t> numbers;
  std::vector<std::string> wanted;
  for (const std::string& text : texts) {
    if (numbers.try_emplace(text, -1).second) wanted.push_back(text);
  }
  const std::string columns = absl::StrCat(table.number_column, ", ", table.text_column);
  const std::string select_prefix =
      absl::StrCat("SELECT ", columns, " FROM ", table.table, " WHERE ", table.text_column, " IN (");
  size_t start = 0;
  for (const size_t n : ChunkSizes(wanted.size())) {
    std::vector<store::Value> params(wanted.begin() + start, wanted.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query(absl::StrCat(select_prefix, QuestionMarks(n), ")"), params));
    for (const store::Row& row : rows) numbers[row.Text(1)] = row.Int(0);
    start += n;
  }
  // The missing ones are inserted in one order (sorted), so that concurrent
  // writers adding the same new texts on PostgreSQL wait for one another
  // instead of deadlocking: each deadlock costs the server's
  // deadlock_timeout (a second) before the loser is re-run.
  std::vector<std::string> missing;
  for (const std::string& text : wanted) {
    if (numbers[text] < 0) missing.push_back(text);
  }
  std::sort(missing.begin(), missing.end());
  // Numbered many at a time; RETURNING names each row's text, since neither
  // engine promises the rows come back in VALUES order.
  const std::string insert_prefix = absl::StrCat("INSERT INTO ", table.table, " (", table.text_column, ") VALUES ");
  start = 0;
  for (const size_t n : ChunkSizes(missing.size())) {
    std::vector<store::Value> params(missing.begin() + start, missing.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query(absl::StrCat(insert_prefix, RowPlaceholders(n, 1), " RETURNING ", columns),
                                 params));
    for (const store::Row& row : rows) numbers[row.Text(1)] = row.Int(0);
    start += n;
  }
  return numbers;
}

absl::Status RecordDayChanges(store::Transaction& tx, const absl::flat_hash_map<int32_t, int64_t>& deltas) {
  // Sorted, so concurrent writers on PostgreSQL take the rows in one order.
  std::vector<std::pair<int32_t, int64_t>> sorted(deltas.begin(), deltas.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [day, delta] : sorted) {
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO usage_days (day, version, events) VALUES (?, 1, ?) "
                                  "ON CONFLICT (day) DO UPDATE SET version = usage_days.version + 1, "
                                  "events = usage_days.events + excluded.events",
                                  {int64_t{day}, delta})
                           .status());
  }
  return absl::OkStatus();
}

}  // namespace wp::westos
