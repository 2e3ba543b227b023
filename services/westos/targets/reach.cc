#include "services/westos/targets/reach.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/populations/population_store.h"
#include "libs/populations/school_session.h"
#include "libs/region/authorities.h"
#include "libs/status/status_macros.h"
#include "services/westos/rollups/report_builder.h"

namespace wp::westos {
namespace {

// The authorities whose reach the caller sees: an authority officer's own, else all.
std::vector<std::string> VisibleAuthorities(const server::Caller& caller) {
  std::vector<std::string> out;
  for (const region::Authority& a : region::kAuthorities) {
    const std::string code(a.code);
    if (caller.role != "authority_officer" ||
        std::find(caller.authorities.begin(), caller.authorities.end(), code) != caller.authorities.end()) {
      out.push_back(code);
    }
  }
  return out;
}

int64_t PopulationOf(const populations::PopulationFigures& p, const std::set<int>& roles) {
  return (roles.count(v1::LEARNER) > 0 ? p.learners : 0) + (roles.count(v1::TEACHER) > 0 ? p.teachers : 0);
}

v1::ReachFigures FiguresOf(int64_t users, int64_t population, bool missing) {
  v1::ReachFigures f;
  f.set_distinct_users(users);
  f.set_population_missing(missing);
  if (!missing) {
    f.set_population(population);
    f.set_reach_percent(population > 0 ? 100.0 * static_cast<double>(users) / static_cast<double>(population) : 0);
  }
  return f;
}

}  // namespace

absl::StatusOr<v1::ReachReport> ReachQueries::GetReach(const server::Caller& caller,
                                                       const v1::GetReachRequest& request) {
  WP_RETURN_IF_ERROR(calendar::Validate(request.from(), "from", /*allow_month_only=*/false));
  WP_RETURN_IF_ERROR(calendar::Validate(request.to(), "to", /*allow_month_only=*/false));
  std::set<int> roles;
  switch (request.role()) {
    case v1::USER_ROLE_UNSPECIFIED: break;
    case v1::LEARNER:
    case v1::TEACHER: roles.insert(request.role()); break;
    case v1::OTHER_ROLE:
      return absl::InvalidArgumentError("role: OTHER_ROLE has no population figure; use LEARNER or TEACHER");
    default: return absl::InvalidArgumentError(absl::StrCat("role: ", request.role(), " is not a role"));
  }
  return Compute(caller, calendar::LastDayCovered(request.from()), calendar::LastDayCovered(request.to()),
                 std::move(roles));
}

absl::StatusOr<v1::ReachReport> ReachQueries::Compute(const server::Caller& caller, absl::CivilDay from,
                                                      absl::CivilDay to, std::set<int> roles) {
  if (roles.empty()) roles = {v1::LEARNER, v1::TEACHER};
  v1::QueryUsageRequest query;
  *query.mutable_from() = calendar::FromCivilDay(from);
  *query.mutable_to() = calendar::FromCivilDay(to);
  for (int role : roles) query.mutable_filter()->add_roles(static_cast<v1::UserRole>(role));
  query.add_group_by(v1::AUTHORITY);
  WP_ASSIGN_OR_RETURN(v1::UsageReport usage, usage_.Query(caller, query));
  std::map<std::string, int64_t> users;
  for (const v1::UsageRow& row : usage.rows()) users[row.keys(0)] = row.figures().distinct_users();

  v1::ReachReport report;
  report.set_session(populations::SchoolSessionOf(to));
  using PopulationMap = std::map<std::string, populations::PopulationFigures>;
  const std::string session = report.session();
  WP_ASSIGN_OR_RETURN(PopulationMap populations,
                      store::ReadValue<PopulationMap>(db_, [&](store::Transaction& tx) {
                        return populations::LoadPopulations(tx, session);
                      }));
  int64_t region_population = 0;
  for (const std::string& code : VisibleAuthorities(caller)) {
    auto p = populations.find(code);
    const bool missing = p == populations.end();
    const int64_t population = missing ? 0 : PopulationOf(p->second, roles);
    v1::AuthorityReach* row = report.add_authorities();
    row->set_authority(code);
    *row->mutable_figures() = FiguresOf(users[code], population, missing);
    if (missing) report.add_authorities_missing(code);
    region_population += population;
  }
  if (usage.total().suppressed()) {
    report.mutable_region()->set_suppressed(true);
    report.mutable_region()->set_population_missing(report.authorities_missing_size() > 0);
    if (!report.region().population_missing()) report.mutable_region()->set_population(region_population);
  } else {
    *report.mutable_region() =
        FiguresOf(usage.total().distinct_users(), region_population, report.authorities_missing_size() > 0);
  }
  return report;
}

}  // namespace wp::westos
