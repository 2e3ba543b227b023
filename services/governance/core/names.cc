#include "services/governance/core/names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/fields/field_checks.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

bool IsDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "2018-21" -> 2018 and 21; false unless YYYY-YY.
bool SplitYears(absl::string_view text, int* first, int* last_two_digits) {
  if (text.size() != 7 || text[4] != '-') return false;
  if (!IsDigits(text.substr(0, 4)) || !IsDigits(text.substr(5, 2))) return false;
  return absl::SimpleAtoi(text.substr(0, 4), first) &&
         absl::SimpleAtoi(text.substr(5, 2), last_two_digits) && *first >= 1900 && *first <= 2200;
}

// Years the span's second part is after its first, or -1.
int SpanYears(absl::string_view span) {
  int first = 0;
  int second = 0;
  if (!SplitYears(span, &first, &second)) return -1;
  const int distance = ((second - first % 100) + 100) % 100;
  return distance;
}

std::string SessionStarting(int year) {
  return absl::StrCat(year, "-", absl::Dec((year + 1) % 100, absl::kZeroPad2));
}

bool IsPositiveNumber(absl::string_view s) {
  int64_t n = 0;
  return IsDigits(s) && s.size() <= 12 && s[0] != '0' && absl::SimpleAtoi(s, &n) && n >= 1;
}

}  // namespace

bool IsValidId(absl::string_view id) { return fields::IsValidId(id); }

std::string IdFromDisplayName(absl::string_view display_name) {
  std::string id;
  for (char c : display_name) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u)) {
      id.push_back(absl::ascii_tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id.push_back('-');
    }
    if (id.size() >= 63) break;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return IsValidId(id) ? id : "";
}

bool IsValidSession(absl::string_view session) { return SpanYears(session) == 1; }

bool IsValidSessionSpan(absl::string_view span) {
  const int years = SpanYears(span);
  return years >= 1 && years <= 9;
}

std::string FirstSessionOf(absl::string_view span) {
  int first = 0;
  int second = 0;
  if (!SplitYears(span, &first, &second)) return "";
  return SessionStarting(first);
}

std::string LastSessionOf(absl::string_view span) {
  int first = 0;
  int second = 0;
  if (!IsValidSessionSpan(span) || !SplitYears(span, &first, &second)) return "";
  return SessionStarting(first + SpanYears(span) - 1);
}

absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view name,
                                                   absl::string_view pattern,
                                                   absl::string_view field,
                                                   absl::string_view example,
                                                   bool allow_wildcards) {
  const std::vector<absl::string_view> want = absl::StrSplit(pattern, '/');
  const std::vector<absl::string_view> got = absl::StrSplit(name, '/');
  auto fail = [&] {
    return InvalidField(field, absl::StrCat("must be ", pattern, ", e.g. ", example));
  };
  if (want.size() != got.size()) return fail();
  std::vector<std::string> parts;
  for (size_t i = 0; i < want.size(); ++i) {
    const absl::string_view w = want[i];
    const absl::string_view g = got[i];
    if (w.empty() || w.front() != '{') {
      if (w != g) return fail();
      continue;
    }
    const bool wildcard = allow_wildcards && g == kWildcard && (w == "{id}" || w == "{n}" || w == "{code}");
    bool ok = wildcard;
    if (!ok && w == "{id}") ok = IsValidId(g);
    if (!ok && w == "{n}") ok = IsPositiveNumber(g);
    if (!ok && w == "{code}") ok = region::IsAuthorityCode(g);
    if (!ok && w == "{session}") ok = IsValidSession(g);
    if (!ok) return fail();
    parts.emplace_back(g);
  }
  return parts;
}

absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view name, const NamePattern& pattern,
                                                   absl::string_view field, bool allow_wildcards) {
  return ParseName(name, pattern.pattern, field, pattern.example, allow_wildcards);
}

int64_t NumberPart(const std::string& part) {
  int64_t n = 0;
  return absl::SimpleAtoi(part, &n) ? n : 0;
}

std::string AuthorityName(absl::string_view code) { return absl::StrCat("authorities/", code); }
std::string PopulationName(absl::string_view code, absl::string_view session) {
  return absl::StrCat("authorities/", code, "/populations/", session);
}
std::string PersonName(absl::string_view id) { return absl::StrCat("people/", id); }
std::string BodyName(absl::string_view id) { return absl::StrCat("bodies/", id); }
std::string MembershipName(absl::string_view body, int64_t number) {
  return absl::StrCat("bodies/", body, "/memberships/", number);
}
std::string MeetingName(absl::string_view body, int64_t number) {
  return absl::StrCat("bodies/", body, "/meetings/", number);
}
std::string DecisionName(absl::string_view body, int64_t meeting, int64_t number) {
  return absl::StrCat("bodies/", body, "/meetings/", meeting, "/decisions/", number);
}
std::string ActionName(absl::string_view body, int64_t number) {
  return absl::StrCat("bodies/", body, "/actions/", number);
}
std::string PlanName(absl::string_view id) { return absl::StrCat("plans/", id); }
std::string AmendmentName(absl::string_view plan, int64_t number) {
  return absl::StrCat("plans/", plan, "/amendments/", number);
}
std::string SponsorshipName(absl::string_view plan, int64_t number) {
  return absl::StrCat("plans/", plan, "/sponsorships/", number);
}
std::string BudgetLineName(absl::string_view plan, absl::string_view line) {
  return absl::StrCat("plans/", plan, "/budgetLines/", line);
}
std::string MovementName(absl::string_view plan, absl::string_view line, int64_t number) {
  return absl::StrCat("plans/", plan, "/budgetLines/", line, "/movements/", number);
}
std::string ReallocationName(absl::string_view plan, int64_t number) {
  return absl::StrCat("plans/", plan, "/reallocations/", number);
}
std::string WorkstreamName(absl::string_view session_span, int64_t number) {
  return absl::StrCat("planPeriods/", session_span, "/workstreams/", number);
}

}  // namespace wp::governance
