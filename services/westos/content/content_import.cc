#include "services/westos/content/content_import.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/table/table_text.h"
#include "libs/text/bounded_text.h"
#include "services/westos/content/content_items.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/content_store.h"
#include "services/westos/events.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {
namespace {

using Row = v1::ContentImportRow;

const std::vector<std::string>& RequiredColumns() {
  static const auto* columns = new std::vector<std::string>{"content_id", "title", "subject", "level", "status"};
  return *columns;
}
const std::vector<std::string>& OptionalColumns() {
  static const auto* columns =
      new std::vector<std::string>{"sector", "commissioned_date", "uploaded_date", "published_date"};
  return *columns;
}

// A row read from the file: the item its cells give, and which columns the
// file has (a column it lacks keeps a catalogued item's value).
struct ParsedRow {
  int line = 0;
  v1::ContentItem item;
  absl::Status problems;
};

absl::StatusOr<v1::ContentStatus> ParseStatus(absl::string_view text) {
  const std::string word = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  if (word.empty()) return InvalidField("status", "is required");
  v1::ContentStatus status;
  if (v1::ContentStatus_Parse(word, &status) && status != v1::CONTENT_STATUS_UNSPECIFIED) return status;
  return InvalidField("status", absl::StrCat("\"", text::Bounded(text, 60),
                                             "\" is not one of commissioned, uploaded, published"));
}

void ParseDate(const std::string& column, absl::string_view text, common::v1::Date* out, FieldViolations* v) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return;
  std::optional<common::v1::Date> date = calendar::FromIsoText(trimmed);
  if (!date.has_value() || date->day() == 0) {
    v->Add(column, absl::StrCat("\"", text::Bounded(text, 60), "\" is not a date (YYYY-MM-DD)"));
    return;
  }
  *out = *date;
}

// Row's field and reason from its problems: the first field, every reason.
void SetProblem(const absl::Status& status, Row* row) {
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  row->set_outcome(Row::REJECTED);
  if (violations.size() == 1) {
    row->set_field(violations[0].field);
    row->set_reason(text::Bounded(violations[0].description, 4000));
    return;
  }
  if (!violations.empty()) row->set_field(violations[0].field);
  row->set_reason(text::Bounded(status.message(), 4000));
}

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

 private:
  std::map<std::string, size_t> index_;
};

ParsedRow Parse(const table::TableRow& row, const Columns& columns) {
  ParsedRow parsed;
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
                                      const Columns& columns, absl::CivilDay today) {
  WP_RETURN_IF_ERROR(CheckStatusMove(current.status(), in.status(), "status"));
  v1::ContentItem next = current;
  next.set_title(in.title());
  next.set_subject(in.subject());
  next.set_level(in.level());
  next.set_status(in.status());
  if (columns.Has("sector")) next.set_sector(in.sector());
  if (columns.Has("commissioned_date")) *next.mutable_commissioned_date() = in.commissioned_date();
  if (columns.Has("uploaded_date")) *next.mutable_uploaded_date() = in.uploaded_date();
  if (columns.Has("published_date")) *next.mutable_published_date() = in.published_date();
  WP_RETURN_IF_ERROR(CompleteItem(next, today, ""));
  return next;
}

}  // namespace

absl::StatusOr<v1::ImportContentItemsResponse> ContentImport::Import(const server::Caller& caller,
                                                                     const v1::ImportContentItemsRequest& request,
                                                                     absl::Time now) {
  const absl::CivilDay today = UtcDay(now);
  v1::ImportContentItemsResponse response;
  table::TableReader reader(request.content(), table::Format::kCsv);
  table::TableRow header;
  absl::StatusOr<bool> got = reader.Next(&header);
  if (!got.ok()) return InvalidField("content", got.status().message());
  if (!*got) return InvalidField("content", "is empty; it needs a header row and rows of items");
  Columns columns;
  std::vector<std::string> ignored;
  WP_RETURN_IF_ERROR(columns.ReadHeader(header, &ignored));
  for (std::string& column : ignored) response.add_ignored_columns(std::move(column));

  std::vector<ParsedRow> rows;
  table::TableRow row;
  while (true) {
    got = reader.Next(&row);
    if (!got.ok()) return InvalidField("content", got.status().message());
    if (!*got) break;
    if (static_cast<int>(rows.size()) == kMaxImportRows) {
      return InvalidField("content", absl::StrCat("has more than ", kMaxImportRows, " rows; split the file"));
    }
    rows.push_back(Parse(row, columns));
  }

  // Rules first, the store after: a row the rules refuse writes nothing.
  absl::flat_hash_map<std::string, int> first_line;
  for (ParsedRow& p : rows) {
    if (!p.problems.ok()) continue;
    auto [it, inserted] = first_line.try_emplace(p.item.content_id(), p.line);
    if (!inserted) {
      p.problems = InvalidField("content_id", absl::StrCat("repeats the item of line ", it->second));
    }
  }

  absl::Status written = db_.Write([&](store::Transaction& tx) -> absl::Status {
    response.clear_rows();
    response.set_created(0);
    response.set_updated(0);
    response.set_unchanged(0);
    response.set_rejected(0);
    for (const ParsedRow& p : rows) {
      Row* out = response.add_rows();
      out->set_line(p.line);
      out->set_content_id(text::Bounded(p.item.content_id(), kMaxContentIdBytes));
      if (!p.problems.ok()) {
        SetProblem(p.problems, out);
        continue;
      }
      WP_ASSIGN_OR_RETURN(std::optional<v1::ContentItem> current, FindContentItem(tx, p.item.content_id()));
      if (!current.has_value() || current->status() == v1::CONTENT_STATUS_UNSPECIFIED) {
        v1::ContentItem item = p.item;
        if (absl::Status s = CompleteItem(item, today, ""); !s.ok()) {
          SetProblem(s, out);
          continue;
        }
        WP_RETURN_IF_ERROR(InsertContentItem(tx, item, now));
        out->set_outcome(Row::CREATED);
        continue;
      }
      absl::StatusOr<v1::ContentItem> next = Merge(*current, p.item, columns, today);
      if (!next.ok()) {
        if (absl::IsFailedPrecondition(next.status())) {
          out->set_outcome(Row::REJECTED);
          out->set_field("status");
          out->set_reason(std::string(next.status().message()));
        } else {
          SetProblem(next.status(), out);
        }
        continue;
      }
      if (google::protobuf::util::MessageDifferencer::Equals(*next, *current)) {
        out->set_outcome(Row::UNCHANGED);
        continue;
      }
      WP_RETURN_IF_ERROR(SaveContentItem(tx, *next, store::VersionOf(current->etag()), now));
      out->set_outcome(Row::UPDATED);
    }
    for (const Row& r : response.rows()) {
      switch (r.outcome()) {
        case Row::CREATED: response.set_created(response.created() + 1); break;
        case Row::UPDATED: response.set_updated(response.updated() + 1); break;
        case Row::UNCHANGED: response.set_unchanged(response.unchanged() + 1); break;
        default: response.set_rejected(response.rejected() + 1); break;
      }
    }
    if (response.created() + response.updated() == 0) return absl::OkStatus();
    v1::ContentImported event;
    event.set_created(response.created());
    event.set_updated(response.updated());
    event.set_rejected(response.rejected());
    return EmitEvent(tx, caller, "content", "imported", "contentItems", event).status();
  });
  WP_RETURN_IF_ERROR(written);
  return response;
}

}  // namespace wp::westos
