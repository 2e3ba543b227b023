// The notice board's schema, one versioned step at a time. A released step
// never changes; add a new one instead.
//
// Thread-safety: returns an immutable list.
#ifndef WP_EXAMPLES_NOTICES_MIGRATIONS_H_
#define WP_EXAMPLES_NOTICES_MIGRATIONS_H_

#include <vector>

#include "libs/store/database.h"

namespace wp::examples::notices {

const std::vector<store::Migration>& Migrations();

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_MIGRATIONS_H_
