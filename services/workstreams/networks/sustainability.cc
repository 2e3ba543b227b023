#include "services/workstreams/networks/sustainability.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"

namespace wp::workstreams {
namespace {

std::string Plural(int n, const char* one, const char* many) { return absl::StrCat(n, " ", n == 1 ? one : many); }

// The network's reasons at one level of gravity, in a fixed order.
struct Findings {
  std::vector<std::string> lapsing;
  std::vector<std::string> at_risk;
};

void JudgeCoverage(int covered, int total, Findings* f) {
  const std::string fact = absl::StrCat(covered, " of ", total, " authorities have a current coordinator");
  if (covered < kLapsingBelowCovered) {
    f->lapsing.push_back(absl::StrCat(fact, " (fewer than ", kLapsingBelowCovered, ")"));
  } else if (covered < kAtRiskBelowCovered) {
    f->at_risk.push_back(absl::StrCat(fact, " (fewer than ", kAtRiskBelowCovered, ")"));
  }
}

void JudgeMeetings(int held, int expected, bool full_year, absl::CivilDay established, Findings* f) {
  if (full_year && held == 0) {
    f->lapsing.push_back("no meeting in the last 12 months");
  } else if (held < expected) {
    const std::string since = full_year ? "in the last 12 months"
                                        : absl::StrCat("since it was established on ", calendar::DayText(established));
    f->at_risk.push_back(absl::StrCat(Plural(held, "meeting", "meetings"), " ", since, " against ", expected,
                                      " expected"));
  }
}

}  // namespace

bool IsCurrentCoordinator(const v1::Coordinator& coordinator, absl::CivilDay day) {
  if (calendar::IsSet(coordinator.start_date()) && calendar::LastDayCovered(coordinator.start_date()) > day) {
    return false;
  }
  return !calendar::IsSet(coordinator.term_end_date()) || calendar::LastDayCovered(coordinator.term_end_date()) >= day;
}

absl::CivilDay TwelveMonthsStart(absl::CivilDay day) {
  // The day after the same date a year earlier (29 February falls to 1 March).
  return absl::CivilDay(day.year() - 1, day.month(), day.day()) + 1;
}

v1::NetworkSustainability SustainabilityRule::Evaluate(const v1::Network& network,
                                                       const std::vector<absl::CivilDay>& meeting_days,
                                                       absl::CivilDay as_of) const {
  v1::NetworkSustainability out;
  out.set_network(network.name());
  out.set_title(network.title());
  *out.mutable_as_of() = calendar::FromCivilDay(as_of);
  out.set_term_warning_days(term_warning_days);
  Findings findings;

  // Coverage, and the terms about to end.
  const int total = static_cast<int>(region::kAuthorities.size());
  int covered = 0;
  for (const region::Authority& authority : region::kAuthorities) {
    const v1::Coordinator* current = nullptr;
    for (const v1::Coordinator& c : network.coordinators()) {
      if (c.authority() == authority.code && !c.person().empty() && IsCurrentCoordinator(c, as_of)) current = &c;
    }
    if (current == nullptr) {
      out.add_authorities_without_coordinator(std::string(authority.code));
      continue;
    }
    ++covered;
    if (calendar::IsSet(current->term_end_date()) &&
        calendar::LastDayCovered(current->term_end_date()) <= as_of + term_warning_days) {
      v1::EndingCoordinatorTerm* ending = out.add_ending_terms();
      ending->set_authority(current->authority());
      ending->set_person(current->person());
      *ending->mutable_term_end_date() = current->term_end_date();
    }
  }
  out.set_authorities_covered(covered);
  out.set_authorities_total(total);
  JudgeCoverage(covered, total, &findings);

  // Meetings against the cadence.
  const int per_year = network.expected_meetings_per_year() > 0 ? network.expected_meetings_per_year()
                                                                 : kDefaultMeetingsPerYear;
  const absl::CivilDay year_start = TwelveMonthsStart(as_of);
  const absl::CivilDay established = calendar::IsSet(network.established_date())
                                         ? calendar::LastDayCovered(network.established_date())
                                         : year_start;
  const bool full_year = established <= year_start;
  int held = 0;
  for (absl::CivilDay day : meeting_days) {
    if (day >= year_start && day <= as_of) ++held;
  }
  const int64_t days_established = full_year ? 0 : std::max<int64_t>(0, as_of - established + 1);
  const int expected = full_year ? per_year : static_cast<int>(per_year * days_established / 365);
  out.set_meetings_last_12_months(held);
  out.set_expected_meetings(expected);
  out.set_expected_meetings_per_year(per_year);
  JudgeMeetings(held, expected, full_year, established, &findings);

  // The action plan.
  if (calendar::IsSet(network.action_plan_set_date())) {
    *out.mutable_action_plan_set_date() = network.action_plan_set_date();
  }
  if (network.priorities().empty()) {
    findings.at_risk.push_back("no action plan set");
  } else if (!calendar::IsSet(network.action_plan_set_date())) {
    findings.at_risk.push_back("the action plan has no date it was set");
  } else if (calendar::LastDayCovered(network.action_plan_set_date()) < year_start) {
    findings.at_risk.push_back(absl::StrCat("action plan last set ", calendar::ToIsoText(network.action_plan_set_date()),
                                            ", over a year ago"));
  } else {
    out.set_action_plan_current(true);
  }

  // Terms about to end that would leave too few covered.
  const int ending = out.ending_terms_size();
  if (ending > 0 && covered - ending < kAtRiskBelowCovered) {
    findings.at_risk.push_back(absl::StrCat(Plural(ending, "coordinator term ends", "coordinator terms end"),
                                            " within ", term_warning_days, " days, leaving ", covered - ending,
                                            " of ", total, " authorities covered"));
  }

  if (!findings.lapsing.empty()) {
    out.set_status(v1::NETWORK_LAPSING);
  } else if (!findings.at_risk.empty()) {
    out.set_status(v1::NETWORK_AT_RISK);
  } else {
    out.set_status(v1::NETWORK_HEALTHY);
  }
  for (auto& r : findings.lapsing) out.add_reasons(std::move(r));
  for (auto& r : findings.at_risk) out.add_reasons(std::move(r));
  return out;
}

}  // namespace wp::workstreams
