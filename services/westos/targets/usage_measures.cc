#include "services/westos/targets/usage_measures.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "services/westos/events.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {

server::Caller ServiceCaller(absl::string_view method) {
  server::Caller caller;
  caller.actor = kServiceName;
  caller.role = "system";
  caller.method = std::string(method);
  return caller;
}

absl::StatusOr<v1::UsageFigures> UsageMeasures::Figures(const v1::UsageFilter& filter, const std::string& authority,
                                                        absl::CivilDay from, absl::CivilDay to,
                                                        absl::string_view field_prefix) {
  v1::QueryUsageRequest request;
  *request.mutable_from() = calendar::FromCivilDay(from);
  *request.mutable_to() = calendar::FromCivilDay(to);
  *request.mutable_filter() = filter;
  if (!authority.empty()) {
    request.mutable_filter()->clear_authorities();
    request.mutable_filter()->add_authorities(authority);
  }
  absl::StatusOr<v1::UsageReport> report = queries_.Query(ServiceCaller("UsageTargets"), request);
  if (!report.ok()) {
    if (report.status().code() == absl::StatusCode::kInvalidArgument &&
        absl::StartsWith(report.status().message(), "filter.")) {
      return absl::InvalidArgumentError(absl::StrCat(field_prefix, report.status().message()));
    }
    return report.status();
  }
  return report->total();
}

absl::Status UsageMeasures::CheckFilter(const v1::UsageFilter& filter, absl::string_view field_prefix) {
  for (const std::string& authority : filter.authorities()) {
    if (!ParseAuthority(authority).ok()) {
      return absl::InvalidArgumentError(absl::StrCat(field_prefix, "filter.authorities: \"", authority,
                                                     "\" is not the code or name of an authority of the region"));
    }
  }
  const absl::CivilDay day(2000, 1, 1);  // one day with no usage: cheap
  return Figures(filter, "", day, day, field_prefix).status();
}

}  // namespace wp::westos
