#include "libs/populations/population_store.h"

#include <vector>

#include "libs/status/status_macros.h"

namespace wp::populations {

absl::StatusOr<std::map<std::string, PopulationFigures>> LoadPopulations(store::Transaction& tx,
                                                                         const std::string& session) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT authority, learners, teachers FROM authority_populations WHERE session = ?",
                               {session}));
  std::map<std::string, PopulationFigures> out;
  for (const store::Row& row : rows) out[row.Text(0)] = PopulationFigures{row.Int(1), row.Int(2)};
  return out;
}

}  // namespace wp::populations
