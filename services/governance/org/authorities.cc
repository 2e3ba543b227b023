#include "services/governance/org/authorities.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/org/authority_store.h"
#include "services/governance/org/org_checks.h"

namespace wp::governance {
namespace {

// UpdatePopulationRequest.update_mask paths, in the order changed_fields lists them.
const std::vector<std::string>& PopulationPaths() {
  static const auto* paths = new std::vector<std::string>{
      "learners", "teachers_and_practitioners", "establishments", "establishments_by_quintile", "source"};
  return *paths;
}

constexpr int kQuintiles = 5;

// Everyone but an authority officer acts for the whole region.
bool MayActFor(const server::Caller& caller, const std::string& code) {
  if (caller.role != "authority_officer") return true;
  return std::find(caller.authorities.begin(), caller.authorities.end(), code) != caller.authorities.end();
}

void CheckFigures(const v1::Population& in, const std::set<std::string>& paths, FieldViolations* v) {
  auto non_negative = [&](const std::string& path, int32_t value) {
    if (paths.count(path) > 0 && value < 0) v->Add("population." + path, "must not be negative");
  };
  non_negative("learners", in.learners());
  non_negative("teachers_and_practitioners", in.teachers_and_practitioners());
  non_negative("establishments", in.establishments());
  if (paths.count("establishments_by_quintile") > 0) {
    std::set<int32_t> seen;
    for (int i = 0; i < in.establishments_by_quintile_size(); ++i) {
      const v1::QuintileCount& q = in.establishments_by_quintile(i);
      const std::string field = absl::StrCat("population.establishments_by_quintile[", i, "]");
      if (q.quintile() < 1 || q.quintile() > kQuintiles) {
        v->Add(field + ".quintile", "must be 1 (most deprived) to 5 (least deprived)");
      } else if (!seen.insert(q.quintile()).second) {
        v->Add(field + ".quintile", absl::StrCat("quintile ", q.quintile(), " is given twice"));
      }
      if (q.establishments() < 0) v->Add(field + ".establishments", "must not be negative");
    }
  }
  if (paths.count("source") > 0) CheckOptionalLine(in.source(), "population.source", v);
}

bool SameQuintiles(const v1::Population& a, const v1::Population& b) {
  if (a.establishments_by_quintile_size() != b.establishments_by_quintile_size()) return false;
  for (int i = 0; i < a.establishments_by_quintile_size(); ++i) {
    const v1::QuintileCount& x = a.establishments_by_quintile(i);
    const v1::QuintileCount& y = b.establishments_by_quintile(i);
    if (x.quintile() != y.quintile() || x.establishments() != y.establishments()) return false;
  }
  return true;
}

// Copies the masked paths of `in` onto `figures`, quintiles in quintile order.
void ApplyFigures(const v1::Population& in, const std::set<std::string>& paths, v1::Population* figures) {
  if (paths.count("learners") > 0) figures->set_learners(in.learners());
  if (paths.count("teachers_and_practitioners") > 0) {
    figures->set_teachers_and_practitioners(in.teachers_and_practitioners());
  }
  if (paths.count("establishments") > 0) figures->set_establishments(in.establishments());
  if (paths.count("establishments_by_quintile") > 0) {
    *figures->mutable_establishments_by_quintile() = in.establishments_by_quintile();
    auto* quintiles = figures->mutable_establishments_by_quintile();
    std::sort(quintiles->begin(), quintiles->end(),
              [](const v1::QuintileCount& a, const v1::QuintileCount& b) { return a.quintile() < b.quintile(); });
  }
  if (paths.count("source") > 0) figures->set_source(in.source());
}

// The paths whose values differ between `before` and `after`.
std::vector<std::string> ChangedPaths(const v1::Population& before, const v1::Population& after) {
  std::vector<std::string> changed;
  if (before.learners() != after.learners()) changed.push_back("learners");
  if (before.teachers_and_practitioners() != after.teachers_and_practitioners()) {
    changed.push_back("teachers_and_practitioners");
  }
  if (before.establishments() != after.establishments()) changed.push_back("establishments");
  if (!SameQuintiles(before, after)) changed.push_back("establishments_by_quintile");
  if (before.source() != after.source()) changed.push_back("source");
  return changed;
}

int64_t QuintileSum(const v1::Population& p) {
  int64_t sum = 0;
  for (const v1::QuintileCount& q : p.establishments_by_quintile()) sum += q.establishments();
  return sum;
}

}  // namespace

absl::StatusOr<v1::Authority> Authorities::GetAuthority(const server::Caller& /*caller*/,
                                                        const v1::GetAuthorityRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kAuthorityPattern, "name"));
  return store::ReadValue<v1::Authority>(
      db_, [&](store::Transaction& tx) { return LoadAuthority(tx, parts[0]); });
}

