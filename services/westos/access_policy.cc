#include "services/westos/access_policy.h"

#include <string>

namespace wp::westos {

authz::RoleTable AccessPolicy() {
  using authz::Role;
  auto usage = [](const char* method) { return std::string("/wp.westos.v1.UsageService/") + method; };
  // The content platform pushes and corrects usage with an ingest token;
  // admins and officers may too (a re-send, a backfill by hand).
  const std::set<Role> feeders = {Role::kAdmin, Role::kOfficer, Role::kIngest};
  return {
      {usage("IngestUsage"), feeders},
      {usage("ImportUsageCsv"), feeders},
      {usage("RetractUsageEvents"), feeders},
      // Figures only, small groups suppressed: dashboards (partner) too.
      {usage("QueryUsage"), authz::AggregateReaders()},
      // xAPI statements come from the same feeders; a stored statement is
      // one person's activity (pseudonymous), so only feeders read it back.
      {"/wp.westos.v1.StatementService/SendStatements", feeders},
      {"/wp.westos.v1.StatementService/GetStatement", feeders},
      // Erasure and retention change what is kept of people: admins only.
      {"/wp.westos.v1.UsagePrivacyService/EraseUser", {Role::kAdmin}},
      {"/wp.westos.v1.UsagePrivacyService/PurgeEvents", {Role::kAdmin}},
  };
}

}  // namespace wp::westos
