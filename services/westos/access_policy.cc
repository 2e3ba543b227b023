#include "services/westos/access_policy.h"

#include <string>

namespace wp::westos {

authz::RoleTable AccessPolicy() {
  using authz::Role;
  auto usage = [](const char* method) { return std::string("/wp.westos.v1.UsageService/") + method; };
  auto content = [](const char* method) { return std::string("/wp.westos.v1.ContentService/") + method; };
  // The content platform pushes and corrects usage with an ingest token;
  // admins and officers may too (a re-send, a backfill by hand).
  const std::set<Role> feeders = {Role::kAdmin, Role::kOfficer, Role::kIngest};
  return {
      {usage("IngestUsage"), feeders},
      {usage("ImportUsageCsv"), feeders},
      {usage("RetractUsageEvents"), feeders},
      // Figures only, small groups suppressed: dashboards (partner) too.
      {usage("QueryUsage"), authz::AggregateReaders()},
      // The catalogue and coverage targets: kept by the core team; read by
      // anyone who reads figures (titles and targets hold no personal data).
      {content("CreateContentItem"), authz::Writers()},
      {content("UpdateContentItem"), authz::Writers()},
      {content("ImportContentItems"), authz::Writers()},
      {content("CreateCoverageTarget"), authz::Writers()},
      {content("DeleteCoverageTarget"), authz::Writers()},
      {content("GetContentItem"), authz::AggregateReaders()},
      {content("ListContentItems"), authz::AggregateReaders()},
      {content("ListCoverageTargets"), authz::AggregateReaders()},
      {content("GetCoverageReport"), authz::AggregateReaders()},
  };
}

}  // namespace wp::westos
