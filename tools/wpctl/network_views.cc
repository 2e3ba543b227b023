#include "tools/wpctl/network_views.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;
constexpr size_t kReasonWidth = 70;

// "GCC  Ailsa Brown  (from 2025-08-01 until 2027-07-31)".
std::string CoordinatorLine(const v1::Coordinator& c) {
  std::string line = absl::StrCat(c.authority(), "  ", c.person());
  const bool start = c.has_start_date() && c.start_date().year() != 0;
  const bool end = c.has_term_end_date() && c.term_end_date().year() != 0;
  if (start && end) {
    absl::StrAppend(&line, "  (from ", DateText(c.start_date()), " until ", DateText(c.term_end_date()), ")");
  } else if (start) {
    absl::StrAppend(&line, "  (from ", DateText(c.start_date()), ", open-ended)");
  } else if (end) {
    absl::StrAppend(&line, "  (until ", DateText(c.term_end_date()), ")");
  }
  return line;
}

std::string Coverage(const v1::NetworkSustainability& s) {
  return absl::StrCat(s.authorities_covered(), "/", s.authorities_total());
}

std::string Lines(const google::protobuf::RepeatedPtrField<std::string>& lines) {
  return absl::StrJoin(lines, "\n");
}

}  // namespace

std::string SustainabilityWord(v1::NetworkSustainabilityStatus status) {
  switch (status) {
    case v1::NETWORK_HEALTHY: return "healthy";
    case v1::NETWORK_AT_RISK: return "at risk";
    case v1::NETWORK_LAPSING: return "lapsing";
    default: return "-";
  }
}

std::string NetworkHealthText(const v1::ListNetworkSustainabilityResponse& response) {
  std::string text;
  if (response.networks().empty()) {
    text = "no networks\n";
  } else {
    Table table({{"STATUS"}, {"NETWORK"}, {"COVERAGE", Align::kRight}, {"MEETINGS", Align::kRight}, {"PLAN"},
                 {"REASON"}});
    for (const v1::NetworkSustainability& s : response.networks()) {
      table.AddRow({SustainabilityWord(s.status()), Truncate(s.title(), kTitleWidth), Coverage(s),
                    absl::StrCat(s.meetings_last_12_months(), "/", s.expected_meetings()),
                    s.action_plan_current() ? "current" : "not current",
                    s.reasons().empty() ? "-" : Truncate(s.reasons(0), kReasonWidth)});
    }
    text = table.Render();
  }
  absl::StrAppend(&text, response.lapsing(), " lapsing, ", response.at_risk(), " at risk, ", response.healthy(),
                  " healthy, as of ", DateText(response.as_of()),
                  " (coverage: authorities with a current coordinator; meetings: last 12 months/expected)\n");
  return text;
}

std::string KindWord(v1::NetworkKind kind) {
  if (kind == v1::NETWORK_KIND_UNSPECIFIED || !v1::NetworkKind_IsValid(kind)) return "-";
  std::string word = absl::AsciiStrToLower(v1::NetworkKind_Name(kind));
  std::replace(word.begin(), word.end(), '_', ' ');
  return word;
}

std::string NetworksText(const v1::ListNetworksResponse& response) {
  if (response.networks().empty()) return "no networks\n";
  Table table({{"NAME"}, {"TITLE"}, {"KIND"}, {"WORKSTREAM"}, {"MEETINGS", Align::kRight},
               {"LAST MEETING"}});
  for (const v1::Network& n : response.networks()) {
    table.AddRow({n.name(), Truncate(n.title(), kTitleWidth), KindWord(n.kind()),
                  n.owning_workstream(), absl::StrCat(n.meetings_held()),
                  DateText(n.last_meeting_date())});
  }
  return table.Render();
}

std::string NetworkText(const v1::Network& n) {
  std::string coordinators;
  for (const v1::Coordinator& c : n.coordinators()) {
    absl::StrAppend(&coordinators, coordinators.empty() ? "" : "\n", CoordinatorLine(c));
  }
  std::string priorities;
  for (int i = 0; i < n.priorities_size(); ++i) {
    absl::StrAppend(&priorities, i == 0 ? "" : "\n", i + 1, ". ", n.priorities(i));
  }
  const v1::NetworkSustainability& s = n.sustainability();
  std::string ending;
  for (const v1::EndingCoordinatorTerm& t : s.ending_terms()) {
    absl::StrAppend(&ending, ending.empty() ? "" : "\n", t.authority(), "  ", t.person(), "  ends ",
                    DateText(t.term_end_date()));
  }
  std::string coverage = Coverage(s);
  if (!s.authorities_without_coordinator().empty()) {
    absl::StrAppend(&coverage, " (none in ", absl::StrJoin(s.authorities_without_coordinator(), ", "), ")");
  }
  const std::string plan = absl::StrCat(s.action_plan_current() ? "current" : "not current",
                                        n.has_action_plan_set_date() && n.action_plan_set_date().year() != 0
                                            ? absl::StrCat(" (set ", DateText(n.action_plan_set_date()), ")")
                                            : "");
  return FieldsText({{"name", n.name()},
                     {"title", n.title()},
                     {"kind", KindWord(n.kind())},
                     {"owning workstream", n.owning_workstream()},
                     {"coordinators", coordinators},
                     {"action plan", priorities},
                     {"meetings held", absl::StrCat(n.meetings_held())},
                     {"last meeting", DateText(n.last_meeting_date())},
                     {"meetings a year", absl::StrCat(n.expected_meetings_per_year())},
                     {"established", DateText(n.established_date())},
                     {"sustainability", absl::StrCat(SustainabilityWord(s.status()), " as of ", DateText(s.as_of()))},
                     {"reasons", s.reasons().empty() ? "-" : Lines(s.reasons())},
                     {"coverage", coverage},
                     {"last 12 months", absl::StrCat(s.meetings_last_12_months(),
                                                      s.meetings_last_12_months() == 1 ? " meeting, " : " meetings, ",
                                                      s.expected_meetings(), " expected")},
                     {"action plan is", plan},
                     {"terms ending", ending.empty() ? absl::StrCat("none within ", s.term_warning_days(), " days")
                                                   : ending},
                     {"created", TimeText(n.create_time())},
                     {"updated", TimeText(n.update_time())},
                     {"etag", n.etag()}});
}

}  // namespace wp::wpctl
