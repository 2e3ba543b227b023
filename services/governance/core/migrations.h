// The governance service's schema, oldest first. Versions never change once
// released; a change to the schema is a new migration at the end.
#ifndef WP_SERVICES_GOVERNANCE_CORE_MIGRATIONS_H_
#define WP_SERVICES_GOVERNANCE_CORE_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::governance {

const std::vector<store::Migration>& Migrations();

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_MIGRATIONS_H_
