// The population figures westos holds (from the governance service's
// events, services/westos/from_governance), read for reach.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WESTOS_TARGETS_POPULATION_STORE_H_
#define WP_SERVICES_WESTOS_TARGETS_POPULATION_STORE_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::westos {

struct PopulationFigures {
  int64_t learners = 0;
  int64_t teachers = 0;  // teachers and other practitioners (headcount)
};

// The figures of `session` ("2022-23") by authority code; authorities
// without figures are absent.
absl::StatusOr<std::map<std::string, PopulationFigures>> LoadPopulations(store::Transaction& tx,
                                                                         const std::string& session);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_POPULATION_STORE_H_
