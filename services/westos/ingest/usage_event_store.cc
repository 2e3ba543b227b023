#include "services/westos/ingest/usage_event_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/status_macros.h"

namespace wp::westos {
namespace {

// Rows per multi-row statement: few prepared statements, few round trips,
// well inside both engines' limits on parameters.
constexpr size_t kChunk = 64;
constexpr int kEventColumns = 15;

// "(?, ?, ...), (?, ...)" for `rows` rows of `columns` placeholders.
std::string Placeholders(size_t rows, int columns) {
  std::string one = absl::StrCat("(", absl::StrJoin(std::vector<std::string>(columns, "?"), ", "), ")");
  return absl::StrJoin(std::vector<std::string>(rows, one), ", ");
}

// "?, ?, ..." for an IN list.
std::string InList(size_t n) { return absl::StrJoin(std::vector<std::string>(n, "?"), ", "); }

}  // namespace

absl::Status InsertEvents(store::Transaction& tx, const std::vector<StoredEvent>& events,
                          std::optional<int64_t> first_seq) {
  const int columns = kEventColumns + (first_seq.has_value() ? 1 : 0);
  const std::string insert = absl::StrCat("INSERT INTO usage_events (", first_seq.has_value() ? "seq, " : "",
                                          "event_key, event_id, digest, day, occurred_us, user_num, role, "
                                          "authority, establishment_num, sector, simd, content_num, action, "
                                          "seconds, rating) VALUES ");
  for (size_t start = 0; start < events.size(); start += kChunk) {
    const size_t n = std::min(kChunk, events.size() - start);
    std::vector<store::Value> params;
    params.reserve(n * columns);
    for (size_t i = start; i < start + n; ++i) {
      const StoredEvent& e = events[i];
      if (first_seq.has_value()) params.push_back(*first_seq + static_cast<int64_t>(i));
      for (store::Value v : std::initializer_list<store::Value>{
               e.key, e.event_id, e.digest, int64_t{e.day}, e.occurred_us, e.user_num, int64_t{e.role},
               int64_t{e.authority}, e.establishment_num, int64_t{e.sector}, int64_t{e.simd}, e.content_num,
               int64_t{e.action}, e.seconds, int64_t{e.rating}}) {
        params.push_back(std::move(v));
      }
    }
    WP_RETURN_IF_ERROR(tx.Execute(absl::StrCat(insert, Placeholders(n, columns)), params).status());
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
  const std::string select_prefix =
      absl::StrCat("SELECT ", table.number_column, ", ", table.text_column, " FROM ", table.table, " WHERE ",
                   table.text_column, " IN (");
  for (size_t start = 0; start < wanted.size(); start += kChunk) {
    const size_t n = std::min(kChunk, wanted.size() - start);
    std::vector<store::Value> params(wanted.begin() + start, wanted.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows, tx.Query(absl::StrCat(select_prefix, InList(n), ")"), params));
    for (const store::Row& row : rows) numbers[row.Text(1)] = row.Int(0);
  }
  const std::string insert = absl::StrCat("INSERT INTO ", table.table, " (", table.text_column, ") VALUES (?) ",
                                          "RETURNING ", table.number_column);
  // The missing ones inserted in one order (sorted), so that concurrent
  // writers adding the same new texts on PostgreSQL wait for one another
  // instead of deadlocking: each deadlock costs the server's
  // deadlock_timeout (a second) before the loser is re-run.
  std::vector<const std::string*> missing;
  for (const std::string& text : wanted) {
    if (numbers[text] < 0) missing.push_back(&text);
  }
  std::sort(missing.begin(), missing.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* text : missing) {
    WP_ASSIGN_OR_RETURN(store::Row row, tx.QueryOne(insert, {*text}));
    numbers[*text] = row.Int(0);
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
