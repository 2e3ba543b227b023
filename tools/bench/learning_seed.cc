#include "tools/bench/learning_seed.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/calendar/timestamps.h"
#include "libs/region/authorities.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/event_figures.h"

namespace wp::bench {
namespace {

constexpr int kRowsPerStatement = 500;
constexpr int kRowsPerTransaction = 50000;

// Inserts rows of `columns` values in multi-row statements, in
// transactions of kRowsPerTransaction rows. `row(i, values)` appends row i's values.
absl::Status InsertRows(store::Database& db, const std::string& table, const std::string& columns, int width,
                        int64_t count, const std::function<void(int64_t, std::vector<store::Value>&)>& row) {
  const std::string one = absl::StrCat("(", absl::StrJoin(std::vector<std::string>(width, "?"), ", "), ")");
  for (int64_t first = 0; first < count; first += kRowsPerTransaction) {
    const int64_t last = std::min(count, first + kRowsPerTransaction);
    WP_RETURN_IF_ERROR(db.Write([&](store::Transaction& tx) -> absl::Status {
      for (int64_t start = first; start < last; start += kRowsPerStatement) {
        const int64_t end = std::min(last, start + kRowsPerStatement);
        std::vector<std::string> tuples(end - start, one);
        std::vector<store::Value> values;
        values.reserve((end - start) * width);
        for (int64_t i = start; i < end; ++i) row(i, values);
        WP_RETURN_IF_ERROR(tx.Execute(absl::StrCat("INSERT INTO ", table, " (", columns, ") VALUES ",
                                                    absl::StrJoin(tuples, ", ")),
                                      values)
                               .status());
      }
      return absl::OkStatus();
    }));
    std::fprintf(stderr, "\r%s: %lld/%lld", table.c_str(), static_cast<long long>(last),
                 static_cast<long long>(count));
  }
  std::fprintf(stderr, "\n");
  return absl::OkStatus();
}

std::string PractitionerId(int64_t n) { return absl::StrCat("P", n); }
std::string EventId(int64_t n) { return absl::StrCat("bench-event-", n); }

}  // namespace

std::string BenchProgrammeId(int n) { return absl::StrCat("bench-programme-", n); }

absl::Status SeedLearning(store::Database& db, const LearningSeedSize& size, absl::Time now) {
  const int64_t now_us = calendar::Micros(now);
  const int64_t events = static_cast<int64_t>(size.programmes) * size.events_per_programme;
  const int64_t registrations = events * size.places_per_event;
  WP_RETURN_IF_ERROR(db.Write([&](store::Transaction& tx) -> absl::Status {
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO known_workstreams (name, title) VALUES (?, 'Benchmark')",
                                  {std::string(kBenchWorkstream)})
                           .status());
    for (int p = 0; p < size.programmes; ++p) {
      WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO programmes (id, title, description, workstream, network, "
                                    "completion_min_events, version, create_us, update_us) "
                                    "VALUES (?, ?, '', ?, '', 3, 1, ?, ?)",
                                    {BenchProgrammeId(p), absl::StrCat("Programme ", p), std::string(kBenchWorkstream),
                                     now_us, now_us})
                             .status());
    }
    return absl::OkStatus();
  }));
  const int64_t year_us = int64_t{365} * 24 * 3600 * 1000000;
  WP_RETURN_IF_ERROR(InsertRows(
      db, "learning_events",
      "id, title, programme_id, format, delivery, sectors, roles, start_us, end_us, capacity, facilitators, "
      "cutoff_us, location, status, placed, version, create_us, update_us",
      18, events, [&](int64_t e, std::vector<store::Value>& v) {
        const int64_t start = now_us - year_us + (year_us / events) * e;
        v.insert(v.end(), {EventId(e), absl::StrCat("Session ", e), BenchProgrammeId(static_cast<int>(e / size.events_per_programme)),
                           int64_t{4}, int64_t{2}, std::string("2,3"), std::string(""), start,
                           start + int64_t{2} * 3600 * 1000000, static_cast<int64_t>(size.places_per_event),
                           std::string("Facilitator"), start, std::string("Online"), int64_t{3},
                           static_cast<int64_t>(size.places_per_event), int64_t{1}, now_us, now_us});
      }));
  WP_RETURN_IF_ERROR(InsertRows(
      db, "practitioners", "id, authority, establishment, sector, role, version, create_us, update_us", 8,
      size.practitioners, [&](int64_t p, std::vector<store::Value>& v) {
        v.insert(v.end(), {PractitionerId(p), std::string(region::kAuthorities[p % 8].code),
                           absl::StrCat("EST-", p % 997), int64_t{1 + p % 4}, int64_t{1 + p % 7}, int64_t{1}, now_us,
                           now_us});
      }));
  // Registration r: event r / places, practitioner spread so each event has
  // distinct people; 85% attended.
  auto practitioner_of = [&](int64_t r) {
    const int64_t e = r / size.places_per_event;
    const int64_t k = r % size.places_per_event;
    return (e * 7919 + k) % size.practitioners;
  };
  WP_RETURN_IF_ERROR(InsertRows(db, "registrations", "event_id, practitioner_id, state, attendance, register_us", 5,
                                registrations, [&](int64_t r, std::vector<store::Value>& v) {
                                  v.insert(v.end(), {EventId(r / size.places_per_event),
                                                     PractitionerId(practitioner_of(r)), int64_t{1},
                                                     int64_t{r % 20 < 17 ? 1 : 2}, now_us});
                                }));
  // Answers in pairs from attended registrations (pre, then post).
  const int64_t pairs = size.evaluations / 2;
  std::vector<int64_t> answered;
  answered.reserve(pairs);
  for (int64_t r = 0; r < registrations && static_cast<int64_t>(answered.size()) < pairs; ++r) {
    if (r % 20 < 17 && r % 3 != 2) answered.push_back(r);
  }
  WP_RETURN_IF_ERROR(InsertRows(db, "evaluations",
                    "event_id, practitioner_id, stage, knowledge, understanding, confidence, overall_rating, "
                    "expected_impact, comment, submit_us",
                    10, static_cast<int64_t>(answered.size()) * 2, [&](int64_t i, std::vector<store::Value>& v) {
                      const int64_t r = answered[i / 2];
                      const bool post = i % 2 == 1;
                      const int64_t pre_score = 1 + r % 4;
                      v.insert(v.end(), {EventId(r / size.places_per_event), PractitionerId(practitioner_of(r)),
                                         int64_t{post ? 2 : 1}, post ? std::min<int64_t>(5, pre_score + r % 3) : pre_score,
                                         int64_t{3}, post ? int64_t{4} : int64_t{3}, post ? 3 + r % 3 : int64_t{0},
                                         post ? int64_t{4} : int64_t{0}, std::string(""), now_us});
                    }));
  // The per-event figures the service keeps as it writes (the rows above
  // went in beside it).
  for (int64_t first = 0; first < events; first += 500) {
    WP_RETURN_IF_ERROR(db.Write([&](store::Transaction& tx) -> absl::Status {
      for (int64_t e = first; e < std::min(events, first + 500); ++e) {
        WP_RETURN_IF_ERROR(learning::RefreshEventFigures(tx, EventId(e)));
      }
      return absl::OkStatus();
    }));
  }
  // Table statistics for the query planner, as a database that has been in
  // use (PostgreSQL's autovacuum) would have.
  return db.Write([](store::Transaction& tx) { return tx.Execute("ANALYZE").status(); });
}

}  // namespace wp::bench