absl::StatusOr<v1::ListAuthoritiesResponse> Authorities::ListAuthorities(
    const server::Caller& /*caller*/, const v1::ListAuthoritiesRequest& request) {
  WP_ASSIGN_OR_RETURN(auto page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(auto token, paging::DecodePageKey(request.page_token(), 1));
  const std::string after = token.Text(0);
  return store::ReadValue<v1::ListAuthoritiesResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListAuthoritiesResponse> {
        WP_ASSIGN_OR_RETURN(auto rows, ListAuthorityRows(tx, after, page_size + 1));
        v1::ListAuthoritiesResponse response;
        response.set_next_page_token(paging::FillPage(
            rows, page_size, response.mutable_authorities(),
            [](const v1::Authority& last) { return paging::KeyOf(last.code()); }));
        return response;
      });
}

absl::StatusOr<v1::Population> Authorities::GetPopulation(const server::Caller& /*caller*/,
                                                          const v1::GetPopulationRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kPopulationPattern, "name"));
  return store::ReadValue<v1::Population>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Population> {
    auto found = FindPopulation(tx, parts[0], parts[1]);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return absl::NotFoundError(absl::StrCat(request.name(), " does not exist"));
    return **found;
  });
}

absl::StatusOr<v1::ListPopulationsResponse> Authorities::ListPopulations(
    const server::Caller& /*caller*/, const v1::ListPopulationsRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kAuthorityPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v);
  if (!request.session().empty() && !IsValidSession(request.session())) {
    v.Add("session", "must be a school session, e.g. 2022-23");
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 2);
  AddViolationsOf(token.status(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!page_size.ok()) return page_size.status();
  if (!token.ok()) return token.status();

  const std::string code = (*parent)[0] == kWildcard ? "" : (*parent)[0];
  const PopulationKey after{token->Text(0), token->Text(1)};
  return store::ReadValue<v1::ListPopulationsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPopulationsResponse> {
        WP_ASSIGN_OR_RETURN(auto rows, ListPopulationRows(tx, code, request.session(), after, *page_size + 1));
        v1::ListPopulationsResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, *page_size, response.mutable_populations(), [](const v1::Population& last) {
              return paging::KeyOf(last.authority().substr(sizeof("authorities/") - 1), last.session());
            }));
        return response;
      });
}

