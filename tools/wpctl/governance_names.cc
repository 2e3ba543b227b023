#include "tools/wpctl/governance_names.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/region/authorities.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

// People type the standing bodies by what they call them.
struct BodyAlias {
  absl::string_view alias;
  absl::string_view id;
};
constexpr BodyAlias kBodyAliases[] = {
    {"committee", "regional-education-committee"},
    {"rec", "regional-education-committee"},
    {"implementation", "implementation-group"},
    {"ig", "implementation-group"},
    {"finance", "finance-sub-group"},
    {"fsg", "finance-sub-group"},
};

// A short name part is one path segment: it must not smuggle in another level.
bool IsSegment(absl::string_view text) {
  return !text.empty() && !absl::StrContains(text, '/') && text != "." && text != "..";
}

// "12" -> "12"; leading zeros dropped; empty when not a number from 1.
std::string NumberText(absl::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), absl::ascii_isdigit)) return "";
  int64_t number = 0;
  if (!absl::SimpleAtoi(text, &number) || number < 1) return "";
  return absl::StrCat(number);
}

absl::Status NotA(absl::string_view text, absl::string_view what, absl::string_view examples) {
  return UsageError(absl::StrCat("\"", text, "\" is not a ", what, " (e.g. ", examples, ")"));
}

// A body id from a short form: an alias or the id itself (ids are lower case).
std::string BodyId(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  for (const BodyAlias& a : kBodyAliases) {
    if (lower == a.alias) return std::string(a.id);
  }
  return lower;
}

constexpr absl::string_view kMeetingExamples = "board/12 or bodies/board/meetings/12";
constexpr absl::string_view kDecisionExamples =
    "board/12/2 or bodies/board/meetings/12/decisions/2";

// "board/12" -> {"board", "12"}; empty on anything else.
std::vector<std::string> ShortMeetingParts(absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(text, '/');
  if (parts.size() != 2 || !IsSegment(parts[0])) return {};
  parts[1] = NumberText(parts[1]);
  if (parts[1].empty()) return {};
  parts[0] = BodyId(parts[0]);
  return parts;
}

}  // namespace

absl::StatusOr<std::string> AuthorityCode(absl::string_view text) {
  absl::string_view code = absl::StripAsciiWhitespace(text);
  absl::ConsumePrefix(&code, "authorities/");
  // Names compare with case, spaces and hyphens folded away.
  auto key = [](absl::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != ' ' && c != '-') out += absl::ascii_tolower(static_cast<unsigned char>(c));
    }
    return out;
  };
  const std::string wanted = key(code);
  std::vector<std::string> known;
  std::vector<std::string> starting_so;  // "Glasgow" for Glasgow City
  for (const region::Authority& a : region::kAuthorities) {
    if (key(a.code) == wanted || key(a.name) == wanted) return std::string(a.code);
    known.push_back(absl::StrCat(a.code, " (", a.name, ")"));
    if (wanted.size() >= 4 && absl::StartsWith(key(a.name), wanted)) starting_so.emplace_back(a.code);
  }
  if (starting_so.size() == 1) return starting_so.front();
  return UsageError(absl::StrCat("\"", text, "\" is not ",
                                 starting_so.empty() ? "an authority" : "one authority",
                                 "; use a code or a name: ", absl::StrJoin(known, ", ")));
}

absl::StatusOr<std::string> PersonName(absl::string_view text) {
  if (absl::StartsWith(text, "people/")) return std::string(text);
  if (!IsSegment(text)) return NotA(text, "person", "jane-smith or people/jane-smith");
  return absl::StrCat("people/", absl::AsciiStrToLower(text));
}

absl::StatusOr<std::string> BodyName(absl::string_view text) {
  if (absl::StartsWith(text, "bodies/")) return std::string(text);
  if (!IsSegment(text)) {
    return NotA(text, "body", "board, committee, implementation, finance or bodies/board");
  }
  return absl::StrCat("bodies/", BodyId(text));
}

absl::StatusOr<std::string> MeetingName(absl::string_view text) {
  if (absl::StartsWith(text, "bodies/")) return std::string(text);
  std::vector<std::string> parts = ShortMeetingParts(text);
  if (parts.empty()) return NotA(text, "meeting", kMeetingExamples);
  return absl::StrCat("bodies/", parts[0], "/meetings/", parts[1]);
}

