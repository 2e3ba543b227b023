#include "services/westos/rollups/usage_query.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"
#include "libs/status/status_macros.h"
#include "services/westos/rollups/report_builder.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {
namespace {

absl::StatusOr<PeriodKind> PeriodOf(v1::Period period) {
  switch (period) {
    case v1::PERIOD_UNSPECIFIED: return PeriodKind::kWhole;
    case v1::DAY: return PeriodKind::kDay;
    case v1::ISO_WEEK: return PeriodKind::kIsoWeek;
    case v1::FORTNIGHT: return PeriodKind::kFortnight;
    case v1::MONTH: return PeriodKind::kMonth;
    default: return absl::InvalidArgumentError(absl::StrCat("period: unknown value ", period));
  }
}

// Read afresh by every query, in its own snapshot: the day indexes cache
// content numbers only, never subjects or levels, so a catalogue change
// (services/westos/content/) regroups cached days at once without
// invalidating anything.
absl::StatusOr<ContentCatalogue> LoadContent(store::Transaction& tx) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT content_num, content_id, subject, level FROM content_items"));
  ContentCatalogue content;
  for (const store::Row& row : rows) {
    content[static_cast<uint32_t>(row.Int(0))] = ContentInfo{row.Text(1), row.Text(2), row.Text(3)};
  }
  return content;
}

// The authorities the caller may see: all, or an authority officer's own.
absl::Status ScopeAuthorities(const server::Caller& caller, CodedFilter& filter) {
  if (caller.role != "authority_officer") return absl::OkStatus();
  absl::flat_hash_set<uint8_t> own;
  for (const std::string& code : caller.authorities) {
    if (int n = region::AuthorityNumber(code); n > 0) own.insert(static_cast<uint8_t>(n));
  }
  if (filter.authorities.empty()) {
    filter.authorities = own;
    return absl::OkStatus();
  }
  for (uint8_t a : filter.authorities) {
    if (!own.contains(a)) {
      return absl::PermissionDeniedError(absl::StrCat("filter.authorities: ", region::AuthorityCodeOf(a),
                                                      " is not among the authorities of your token"));
    }
  }
  return absl::OkStatus();
}

// The request's filter as codes; subjects, levels and content ids become the
// content numbers they allow.
absl::StatusOr<CodedFilter> ResolveFilter(const v1::UsageFilter& in, const ContentCatalogue& content) {
  CodedFilter out;
  for (const std::string& authority : in.authorities()) {
    absl::StatusOr<std::string> code = ParseAuthority(authority);
    if (!code.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("filter.authorities: ", absl::StripPrefix(code.status().message(), "authority: ")));
    }
    out.authorities.insert(static_cast<uint8_t>(region::AuthorityNumber(*code)));
  }
  for (int sector : in.sectors()) {
    if (sector <= 0 || sector > v1::ASN) {
      return absl::InvalidArgumentError(absl::StrCat("filter.sectors: ", sector, " is not a sector"));
    }
    out.sectors.insert(static_cast<uint8_t>(sector));
  }
  for (int role : in.roles()) {
    if (role <= 0 || role > v1::OTHER_ROLE) {
      return absl::InvalidArgumentError(absl::StrCat("filter.roles: ", role, " is not a role"));
    }
    out.roles.insert(static_cast<uint8_t>(role));
  }
  for (int simd : in.simd()) {
    if (simd < 0 || simd > 5) {
      return absl::InvalidArgumentError(
          absl::StrCat("filter.simd: ", simd, " is not a quintile (1 to 5, or 0 for unknown)"));
    }
    out.simds.insert(static_cast<uint8_t>(simd));
  }
  const std::set<std::string> subjects(in.subjects().begin(), in.subjects().end());
  const std::set<std::string> levels(in.levels().begin(), in.levels().end());
  const std::set<std::string> ids(in.content_ids().begin(), in.content_ids().end());
  if (subjects.empty() && levels.empty() && ids.empty()) return out;
  for (const auto& [num, info] : content) {
    if ((subjects.empty() || subjects.count(info.subject) > 0) && (levels.empty() || levels.count(info.level) > 0) &&
        (ids.empty() || ids.count(info.content_id) > 0)) {
      out.contents.insert(num);
    }
  }
  out.no_content = out.contents.empty();
  return out;
}

absl::Status CheckGroupBy(const v1::QueryUsageRequest& request) {
  std::set<int> seen;
  for (int dim : request.group_by()) {
    if (dim <= 0 || dim > v1::SIMD) {
      return absl::InvalidArgumentError(absl::StrCat("group_by: ", dim, " is not a dimension"));
    }
    if (!seen.insert(dim).second) {
      return absl::InvalidArgumentError(absl::StrCat("group_by: ", v1::Dimension_Name(dim), " is named twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::UsageReport> UsageQueries::Query(const server::Caller& caller,
                                                    const v1::QueryUsageRequest& request) {
  WP_RETURN_IF_ERROR(calendar::Validate(request.from(), "from", /*allow_month_only=*/false));
  WP_RETURN_IF_ERROR(calendar::Validate(request.to(), "to", /*allow_month_only=*/false));
  ReportSpec spec;
  spec.from = DayNumber(calendar::LastDayCovered(request.from()));
  spec.to = DayNumber(calendar::LastDayCovered(request.to()));
  if (spec.to < spec.from) return absl::InvalidArgumentError("to: is before from");
  if (spec.to - spec.from + 1 > kMaxQueryDays) {
    return absl::InvalidArgumentError(absl::StrCat("to: the range covers more than ", kMaxQueryDays, " days"));
  }
  WP_ASSIGN_OR_RETURN(spec.period, PeriodOf(request.period()));
  WP_RETURN_IF_ERROR(CheckGroupBy(request));
  for (int dim : request.group_by()) spec.group_by.push_back(static_cast<v1::Dimension>(dim));

  return store::ReadValue<v1::UsageReport>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::UsageReport> {
    WP_ASSIGN_OR_RETURN(ContentCatalogue content, LoadContent(tx));
    WP_ASSIGN_OR_RETURN(spec.filter, ResolveFilter(request.filter(), content));
    WP_RETURN_IF_ERROR(ScopeAuthorities(caller, spec.filter));
    WP_ASSIGN_OR_RETURN(std::vector<IndexedDay> days, days_.Days(tx, spec.from, spec.to));
    return BuildReport(spec, days, content, kMaxReportRows);
  });
}

}  // namespace wp::westos
