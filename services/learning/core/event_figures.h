// Per-event figures: what statistics sum over events (places, attendances,
// waiting, late cancellations, responses, pre/post pairs and their changes),
// kept in event_figures beside the rows they count, so that statistics on a
// cache miss read one row per event instead of every registration and
// evaluation. Every write that changes an event's registrations or
// evaluations refreshes its row in the same transaction; the row is counted
// afresh from that event's rows (a few hundred at most), so it cannot drift.
// Distinct people (reach) and anything split by practitioner are still
// counted from the rows (statistics/statistics_store.cc).
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CORE_EVENT_FIGURES_H_
#define WP_SERVICES_LEARNING_CORE_EVENT_FIGURES_H_

#include <string>

#include "absl/status/status.h"
#include "libs/store/database.h"

namespace wp::learning {

// Migration 3: the table, filled from the rows already held, and the index
// reach is counted from.
const std::string& EventFiguresMigration();

// Counts the event's row afresh.
absl::Status RefreshEventFigures(store::Transaction& tx, const std::string& event_id);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_EVENT_FIGURES_H_
