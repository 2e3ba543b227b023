#include "services/learning/statistics/statistics_csv.h"

#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"
#include "services/learning/core/csv_export.h"

namespace wp::learning {
namespace {

std::string Count(int64_t n) { return absl::StrCat(n); }
// Rounded already (statistics_figures.h); fixed decimals so a column reads
// evenly. Adding 0.0 turns -0 into 0.
std::string Percent(double p) { return absl::StrFormat("%.1f", p + 0.0); }
std::string Mean(double m) { return absl::StrFormat("%.2f", m + 0.0); }

struct FigureColumn {
  const char* heading;
  std::function<std::string(const v1::Figures&)> cell;
};

// One per field of v1::Figures, in field order (statistics_csv_test checks
// the count, so a new figure cannot be left out silently).
const std::vector<FigureColumn>& FigureColumns() {
  using F = v1::Figures;
  static const auto* const columns = new std::vector<FigureColumn>{
      {"Events", [](const F& f) { return Count(f.events()); }},
      {"Events held", [](const F& f) { return Count(f.held_events()); }},
      {"Registered", [](const F& f) { return Count(f.registered()); }},
      {"Attended", [](const F& f) { return Count(f.attended()); }},
      {"No-shows", [](const F& f) { return Count(f.no_shows()); }},
      {"Attendance %", [](const F& f) { return Percent(f.attendance_percent()); }},
      {"Waiting", [](const F& f) { return Count(f.waiting()); }},
      {"Late cancellations", [](const F& f) { return Count(f.late_cancellations()); }},
      {"Responses before", [](const F& f) { return Count(f.pre_responses()); }},
      {"Responses after", [](const F& f) { return Count(f.post_responses()); }},
      {"Response %", [](const F& f) { return Percent(f.response_percent()); }},
      {"Answered before and after", [](const F& f) { return Count(f.paired_responses()); }},
      {"Knowledge increased", [](const F& f) { return Count(f.increased_knowledge()); }},
      {"Knowledge increased %", [](const F& f) { return Percent(f.increased_knowledge_percent()); }},
      {"Confidence increased", [](const F& f) { return Count(f.increased_confidence()); }},
      {"Confidence increased %", [](const F& f) { return Percent(f.increased_confidence_percent()); }},
      {"Mean knowledge change", [](const F& f) { return Mean(f.mean_knowledge_change()); }},
      {"Mean understanding change", [](const F& f) { return Mean(f.mean_understanding_change()); }},
      {"Mean confidence change", [](const F& f) { return Mean(f.mean_confidence_change()); }},
      {"Rated excellent", [](const F& f) { return Count(f.rated_excellent()); }},
      {"Excellent %", [](const F& f) { return Percent(f.excellent_percent()); }},
      {"Programme completions", [](const F& f) { return Count(f.completions()); }},
      {"Practitioners reached", [](const F& f) { return Count(f.practitioners_reached()); }},
      {"Practitioner population", [](const F& f) { return Count(f.practitioner_population()); }},
      {"Reached %", [](const F& f) { return Percent(f.reached_percent()); }},
  };
  return *columns;
}

const char* KeyHeading(v1::StatisticsSplit split) {
  switch (split) {
    case v1::BY_AUTHORITY:
      return "Authority";
    case v1::BY_ESTABLISHMENT:
      return "Establishment";
    case v1::BY_ROLE:
      return "Role";
    default:
      return "Practitioners";
  }
}

std::string AuthorityWords(const std::string& code) {
  for (const region::Authority& a : region::kAuthorities) {
    if (a.code == code) return std::string(a.name);
  }
  return code;
}

// A split key in words: an authority's name, a role as "Deputy
// headteacher", an establishment as written; "(none)" for practitioners
// without one.
std::string KeyWords(v1::StatisticsSplit split, const std::string& key) {
  if (key.empty()) return "(none)";
  if (split == v1::BY_AUTHORITY) return AuthorityWords(key);
  if (split == v1::BY_ROLE) {
    std::string words = absl::AsciiStrToLower(absl::StrReplaceAll(key, {{"_", " "}}));
    words[0] = absl::ascii_toupper(static_cast<unsigned char>(words[0]));
    return words;
  }
  return SpreadsheetText(key);
}

std::string ScopeWords(const v1::GetStatisticsRequest& query) {
  if (!query.event().empty()) return query.event();
  if (!query.programme().empty()) return query.programme();
  if (!query.workstream().empty()) return query.workstream();
  return "All events";
}

std::string DateWords(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) ? calendar::ToIsoText(date) : "";
}

}  // namespace

const std::vector<std::string>& FigureHeadings() {
  static const auto* const headings = [] {
    auto* h = new std::vector<std::string>;
    for (const FigureColumn& c : FigureColumns()) h->push_back(c.heading);
    return h;
  }();
  return *headings;
}

std::vector<std::vector<std::string>> StatisticsRows(const v1::GetStatisticsRequest& query,
                                                     const v1::Statistics& statistics) {
  std::vector<std::string> header = {KeyHeading(query.split())};
  for (const std::string& heading : FigureHeadings()) header.push_back(heading);
  for (const char* heading : {"Note", "Scope", "Authority filter", "From", "To", "Population session",
                              "Population missing"}) {
    header.push_back(heading);
  }
  const std::vector<std::string> scope = {
      ScopeWords(query),
      query.authority().empty() ? "All authorities" : AuthorityWords(query.authority()),
      DateWords(query.from()),
      DateWords(query.to()),
      statistics.population_session(),
      absl::StrJoin(statistics.population_missing(), " "),
  };
  auto row_of = [&](std::string key, const v1::Figures* figures, std::string note) {
    std::vector<std::string> row = {std::move(key)};
    for (const FigureColumn& c : FigureColumns()) row.push_back(figures == nullptr ? "" : c.cell(*figures));
    row.push_back(std::move(note));
    row.insert(row.end(), scope.begin(), scope.end());
    return row;
  };
  std::vector<std::vector<std::string>> rows = {header, row_of("All", &statistics.totals(), "")};
  for (const v1::SplitFigures& split : statistics.splits()) {
    const std::string key = KeyWords(query.split(), split.key());
    rows.push_back(split.suppressed() ? row_of(key, nullptr, "suppressed") : row_of(key, &split.figures(), ""));
  }
  return rows;
}

}  // namespace wp::learning
