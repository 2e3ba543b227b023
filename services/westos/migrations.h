// The westos service's schema, in portable SQL (SQLite and PostgreSQL).
#ifndef WP_SERVICES_WESTOS_MIGRATIONS_H_
#define WP_SERVICES_WESTOS_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::westos {

const std::vector<store::Migration>& Migrations();

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_MIGRATIONS_H_
