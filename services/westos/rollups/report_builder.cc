#include "services/westos/rollups/report_builder.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {
namespace {

// A row of the split: its period and the code of each group_by dimension
// (authority, sector, role or SIMD code; content number; or the index of a
// subject or level in the report's list of them).
using RowKey = std::pair<int32_t, std::vector<uint32_t>>;

// Subjects and levels numbered for the report, and which content has each.
class ContentGroups {
 public:
  explicit ContentGroups(const ContentCatalogue& content) {
    for (const auto& [num, info] : content) {
      subject_of_[num] = Number(subjects_, info.subject);
      level_of_[num] = Number(levels_, info.level);
    }
  }
  uint32_t SubjectOf(uint32_t content) const { return Lookup(subject_of_, content); }
  uint32_t LevelOf(uint32_t content) const { return Lookup(level_of_, content); }
  const std::string& SubjectText(uint32_t code) const { return subjects_[code]; }
  const std::string& LevelText(uint32_t code) const { return levels_[code]; }
  // The content numbers whose subject (or level) has the code.
  absl::flat_hash_set<uint32_t> WithSubject(uint32_t code) const { return With(subject_of_, code); }
  absl::flat_hash_set<uint32_t> WithLevel(uint32_t code) const { return With(level_of_, code); }

 private:
  static uint32_t Number(std::vector<std::string>& names, const std::string& name) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<uint32_t>(i);
    }
    names.push_back(name);
    return static_cast<uint32_t>(names.size() - 1);
  }
  static uint32_t Lookup(const absl::flat_hash_map<uint32_t, uint32_t>& map, uint32_t content) {
    auto it = map.find(content);
    return it == map.end() ? 0 : it->second;
  }
  static absl::flat_hash_set<uint32_t> With(const absl::flat_hash_map<uint32_t, uint32_t>& map, uint32_t code) {
    absl::flat_hash_set<uint32_t> contents;
    for (const auto& [content, c] : map) {
      if (c == code) contents.insert(content);
    }
    return contents;
  }

  std::vector<std::string> subjects_{""};  // code 0: content without one
  std::vector<std::string> levels_{""};
  absl::flat_hash_map<uint32_t, uint32_t> subject_of_;
  absl::flat_hash_map<uint32_t, uint32_t> level_of_;
};

uint32_t CodeOf(v1::Dimension dim, const Dimensions& d, const ContentGroups& groups) {
  switch (dim) {
    case v1::AUTHORITY: return d.authority;
    case v1::SECTOR: return d.sector;
    case v1::ROLE: return d.role;
    case v1::SIMD: return d.simd;
    case v1::CONTENT: return d.content;
    case v1::SUBJECT: return groups.SubjectOf(d.content);
    case v1::LEVEL: return groups.LevelOf(d.content);
    default: return 0;
  }
}

// Keeps only the content numbers also in `allowed` (all of `allowed` when
// the filter had none).
void NarrowContents(CodedFilter& filter, const absl::flat_hash_set<uint32_t>& allowed) {
  if (!filter.ConstrainsContent()) {
    filter.contents = allowed;
  } else {
    absl::flat_hash_set<uint32_t> kept;
    for (uint32_t c : filter.contents) {
      if (allowed.contains(c)) kept.insert(c);
    }
    filter.contents = std::move(kept);
  }
  filter.no_content = filter.contents.empty();
}

// The filter of one row: the query's, narrowed to the row's values.
CodedFilter RowFilter(const ReportSpec& spec, const std::vector<uint32_t>& codes, const ContentGroups& groups) {
  CodedFilter f = spec.filter;
  for (size_t i = 0; i < spec.group_by.size(); ++i) {
    const uint32_t code = codes[i];
    switch (spec.group_by[i]) {
      case v1::AUTHORITY: f.authorities = {static_cast<uint8_t>(code)}; break;
      case v1::SECTOR: f.sectors = {static_cast<uint8_t>(code)}; break;
      case v1::ROLE: f.roles = {static_cast<uint8_t>(code)}; break;
      case v1::SIMD: f.simds = {static_cast<uint8_t>(code)}; break;
      case v1::CONTENT: NarrowContents(f, {code}); break;
      case v1::SUBJECT: NarrowContents(f, groups.WithSubject(code)); break;
      case v1::LEVEL: NarrowContents(f, groups.WithLevel(code)); break;
      default: break;
    }
  }
  return f;
}

std::string KeyText(v1::Dimension dim, uint32_t code, const ContentCatalogue& content, const ContentGroups& groups) {
  switch (dim) {
    case v1::AUTHORITY: return std::string(region::AuthorityCodeOf(static_cast<int>(code)));
    case v1::SECTOR: return std::string(SectorName(static_cast<Sector>(code)));
    case v1::ROLE: return std::string(RoleName(static_cast<Role>(code)));
    case v1::SIMD: return code == 0 ? "unknown" : absl::StrCat(code);
    case v1::CONTENT: {
      auto it = content.find(code);
      return it == content.end() ? absl::StrCat("#", code) : it->second.content_id;
    }
    case v1::SUBJECT: return groups.SubjectText(code);
    case v1::LEVEL: return groups.LevelText(code);
    default: return "";
  }
}

