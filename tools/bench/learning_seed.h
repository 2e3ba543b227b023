// The learning benchmark's data, written straight into the service's store
// before the service starts (loading a million registrations one RPC at a
// time would take longer than the measurements): programmes of held
// events, practitioners across the authorities, registrations with
// attendance, and pre/post answers for part of the attendances.
#ifndef WP_TOOLS_BENCH_LEARNING_SEED_H_
#define WP_TOOLS_BENCH_LEARNING_SEED_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::bench {

struct LearningSeedSize {
  int programmes = 10;
  int events_per_programme = 100;
  int places_per_event = 1000;  // registrations per event: programmes x events x places
  int practitioners = 50000;
  int64_t evaluations = 500000;  // pre and post answers, in pairs, from attendances
};

// The workstream programmes link to, as the consumer would have recorded it.
inline constexpr char kBenchWorkstream[] = "planPeriods/2022-23/workstreams/2";

// "bench-programme-<n>" from 0.
std::string BenchProgrammeId(int n);

// Writes the data (the schema must be migrated). Events are held, in the
// year before `now`. Progress goes to stderr.
absl::Status SeedLearning(store::Database& db, const LearningSeedSize& size, absl::Time now);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_LEARNING_SEED_H_
