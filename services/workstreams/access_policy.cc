#include "services/workstreams/access_policy.h"

#include <string>

namespace wp::workstreams {
namespace {

std::string Tracker(const char* method) {
  return std::string("/wp.workstreams.v1.WorkstreamsService/") + method;
}
std::string Projects(const char* method) {
  return std::string("/wp.workstreams.v1.ProjectsService/") + method;
}
std::string Networks(const char* method) {
  return std::string("/wp.workstreams.v1.NetworksService/") + method;
}

}  // namespace

authz::RoleTable AccessPolicy() {
  using authz::AdminsOnly;
  using authz::AggregateReaders;
  using authz::Readers;
  using authz::Writers;
  using Role = auth::Role;
  std::set<Role> coordinator_setters = Writers();
  coordinator_setters.insert(Role::kAuthorityOfficer);  // for its own authorities only
  return {
      // The plan and its tracker: the core team writes, everyone inside reads.
      {Tracker("CreateWorkstream"), Writers()},
      {Tracker("GetWorkstream"), Readers()},
      {Tracker("ListWorkstreams"), Readers()},
      {Tracker("UpdateWorkstream"), Writers()},
      {Tracker("CreatePlanItem"), Writers()},
      {Tracker("GetPlanItem"), Readers()},
      {Tracker("ListPlanItems"), Readers()},
      {Tracker("UpdatePlanItem"), Writers()},
      {Tracker("AddProgressNote"), Writers()},
      {Tracker("ListStatusHistory"), Readers()},
      {Tracker("ImportTracker"), Writers()},
      {Tracker("ExportTracker"), Readers()},
      // The aggregate: other regions' systems (partner) may read it too.
      {Tracker("GetTrackerSummary"), AggregateReaders()},
      // Project action plans: written by the core team, like the tracker.
      {Projects("GetProject"), Readers()},
      {Projects("ListProjects"), Readers()},
      {Projects("UpdateProject"), Writers()},
      {Projects("ImportProjectPlan"), Writers()},
      {Projects("ExportProjectPlan"), Readers()},
      // Networks: coordinator names are person-level data, scoped in networks.cc.
      {Networks("CreateNetwork"), Writers()},
      {Networks("GetNetwork"), Readers()},
      {Networks("ListNetworks"), Readers()},
      {Networks("SetCoordinator"), coordinator_setters},
      {Networks("SetActionPlan"), Writers()},
      {Networks("RecordMeeting"), Writers()},
      {Networks("ListMeetings"), Readers()},
      {Networks("SetMeetingCadence"), Writers()},
      {Networks("ListNetworkSustainability"), Readers()},
      // The runtime adds the rows of the RPCs it serves itself (audit, outbox,
      // backups, log level, status): libs/runtime/platform_policy.h.
  };
}

}  // namespace wp::workstreams
