// Tables every service has: the transactional outbox and the record of events
// a consumer has already handled. Applied before the service's own migrations.
#ifndef WP_LIBS_STORE_PLATFORM_MIGRATIONS_H_
#define WP_LIBS_STORE_PLATFORM_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::store {

const std::vector<Migration>& PlatformMigrations();

}  // namespace wp::store

#endif  // WP_LIBS_STORE_PLATFORM_MIGRATIONS_H_
