// The workstreams service's schema, one versioned step at a time. A released
// step never changes; add a new one instead. SQL is kept portable (SQLite and
// PostgreSQL): integer microseconds for instants, ISO text for dates.
#ifndef WP_SERVICES_WORKSTREAMS_MIGRATIONS_H_
#define WP_SERVICES_WORKSTREAMS_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::workstreams {

const std::vector<store::Migration>& Migrations();

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_MIGRATIONS_H_
