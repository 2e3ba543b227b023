#include "tools/wpctl/targets_views.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

std::vector<std::string> ReachCells(const std::string& who, const targets::ReachFigures& f) {
  if (f.suppressed()) {
    return {who, "<5", f.population_missing() ? "no figure" : GroupedNumber(f.population()), "-"};
  }
  if (f.population_missing()) return {who, GroupedNumber(f.distinct_users()), "no figure", "-"};
  return {who, GroupedNumber(f.distinct_users()), GroupedNumber(f.population()),
          absl::StrFormat("%.1f%%", f.reach_percent())};
}

std::string KindWord(targets::TargetKind kind) {
  std::string word = absl::AsciiStrToLower(targets::TargetKind_Name(kind));
  for (char& c : word) {
    if (c == '_') c = '-';
  }
  return word;
}

std::string RagWord(targets::Rag rag) {
  return rag == targets::RAG_UNKNOWN ? "unknown" : targets::Rag_Name(rag);
}

}  // namespace

absl::StatusOr<targets::TargetKind> ParseTargetKind(absl::string_view text) {
  std::string word = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  for (char& c : word) {
    if (c == '-' || c == ' ') c = '_';
  }
  targets::TargetKind kind;
  if (!targets::TargetKind_Parse(word, &kind) || kind == targets::TARGET_KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        absl::StrCat("--kind: \"", text, "\" is not one of growth, reach, positive-ratings"));
  }
  return kind;
}

std::string ReachText(const targets::ReachReport& report) {
  Table table({{"authority"}, {"users", Align::kRight}, {"population", Align::kRight}, {"reach", Align::kRight}});
  for (const targets::AuthorityReach& a : report.authorities()) table.AddRow(ReachCells(a.authority(), a.figures()));
  table.AddRule();
  table.AddRow(ReachCells("region", report.region()));
  std::string text = absl::StrCat("session ", report.session(), "\n", table.Render());
  if (!report.authorities_missing().empty()) {
    absl::StrAppend(&text, "no population figure for ", report.session(), ": ",
                    absl::StrJoin(report.authorities_missing(), ", "), "\n");
  }
  return text;
}

std::string BaselinesText(const std::vector<targets::Baseline>& baselines) {
  Table table({{"name"}, {"from"}, {"to"}, {"title"}});
  for (const targets::Baseline& b : baselines) {
    table.AddRow({b.name(), DateText(b.from()), DateText(b.to()), Truncate(OneLine(b.title()), 60)});
  }
  return table.empty() ? "no baselines\n" : table.Render();
}

std::string TargetsText(const std::vector<targets::Target>& list) {
  Table table({{"name"}, {"kind"}, {"value", Align::kRight}, {"start"}, {"deadline"}, {"authority"}, {"reached"}});
  for (const targets::Target& t : list) {
    std::string value = absl::StrFormat("%g%%", t.target_value());
    if (t.kind() == targets::GROWTH) absl::StrAppend(&value, " over ", t.baseline());
    table.AddRow({t.name(), KindWord(t.kind()), value, DateText(t.start_date()), DateText(t.deadline()),
                  t.authority().empty() ? "region" : t.authority(),
                  t.reached_on().year() == 0 ? "-" : DateText(t.reached_on())});
  }
  return table.empty() ? "no targets\n" : table.Render();
}

std::string TargetStatusText(const std::vector<targets::TargetStatus>& statuses) {
  Table table({{"name"},
               {"as of"},
               {"current", Align::kRight},
               {"expected", Align::kRight},
               {"target", Align::kRight},
               {"progress", Align::kRight},
               {"RAG"}});
  std::string reasons;
  for (const targets::TargetStatus& s : statuses) {
    const bool known = s.rag() != targets::RAG_UNKNOWN;
    table.AddRow({s.target().name(), DateText(s.as_of()), known ? absl::StrFormat("%.1f%%", s.current_value()) : "-",
                  absl::StrFormat("%.1f%%", s.expected_value()), absl::StrFormat("%g%%", s.target().target_value()),
                  known ? absl::StrFormat("%.0f%%", 100 * s.progress()) : "-", RagWord(s.rag())});
    absl::StrAppend(&reasons, s.target().name(), ": ", s.reason(), "\n");
  }
  if (table.empty()) return "no targets\n";
  return absl::StrCat(table.Render(), reasons);
}

}  // namespace wp::wpctl