absl::StatusOr<std::string> DecisionName(absl::string_view text, absl::string_view meeting) {
  if (absl::StartsWith(text, "bodies/")) return std::string(text);
  const std::string number = NumberText(text);
  if (!number.empty()) {
    if (meeting.empty()) {
      return UsageError(absl::StrCat("decision \"", text, "\" needs its meeting: write e.g. ",
                                     kDecisionExamples));
    }
    return absl::StrCat(meeting, "/decisions/", number);
  }
  // "board/12/2": a meeting and a number.
  const size_t slash = text.rfind('/');
  if (slash != absl::string_view::npos) {
    std::vector<std::string> parts = ShortMeetingParts(text.substr(0, slash));
    const std::string decision = NumberText(text.substr(slash + 1));
    if (!parts.empty() && !decision.empty()) {
      return absl::StrCat("bodies/", parts[0], "/meetings/", parts[1], "/decisions/", decision);
    }
  }
  return NotA(text, "decision", kDecisionExamples);
}

absl::StatusOr<std::string> PlanName(absl::string_view text) {
  if (absl::StartsWith(text, "plans/")) return std::string(text);
  if (!IsSegment(text)) return NotA(text, "plan", "2022-23 or plans/2022-23");
  return absl::StrCat("plans/", absl::AsciiStrToLower(text));
}

absl::StatusOr<std::string> BudgetLineName(absl::string_view text, absl::string_view plan) {
  if (absl::StartsWith(text, "plans/")) return std::string(text);
  constexpr absl::string_view kExamples =
      "2022-23/2022-23-coaching or plans/2022-23/budgetLines/2022-23-coaching";
  std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  if (parts.size() == 2 && IsSegment(parts[0]) && IsSegment(parts[1])) {
    return absl::StrCat("plans/", absl::AsciiStrToLower(parts[0]), "/budgetLines/",
                        absl::AsciiStrToLower(parts[1]));
  }
  if (parts.size() != 1 || !IsSegment(text)) return NotA(text, "budget line", kExamples);
  if (plan.empty()) {
    return UsageError(
        absl::StrCat("budget line \"", text, "\" needs its plan: write e.g. ", kExamples));
  }
  return absl::StrCat(plan, "/budgetLines/", absl::AsciiStrToLower(text));
}

absl::StatusOr<std::string> DecisionsParent(absl::string_view text) {
  if (text.empty()) return std::string("bodies/-/meetings/-");
  // A meeting, full or short, is the narrowest parent.
  if (absl::StrContains(text, "/meetings/") || ShortMeetingParts(text).size() == 2) {
    return MeetingName(text);
  }
  absl::StatusOr<std::string> body = BodyName(text);
  if (!body.ok()) {
    return NotA(text, "meeting or body", "board/12, board or bodies/board/meetings/12");
  }
  return absl::StrCat(*body, "/meetings/-");
}

absl::StatusOr<std::string> SessionArg(absl::string_view text, absl::string_view what) {
  int first = 0;
  int second = 0;
  const bool shaped = text.size() == 7 && text[4] == '-' &&
                      absl::SimpleAtoi(text.substr(0, 4), &first) &&
                      absl::SimpleAtoi(text.substr(5, 2), &second) &&
                      std::all_of(text.begin(), text.begin() + 4, absl::ascii_isdigit) &&
                      absl::ascii_isdigit(text[5]) && absl::ascii_isdigit(text[6]);
  if (!shaped || (first + 1) % 100 != second) {
    return UsageError(absl::StrCat(what, ": \"", text,
                                   "\" is not a session like 2022-23 (two consecutive years)"));
  }
  return std::string(text);
}

std::string ShortName(absl::string_view name) {
  std::vector<absl::string_view> p = absl::StrSplit(name, '/');
  if (p.size() == 4 && p[0] == "bodies" && p[2] == "meetings") return absl::StrCat(p[1], "/", p[3]);
  if (p.size() == 6 && p[0] == "bodies" && p[2] == "meetings" && p[4] == "decisions") {
    return absl::StrCat(p[1], "/", p[3], "/", p[5]);
  }
  if (p.size() == 2 &&
      (p[0] == "plans" || p[0] == "people" || p[0] == "bodies" || p[0] == "authorities")) {
    return std::string(p[1]);
  }
  if (p.size() == 4 && p[0] == "plans" && p[2] == "budgetLines") return std::string(p[3]);
  if (p.size() == 4 && p[0] == "bodies" && p[2] == "actions")
    return absl::StrCat(p[1], "/actions/", p[3]);
  return std::string(name);
}

}  // namespace wp::wpctl
