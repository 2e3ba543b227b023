#include "services/westos/content/content_import_rows.h"

#include <map>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/table/table_text.h"
#include "libs/text/bounded_text.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/usage/quoted_text.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {
namespace {

using Row = v1::ContentImportRow;

// How much of a bad cell a reason quotes (Quoted escapes its line breaks:
// a quoted CSV cell may hold them).
constexpr size_t kMaxEchoedCellBytes = 60;

const std::vector<std::string>& RequiredColumns() {
  static const auto* columns = new std::vector<std::string>{"content_id", "title", "subject", "level", "status"};
  return *columns;
}
const std::vector<std::string>& OptionalColumns() {
  static const auto* columns =
      new std::vector<std::string>{"sector", "commissioned_date", "uploaded_date", "published_date"};
  return *columns;
}

absl::StatusOr<v1::ContentStatus> ParseStatus(absl::string_view text) {
  const std::string word = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  if (word.empty()) return InvalidField("status", "is required");
  v1::ContentStatus status;
  if (v1::ContentStatus_Parse(word, &status) && status != v1::CONTENT_STATUS_UNSPECIFIED) return status;
  return InvalidField("status", absl::StrCat(Quoted(text, kMaxEchoedCellBytes),
                                             " is not one of commissioned, uploaded, published"));
}

void ParseDate(const std::string& column, absl::string_view text, common::v1::Date* out, FieldViolations* v) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return;
  std::optional<common::v1::Date> date = calendar::FromIsoText(trimmed);
  if (!date.has_value() || date->day() == 0) {
    v->Add(column, absl::StrCat(Quoted(text, kMaxEchoedCellBytes), " is not a date (YYYY-MM-DD)"));
    return;
  }
  *out = *date;
}

// Which cell holds each known column.
class Columns {
 public:
  // INVALID_ARGUMENT on "content" when a required column is missing.
  absl::Status ReadHeader(const table::TableRow& header, std::vector<std::string>* ignored) {
    for (size_t i = 0; i < header.cells.size(); ++i) {
      const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header.cells[i]));
      const bool known = absl::c_linear_search(RequiredColumns(), name) || absl::c_linear_search(OptionalColumns(), name);
      if (!known || index_.count(name) > 0) {
        ignored->push_back(text::Bounded(header.cells[i], 200));
        continue;
      }
      index_[name] = i;
    }
    std::vector<std::string> missing;
    for (const std::string& name : RequiredColumns()) {
      if (index_.count(name) == 0) missing.push_back(name);
    }
    if (!missing.empty()) {
      return InvalidField("content", absl::StrCat("line ", header.line, ": the header lacks the column",
                                                  missing.size() > 1 ? "s " : " ", absl::StrJoin(missing, ", "),
                                                  " (it needs ", absl::StrJoin(RequiredColumns(), ", "), ")"));
    }
    return absl::OkStatus();
  }

  bool Has(const std::string& name) const { return index_.count(name) > 0; }
  std::string Cell(const table::TableRow& row, const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end() || it->second >= row.cells.size()) return std::string();
    return row.cells[it->second];
  }
  std::set<std::string> Names() const {
    std::set<std::string> names;
    for (const auto& [name, index] : index_) names.insert(name);
    return names;
  }

 private:
  std::map<std::string, size_t> index_;
};

ImportedContentRow Parse(const table::TableRow& row, const Columns& columns) {
  ImportedContentRow parsed;
  parsed.line = row.line;
  v1::ContentItem& item = parsed.item;
  FieldViolations v;
  item.set_content_id(std::string(absl::StripAsciiWhitespace(columns.Cell(row, "content_id"))));
  if (!row.over_limit.empty()) {
    v.Add("content", row.over_limit);
    parsed.problems = v.ToStatus();
    return parsed;
  }
  item.set_title(std::string(absl::StripAsciiWhitespace(columns.Cell(row, "title"))));
  item.set_subject(columns.Cell(row, "subject"));
  item.set_level(columns.Cell(row, "level"));
  absl::StatusOr<v1::ContentStatus> status = ParseStatus(columns.Cell(row, "status"));
  if (status.ok()) {
    item.set_status(*status);
  } else {
    AddViolationsOf(status.status(), &v, "status");
  }
  if (columns.Has("sector")) {
    absl::StatusOr<Sector> sector = ParseSector(columns.Cell(row, "sector"));
    if (sector.ok()) {
      item.set_sector(static_cast<v1::Sector>(*sector));
    } else {
      AddViolationsOf(sector.status(), &v, "sector");
    }
  }
  ParseDate("commissioned_date", columns.Cell(row, "commissioned_date"), item.mutable_commissioned_date(), &v);
  ParseDate("uploaded_date", columns.Cell(row, "uploaded_date"), item.mutable_uploaded_date(), &v);
  ParseDate("published_date", columns.Cell(row, "published_date"), item.mutable_published_date(), &v);
  parsed.problems = v.ToStatus();
  return parsed;
}

