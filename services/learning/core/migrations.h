// The learning service's schema, in portable SQL (SQLite and PostgreSQL).
#ifndef WP_SERVICES_LEARNING_CORE_MIGRATIONS_H_
#define WP_SERVICES_LEARNING_CORE_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::learning {

const std::vector<store::Migration>& Migrations();

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_MIGRATIONS_H_
