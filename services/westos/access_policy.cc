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
  auto targets = [](const char* method) { return std::string("/wp.westos.v1.UsageTargetService/") + method; };
  const std::set<Role> target_writers = {Role::kAdmin, Role::kOfficer};
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
      // Reach, baselines and targets: officers and admins set them; their
      // figures are aggregates, read as QueryUsage is.
      {targets("CreateBaseline"), target_writers},
      {targets("DeleteBaseline"), target_writers},
      {targets("CreateTarget"), target_writers},
      {targets("DeleteTarget"), target_writers},
      {targets("GetReach"), authz::AggregateReaders()},
      {targets("GetBaseline"), authz::AggregateReaders()},
      {targets("ListBaselines"), authz::AggregateReaders()},
      {targets("GetTarget"), authz::AggregateReaders()},
      {targets("ListTargets"), authz::AggregateReaders()},
      {targets("EvaluateTargets"), authz::AggregateReaders()},
      {targets("GetTargetStatus"), authz::AggregateReaders()},
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