// Figures for the people and counts of a row, suppressed when the row spans
// authorities and holds fewer than kSmallestShownGroup people.
v1::UsageFigures Figures(const Counts& counts, uint64_t people, bool spans_authorities) {
  v1::UsageFigures f;
  if (spans_authorities && people < static_cast<uint64_t>(kSmallestShownGroup)) {
    f.set_suppressed(true);
    return f;
  }
  f.set_views(counts.views);
  f.set_plays(counts.plays);
  f.set_completions(counts.completions);
  f.set_ratings(counts.ratings);
  f.set_positive_ratings(counts.positive_ratings);
  f.set_minutes(static_cast<double>(counts.seconds) / 60.0);
  f.set_distinct_users(static_cast<int64_t>(people));
  return f;
}

uint64_t PeopleOver(const std::vector<const IndexedDay*>& days, const CodedFilter& filter) {
  std::vector<Roaring> per_day;
  per_day.reserve(days.size());
  for (const IndexedDay* d : days) per_day.push_back(d->index->People(filter));
  std::vector<const Roaring*> parts;
  for (const Roaring& r : per_day) parts.push_back(&r);
  if (parts.empty()) return 0;
  return Roaring::fastunion(parts.size(), parts.data()).cardinality();
}

bool SpansAuthorities(const CodedFilter& filter) { return filter.authorities.size() != 1; }

}  // namespace

absl::StatusOr<v1::UsageReport> BuildReport(const ReportSpec& spec, const std::vector<IndexedDay>& days,
                                            const ContentCatalogue& content, size_t max_rows) {
  const ContentGroups groups(content);
  v1::UsageReport report;
  std::vector<const IndexedDay*> all;
  Counts total;
  for (const IndexedDay& d : days) {
    all.push_back(&d);
    d.index->AddCounts(spec.filter, total);
  }
  *report.mutable_total() = Figures(total, PeopleOver(all, spec.filter), SpansAuthorities(spec.filter));
  if (spec.period == PeriodKind::kWhole && spec.group_by.empty()) return report;

  // Counts per row in one pass over each day's combinations; then people per row.
  bool with_content = spec.filter.ConstrainsContent();
  for (v1::Dimension dim : spec.group_by) {
    with_content |= dim == v1::CONTENT || dim == v1::SUBJECT || dim == v1::LEVEL;
  }
  std::map<RowKey, Counts> rows;
  std::map<int32_t, std::vector<const IndexedDay*>> days_of_period;
  for (const IndexedDay& d : days) {
    const int32_t period = PeriodStart(d.day, spec.period, spec.from);
    days_of_period[period].push_back(&d);
    d.index->ForEachCombination(with_content, [&](const Dimensions& dims, const Counts& counts) {
      if (!spec.filter.Matches(dims)) return;
      std::vector<uint32_t> codes;
      codes.reserve(spec.group_by.size());
      for (v1::Dimension dim : spec.group_by) codes.push_back(CodeOf(dim, dims, groups));
      rows[{period, std::move(codes)}].Add(counts);
    });
    if (rows.size() > max_rows) {
      return absl::InvalidArgumentError(absl::StrCat("group_by: the report would have more than ", max_rows,
                                                     " rows; narrow the range, the filter or the split"));
    }
  }
  // Rows in order of period, then of their keys as text.
  std::vector<v1::UsageRow> out;
  out.reserve(rows.size());
  for (const auto& [key, counts] : rows) {
    const auto& [period, codes] = key;
    const CodedFilter filter = RowFilter(spec, codes, groups);
    v1::UsageRow& row = out.emplace_back();
    if (spec.period != PeriodKind::kWhole) *row.mutable_period_start() = calendar::FromCivilDay(CivilDayOf(period));
    for (size_t i = 0; i < codes.size(); ++i) row.add_keys(KeyText(spec.group_by[i], codes[i], content, groups));
    *row.mutable_figures() = Figures(counts, PeopleOver(days_of_period[period], filter), SpansAuthorities(filter));
  }
  std::sort(out.begin(), out.end(), [](const v1::UsageRow& a, const v1::UsageRow& b) {
    const std::string da = calendar::ToIsoText(a.period_start()), db = calendar::ToIsoText(b.period_start());
    if (da != db) return da < db;
    return std::lexicographical_compare(a.keys().begin(), a.keys().end(), b.keys().begin(), b.keys().end());
  });
  for (v1::UsageRow& row : out) *report.add_rows() = std::move(row);
  return report;
}

}  // namespace wp::westos