// The catalogued `current` with the file's row over it: the columns the file
// has replace its fields (an empty date cell lets the rules fill the date).
absl::StatusOr<v1::ContentItem> Merge(const v1::ContentItem& current, const v1::ContentItem& in,
                                      const ContentImportFile& file, absl::CivilDay today) {
  WP_RETURN_IF_ERROR(CheckStatusMove(current.status(), in.status(), "status"));
  v1::ContentItem next = current;
  next.set_title(in.title());
  next.set_subject(in.subject());
  next.set_level(in.level());
  next.set_status(in.status());
  if (file.Has("sector")) next.set_sector(in.sector());
  if (file.Has("commissioned_date")) *next.mutable_commissioned_date() = in.commissioned_date();
  if (file.Has("uploaded_date")) *next.mutable_uploaded_date() = in.uploaded_date();
  if (file.Has("published_date")) *next.mutable_published_date() = in.published_date();
  WP_RETURN_IF_ERROR(CompleteItem(next, today, ""));
  return next;
}

}  // namespace

absl::StatusOr<ContentImportFile> ReadContentImportFile(absl::string_view content) {
  ContentImportFile file;
  table::TableReader reader(content, table::Format::kCsv);
  table::TableRow header;
  absl::StatusOr<bool> got = reader.Next(&header);
  if (!got.ok()) return InvalidField("content", got.status().message());
  if (!*got) return InvalidField("content", "is empty; it needs a header row and rows of items");
  Columns columns;
  WP_RETURN_IF_ERROR(columns.ReadHeader(header, &file.ignored_columns));
  file.columns = columns.Names();

  table::TableRow row;
  while (true) {
    got = reader.Next(&row);
    if (!got.ok()) return InvalidField("content", got.status().message());
    if (!*got) break;
    if (static_cast<int>(file.rows.size()) == kMaxImportRows) {
      return InvalidField("content", absl::StrCat("has more than ", kMaxImportRows, " rows; split the file"));
    }
    file.rows.push_back(Parse(row, columns));
  }

  // One row per item: a second row for an id would overwrite the first.
  absl::flat_hash_map<std::string, int> first_line;
  for (ImportedContentRow& p : file.rows) {
    if (!p.problems.ok()) continue;
    auto [it, inserted] = first_line.try_emplace(p.item.content_id(), p.line);
    if (!inserted) {
      p.problems = InvalidField("content_id", absl::StrCat("repeats the item of line ", it->second));
    }
  }
  return file;
}

std::optional<v1::ContentItem> ApplyImportedRow(const ImportedContentRow& row, const v1::ContentItem* catalogued,
                                                const ContentImportFile& file, absl::CivilDay today, Row* out) {
  if (!row.problems.ok()) {
    RejectImportedRow(row.problems, out);
    return std::nullopt;
  }
  if (catalogued == nullptr) {
    v1::ContentItem item = row.item;
    if (absl::Status s = CompleteItem(item, today, ""); !s.ok()) {
      RejectImportedRow(s, out);
      return std::nullopt;
    }
    return item;
  }
  absl::StatusOr<v1::ContentItem> next = Merge(*catalogued, row.item, file, today);
  if (next.ok()) return *std::move(next);
  if (absl::IsFailedPrecondition(next.status())) {  // the status would go back
    out->set_outcome(Row::REJECTED);
    out->set_field("status");
    out->set_reason(std::string(next.status().message()));
  } else {
    RejectImportedRow(next.status(), out);
  }
  return std::nullopt;
}

void RejectImportedRow(const absl::Status& problems, Row* out) {
  const std::vector<FieldViolation> violations = FieldViolationsOf(problems);
  out->set_outcome(Row::REJECTED);
  if (violations.size() == 1) {
    out->set_field(violations[0].field);
    out->set_reason(text::Bounded(violations[0].description, kMaxImportReasonBytes));
    return;
  }
  if (!violations.empty()) out->set_field(violations[0].field);
  out->set_reason(text::Bounded(problems.message(), kMaxImportReasonBytes));
}

}  // namespace wp::westos