absl::StatusOr<v1::Population> Authorities::UpdatePopulation(const server::Caller& caller,
                                                             const v1::UpdatePopulationRequest& request) {
  const v1::Population& in = request.population();
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(in.name(), kPopulationPattern, "population.name"));
  const std::string code = parts[0];
  const std::string session = parts[1];
  if (!MayActFor(caller, code)) {
    return absl::PermissionDeniedError(absl::StrCat("an authority officer for ",
                                                    absl::StrJoin(caller.authorities, ", "),
                                                    " may not update the figures of ", code));
  }
  WP_ASSIGN_OR_RETURN(auto paths, MaskPaths(request.update_mask(), PopulationPaths()));
  FieldViolations v;
  CheckFigures(in, paths, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Population>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Population> {
    if (auto authority = LoadAuthority(tx, code); !authority.ok()) return authority.status();
    auto current = FindPopulation(tx, code, session);
    if (!current.ok()) return current.status();
    if (!current->has_value() && !request.allow_missing()) {
      return absl::NotFoundError(absl::StrCat(in.name(), " does not exist; set allow_missing to create it"));
    }
    const int64_t version = current->has_value() ? store::VersionOf((*current)->etag()) : 0;
    WP_RETURN_IF_ERROR(store::CheckEtag(in.etag(), version, in.name()));

    v1::Population figures = current->has_value() ? **current : v1::Population();
    ApplyFigures(in, paths, &figures);
    if (QuintileSum(figures) > figures.establishments()) {
      const std::string field = paths.count("establishments_by_quintile") > 0
                                    ? "population.establishments_by_quintile"
                                    : "population.establishments";
      return InvalidField(field, absl::StrCat("the quintile counts add up to ", QuintileSum(figures),
                                              ", more than the ", figures.establishments(),
                                              " establishments"));
    }

    v1::AuthorityPopulationUpdated event;
    if (current->has_value()) {
      const std::vector<std::string> changed = ChangedPaths(**current, figures);
      if (changed.empty()) return **current;  // nothing to record, nothing to publish
      for (const std::string& path : changed) event.add_changed_fields(path);
      *event.mutable_previous() = **current;
      WP_RETURN_IF_ERROR(SavePopulation(tx, code, session, figures, version, now));
    } else {
      for (const std::string& path : PopulationPaths()) {
        if (paths.count(path) > 0) event.add_changed_fields(path);
      }
      WP_RETURN_IF_ERROR(InsertPopulation(tx, code, session, figures, now));
    }
    auto stored = FindPopulation(tx, code, session);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return absl::InternalError(absl::StrCat(in.name(), " vanished while saved"));
    *event.mutable_population() = **stored;
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "authority", "population_updated", in.name(), event).status());
    return **stored;
  });
}

absl::StatusOr<v1::RegionPopulation> Authorities::GetRegionPopulation(
    const server::Caller& /*caller*/, const v1::GetRegionPopulationRequest& request) {
  if (request.session().empty()) return InvalidField("session", "is required");
  if (!IsValidSession(request.session())) return InvalidField("session", "must be a school session, e.g. 2022-23");
  return store::ReadValue<v1::RegionPopulation>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::RegionPopulation> {
        WP_ASSIGN_OR_RETURN(auto authorities, ListAuthorityRows(tx, "", 1000));
        WP_ASSIGN_OR_RETURN(auto figures,
                            ListPopulationRows(tx, "", request.session(), PopulationKey{}, 1000));

        v1::RegionPopulation region;
        region.set_session(request.session());
        std::array<int64_t, kQuintiles + 1> quintile_sum{};
        std::array<int, kQuintiles + 1> quintile_known{};
        size_t next = 0;  // both lists are in code order
        for (const v1::Authority& a : authorities) {
          if (next >= figures.size() || figures[next].authority() != a.name()) {
            region.add_authorities_missing(a.code());
            continue;
          }
          const v1::Population& p = figures[next++];
          region.add_authorities_included(a.code());
          region.set_learners(region.learners() + p.learners());
          region.set_teachers_and_practitioners(region.teachers_and_practitioners() +
                                                p.teachers_and_practitioners());
          region.set_establishments(region.establishments() + p.establishments());
          for (const v1::QuintileCount& q : p.establishments_by_quintile()) {
            if (q.quintile() < 1 || q.quintile() > kQuintiles) continue;
            quintile_sum[q.quintile()] += q.establishments();
            ++quintile_known[q.quintile()];
          }
        }
        // A quintile every counted authority knows; otherwise its total would
        // silently miss someone.
        for (int q = 1; q <= kQuintiles && region.authorities_included_size() > 0; ++q) {
          if (quintile_known[q] != region.authorities_included_size()) continue;
          v1::QuintileCount* out = region.add_establishments_by_quintile();
          out->set_quintile(q);
          out->set_establishments(static_cast<int32_t>(quintile_sum[q]));
        }
        return region;
      });
}

}  // namespace wp::governance
