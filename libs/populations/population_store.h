// The population figures a service holds (from the governance service's
// events, population_events.h), read for reach: the table every such
// service creates in its schema, and the read.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_LIBS_POPULATIONS_POPULATION_STORE_H_
#define WP_LIBS_POPULATIONS_POPULATION_STORE_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::populations {

// The table, as a service's migration creates it (westos's step 4 wrote
// the same statement before this constant existed).
inline constexpr char kAuthorityPopulationsTable[] = R"sql(
CREATE TABLE authority_populations (
  authority TEXT NOT NULL,
  session TEXT NOT NULL,
  learners INTEGER NOT NULL,
  teachers INTEGER NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (authority, session)
);
)sql";

struct PopulationFigures {
  int64_t learners = 0;
  int64_t teachers = 0;  // teachers and other practitioners (headcount)
};

// The figures of `session` ("2022-23") by authority code; authorities
// without figures are absent.
absl::StatusOr<std::map<std::string, PopulationFigures>> LoadPopulations(store::Transaction& tx,
                                                                         const std::string& session);

}  // namespace wp::populations

#endif  // WP_LIBS_POPULATIONS_POPULATION_STORE_H_
