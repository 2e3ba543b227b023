#include "services/westos/ingest/usage_event_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/event_keys.h"

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

// retracted: 0 counts, 1 retracted, 2 purged, 3 erased (migrations.cc).
KnownEvent KnownFrom(const store::Row& row) {
  return KnownEvent{row.Int(0), row.Text(1), row.Int(2), static_cast<int32_t>(row.Int(3)), row.Int(4) == 1,
                    row.Int(4) == 2};
}

constexpr char kKnownColumns[] = "event_key, event_id, digest, day, retracted";

}  // namespace

absl::StatusOr<std::vector<KnownEvent>> FindEventsByKeys(store::Transaction& tx,
                                                         const std::vector<int64_t>& keys) {
  std::vector<KnownEvent> found;
  for (size_t start = 0; start < keys.size(); start += kChunk) {
    const size_t n = std::min(kChunk, keys.size() - start);
    std::vector<store::Value> params(keys.begin() + start, keys.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query(absl::StrCat("SELECT ", kKnownColumns, " FROM usage_events WHERE event_key IN (",
                                              InList(n), ")"),
                                 params));
    for (const store::Row& row : rows) found.push_back(KnownFrom(row));
  }
  return found;
}

absl::StatusOr<std::vector<KnownEvent>> FindEventsNearKey(store::Transaction& tx, int64_t key) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kKnownColumns,
                                            " FROM usage_events WHERE event_key >= ? AND event_key < ?"),
                               {key, key + kKeyProbes}));
  std::vector<KnownEvent> found;
  for (const store::Row& row : rows) found.push_back(KnownFrom(row));
  return found;
}

absl::Status InsertEvents(store::Transaction& tx, const std::vector<StoredEvent>& events) {
  for (size_t start = 0; start < events.size(); start += kChunk) {
    const size_t n = std::min(kChunk, events.size() - start);
    std::vector<store::Value> params;
    params.reserve(n * kEventColumns);
    for (size_t i = start; i < start + n; ++i) {
      const StoredEvent& e = events[i];
      for (store::Value v : std::initializer_list<store::Value>{
               e.key, e.event_id, e.digest, int64_t{e.day}, e.occurred_us, e.user_num, int64_t{e.role},
               int64_t{e.authority}, e.establishment_num, int64_t{e.sector}, int64_t{e.simd}, e.content_num,
               int64_t{e.action}, e.seconds, int64_t{e.rating}}) {
        params.push_back(std::move(v));
      }
    }
    WP_RETURN_IF_ERROR(
        tx.Execute(absl::StrCat("INSERT INTO usage_events (event_key, event_id, digest, day, occurred_us, user_num, "
                                "role, authority, establishment_num, sector, simd, content_num, action, seconds, "
                                "rating) VALUES ",
                                Placeholders(n, kEventColumns)),
                   params)
            .status());
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> MarkRetracted(store::Transaction& tx, int64_t key) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE usage_events SET retracted = 1 WHERE event_key = ? AND retracted = 0", {key}));
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
  for (const std::string& text : wanted) {
    int64_t& number = numbers[text];
    if (number >= 0) continue;
    WP_ASSIGN_OR_RETURN(store::Row row, tx.QueryOne(insert, {text}));
    number = row.Int(0);
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
