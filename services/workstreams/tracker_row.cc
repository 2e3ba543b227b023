#include "services/workstreams/tracker_row.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {
using table::DetectFormat;
using table::Format;
using table::TableReader;
using table::TableRow;
using table::WriteTable;

namespace {

constexpr std::array<absl::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<absl::string_view, 12> kMonthAbbrevs = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Bounds a typo ("3018", "2108") rather than any real limit of the domain.
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2099;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whitespace runs (line breaks and Excel's non-breaking spaces included)
// become one space; the ends are trimmed.
std::string CollapseSpace(absl::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (IsSpace(c) || nbsp) {
      if (nbsp) ++i;
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// Line breaks as "\n", ends trimmed; inner layout kept (tasks can be paragraphs).
std::string CleanMultiline(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out.push_back('\n');
    } else {
      out.push_back(text[i]);
    }
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

// 1..12 for a month name or abbreviation (any case, "Sept" too), else 0.
int MonthFromWord(absl::string_view word) {
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (absl::EqualsIgnoreCase(word, kMonthNames[m]) ||
        absl::EqualsIgnoreCase(word, kMonthAbbrevs[m])) {
      return m + 1;
    }
  }
  return absl::EqualsIgnoreCase(word, "sept") ? 9 : 0;
}

bool IsSeason(absl::string_view word) {
  for (absl::string_view season : {"spring", "summer", "autumn", "fall", "winter"}) {
    if (absl::EqualsIgnoreCase(word, season)) return true;
  }
  return false;
}

// ---- Expected Date ----

struct DateToken {
  std::string text;   // lower case, ordinal suffix removed
  bool number = false;
  bool ordinal = false;  // "30th"
};

// Splits on the separators dates use; false when another character appears.
bool TokenizeDate(absl::string_view text, std::vector<DateToken>* tokens) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '/' || c == '.' || c == '-' || c == ',') {
      ++i;
      continue;
    }
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
    size_t j = i;
    while (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) ++j;
    DateToken token;
    if (j > i) {
      token.number = true;
      token.text = std::string(text.substr(i, j - i));
      size_t k = j;
      while (k < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[k]))) ++k;
      if (k > j) {
        const std::string suffix = absl::AsciiStrToLower(text.substr(j, k - j));
        if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
        token.ordinal = true;
      }
      i = k;
    } else {
      while (j < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) return false;
      token.text = absl::AsciiStrToLower(text.substr(i, j - i));
      i = j;
    }
    tokens->push_back(std::move(token));
  }
  return true;
}

// Two-digit years are this century ("Nov-18").
bool ParseYear(const DateToken& token, int* year) {
  if (!token.number || token.ordinal) return false;
  if (token.text.size() != 2 && token.text.size() != 4) return false;
  if (!absl::SimpleAtoi(token.text, year)) return false;
  if (token.text.size() == 2) *year += 2000;
  return true;
}

bool ParseSmallNumber(const DateToken& token, int* value) {
  return token.number && token.text.size() <= 2 && absl::SimpleAtoi(token.text, value);
}

bool IsNoDateWord(absl::string_view lower) {
  for (absl::string_view word : {"", "tbc", "tba", "tbd", "n/a", "na", "n.a.", "-", "--",
                                 "\xE2\x80\x93", "\xE2\x80\x94", "ongoing", "none"}) {
    if (lower == word) return true;
  }
  return false;
}

absl::Status UnreadableDate(absl::string_view cell) {
  return absl::InvalidArgumentError(absl::StrCat(
      "Expected Date \"", cell,
      "\" is not a date (write e.g. \"30 November 2018\", \"November 2018\" or \"30/11/2018\")"));
}

// Range checks shared by every date style.
absl::StatusOr<std::optional<CalendarDate>> CheckDate(absl::string_view cell, CalendarDate date) {
  if (date.year < kMinYear || date.year > kMaxYear) {
    return absl::InvalidArgumentError(absl::StrCat("Expected Date \"", cell, "\": year ",
                                                   date.year, " is out of range"));
  }
  if (date.month < 1 || date.month > 12) {
    return absl::InvalidArgumentError(absl::StrCat("Expected Date \"", cell, "\": month ",
                                                   date.month, " is not 1..12 (day comes first)"));
  }
  if (!IsValidDate(date)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Expected Date \"", cell, "\" is not a real date: ", kMonthNames[date.month - 1], " ",
        date.year, " has ", DaysInMonth(date.year, date.month), " days"));
  }
  return std::optional<CalendarDate>(date);
}

// ---- Comments ----

struct NoteMarker {
  size_t start = 0;       // first character of the date
  size_t text_start = 0;  // after the date and its separators
  CalendarDate date;
  bool explicit_separator = false;  // ":" or a dash after the date
};

// Length of a dash at text[i] (ASCII, en or em dash), 0 if none.
size_t DashLength(absl::string_view text, size_t i) {
  if (text[i] == '-') return 1;
  if (absl::StartsWith(text.substr(i), "\xE2\x80\x93") ||
      absl::StartsWith(text.substr(i), "\xE2\x80\x94")) {
    return 3;
  }
  return 0;
}

// "[day[st|nd|rd|th]] Month[.] YYYY" at text[i], then its separators.
std::optional<NoteMarker> MatchNoteDate(absl::string_view text, size_t i) {
  auto digit = [&](size_t p) {
    return p < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[p]));
  };
  auto alpha = [&](size_t p) {
    return p < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[p]));
  };
  NoteMarker marker;
  marker.start = i;
  size_t p = i;
  if (digit(p)) {
    size_t q = p;
    while (digit(q)) ++q;
    if (q - p > 2) return std::nullopt;
    (void)absl::SimpleAtoi(text.substr(p, q - p), &marker.date.day);
    size_t r = q;
    while (alpha(r)) ++r;
    if (r > q) {
      const std::string suffix = absl::AsciiStrToLower(text.substr(q, r - q));
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
    }
    if (r >= text.size() || !IsSpace(text[r])) return std::nullopt;
    p = r;
    while (p < text.size() && IsSpace(text[p])) ++p;
  }
  size_t q = p;
  while (alpha(q)) ++q;
  marker.date.month = MonthFromWord(text.substr(p, q - p));
  if (marker.date.month == 0) return std::nullopt;
  p = q;
  if (p < text.size() && text[p] == '.') ++p;
  const size_t before_gap = p;
  // Any whitespace, a line break too: notes are compared after CollapseSpace.
  while (p < text.size() && (IsSpace(text[p]) || text[p] == ',')) ++p;
  if (p == before_gap) return std::nullopt;
  q = p;
  while (digit(q)) ++q;
  if (q - p != 4 || alpha(q) || digit(q)) return std::nullopt;
  (void)absl::SimpleAtoi(text.substr(p, 4), &marker.date.year);
  if (marker.date.year < kMinYear || marker.date.year > kMaxYear) return std::nullopt;
  if (!IsValidDate(marker.date)) return std::nullopt;
  p = q;
  // Separators between the date and its text: "Dec 2018 - ", "December 2018: ".
  while (p < text.size()) {
    const char c = text[p];
    if (IsSpace(c) || c == ',') {
      ++p;
    } else if (c == ':') {
      marker.explicit_separator = true;
      ++p;
    } else if (size_t dash = DashLength(text, p); dash > 0) {
      marker.explicit_separator = true;
      p += dash;
    } else {
      break;
    }
  }
  marker.text_start = p;
  return marker;
}

bool AtLineStart(absl::string_view text, size_t i) {
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

bool AfterSentenceEnd(absl::string_view text, size_t i) {
  size_t j = i;
  while (j > 0 && IsSpace(text[j - 1])) --j;
  if (j == i || j == 0) return false;
  const char c = text[j - 1];
  return c == '.' || c == ';' || c == '!' || c == '?';
}

std::vector<NoteMarker> FindNoteMarkers(absl::string_view text) {
  std::vector<NoteMarker> markers;
  size_t i = 0;
  while (i < text.size()) {
    // Where a note's text begins counts as a word start even straight after
    // "Dec 2018-", because the export puts a space there.
    const bool after_marker = !markers.empty() && markers.back().text_start == i;
    const bool word_start = (i == 0 || IsSpace(text[i - 1]) || after_marker) &&
                            absl::ascii_isalnum(static_cast<unsigned char>(text[i]));
    if (word_start) {
      std::optional<NoteMarker> marker = MatchNoteDate(text, i);
      if (marker && (AtLineStart(text, i) || AfterSentenceEnd(text, i) ||
                     marker->explicit_separator)) {
        markers.push_back(*marker);
        // Jump past the date so "Dec 2018" inside "5 Dec 2018" is not seen again.
        i = std::max(marker->text_start, i + 1);
        continue;
      }
    }
    ++i;
  }
  return markers;
}

std::string FormatNoteDate(const CalendarDate& date) {
  if (date.month < 1 || date.month > 12) return absl::StrCat(date.year);
  if (date.day == 0) return absl::StrCat(kMonthAbbrevs[date.month - 1], " ", date.year);
  return absl::StrCat(date.day, " ", kMonthAbbrevs[date.month - 1], " ", date.year);
}

// "5.2" at text[p] ending at a boundary (not "5.2.1", not "5.25x").
std::optional<PlanRef> MatchRefAt(absl::string_view text, size_t p) {
  auto digit = [&](size_t k) {
    return k < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[k]));
  };
  size_t q = p;
  while (digit(q)) ++q;
  if (q == p || q - p > 2 || q >= text.size() || text[q] != '.') return std::nullopt;
  size_t r = q + 1;
  while (digit(r)) ++r;
  if (r == q + 1 || r - q - 1 > 4) return std::nullopt;
  if (r < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[r]))) {
    return std::nullopt;
  }
  if (r + 1 < text.size() && text[r] == '.' && digit(r + 1)) return std::nullopt;
  PlanRef ref;
  (void)absl::SimpleAtoi(text.substr(p, q - p), &ref.workstream);
  (void)absl::SimpleAtoi(text.substr(q + 1, r - q - 1), &ref.task);
  if (ref.workstream < 1 || ref.workstream > kMaxWorkstreamNumber || ref.task < 1 ||
      ref.task > kMaxTaskNumber) {
    return std::nullopt;
  }
  return ref;
}

// ---- Header ----

enum Column { kRef, kTask, kLead, kStatus, kExpectedDate, kComments, kColumnCount };
constexpr std::array<absl::string_view, kColumnCount> kColumnTitles = {
    "Ref", "Task", "Workstream Lead", "Status", "Expected Date", "Comments"};
constexpr std::array<Column, 3> kRequiredColumns = {kRef, kTask, kStatus};

// Header cell -> column: letters and digits only, lower case, then aliases.
std::optional<Column> ColumnOfHeader(absl::string_view cell) {
  std::string key;
  for (char c : cell) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) key.push_back(absl::ascii_tolower(c));
  }
  static const auto* const kAliases = new std::map<std::string, Column>{
      {"ref", kRef},
      {"refs", kRef},
      {"reference", kRef},
      {"refno", kRef},
      {"refnumber", kRef},
      {"task", kTask},
      {"tasks", kTask},
      {"action", kTask},
      {"actions", kTask},
      {"taskdescription", kTask},
      {"workstreamlead", kLead},
      {"workstreamleads", kLead},
      {"workstreamleadofficer", kLead},
      {"lead", kLead},
      {"leads", kLead},
      {"leadofficer", kLead},
      {"status", kStatus},
      {"currentstatus", kStatus},
      {"expecteddate", kExpectedDate},
      {"expectedcompletiondate", kExpectedDate},
      {"expectedcompletion", kExpectedDate},
      {"completiondate", kExpectedDate},
      {"targetdate", kExpectedDate},
      {"duedate", kExpectedDate},
      {"date", kExpectedDate},
      {"comments", kComments},
      {"comment", kComments},
      {"notes", kComments},
      {"note", kComments},
      {"progresscomments", kComments},
      {"progressnotes", kComments},
      {"updates", kComments},
  };
  auto it = kAliases->find(key);
  if (it == kAliases->end()) return std::nullopt;
  return it->second;
}

using ColumnIndex = std::array<int, kColumnCount>;  // -1 when absent
static_assert(std::tuple_size<ColumnIndex>::value == 6, "TrackerReader::columns_ has one per column");

// Workstream and task number -> the line the ref first appeared on.
using FirstLineOfRef = absl::flat_hash_map<int, int>;

ColumnIndex MapHeader(const TableRow& row) {
  ColumnIndex index;
  index.fill(-1);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    std::optional<Column> column = ColumnOfHeader(row.cells[i]);
    // The first of two same-named columns wins; later ones count as extras.
    if (column && index[*column] < 0) index[*column] = static_cast<int>(i);
  }
  return index;
}

std::vector<absl::string_view> MissingColumns(const ColumnIndex& index) {
  std::vector<absl::string_view> missing;
  for (Column column : kRequiredColumns) {
    if (index[column] < 0) missing.push_back(kColumnTitles[column]);
  }
  return missing;
}

bool IsBlankRow(const TableRow& row) {
  for (const std::string& cell : row.cells) {
    if (!CollapseSpace(cell).empty()) return false;
  }
  return true;
}

absl::string_view CellAt(const TableRow& row, int index) {
  if (index < 0 || index >= static_cast<int>(row.cells.size())) return "";
  return row.cells[index];
}

absl::Status MissingColumnsError(const TableRow& header, const ColumnIndex& index) {
  std::vector<std::string> quoted_missing;
  for (absl::string_view name : MissingColumns(index)) {
    quoted_missing.push_back(absl::StrCat("\"", name, "\""));
  }
  std::vector<std::string> cells;
  for (const std::string& cell : header.cells) {
    if (cells.size() == 8) {
      cells.push_back("...");
      break;
    }
    cells.push_back(absl::StrCat("\"", ShortenText(CollapseSpace(cell), 60), "\""));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "line ", header.line, ": the tracker header has no ", absl::StrJoin(quoted_missing, ", "),
      quoted_missing.size() == 1 ? " column" : " columns", " (header cells: ",
      absl::StrJoin(cells, ", "), ")"));
}

// Header rows are searched for this far, past title rows above them.
constexpr int kMaxRowsBeforeHeader = 10;

// The header among the first rows of a file, fed one row at a time.
class HeaderSearch {
 public:
  bool found() const { return found_; }
  int line() const { return line_; }
  const ColumnIndex& columns() const { return columns_; }

  // INVALID_ARGUMENT when the row breaks a limit, or when it is the last row
  // the header may be in and is not the header either.
  absl::Status Feed(const TableRow& row) {
    if (!row.over_limit.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("line ", row.line, ": ", row.over_limit,
                                                     ", before the tracker header"));
    }
    if (IsBlankRow(row)) return absl::OkStatus();
    ++nonblank_seen_;
    if (!first_nonblank_) first_nonblank_ = row;
    const ColumnIndex candidate = MapHeader(row);
    if (MissingColumns(candidate).empty()) {
      found_ = true;
      line_ = row.line;
      columns_ = candidate;
      return absl::OkStatus();
    }
    if (nonblank_seen_ >= kMaxRowsBeforeHeader) return Finish();
    return absl::OkStatus();
  }

  // At the end of the rows: INVALID_ARGUMENT unless the header was found.
  absl::Status Finish() const {
    if (found_) return absl::OkStatus();
    if (!first_nonblank_) return absl::InvalidArgumentError("the tracker file is empty: no header row");
    return MissingColumnsError(*first_nonblank_, MapHeader(*first_nonblank_));
  }

 private:
  bool found_ = false;
  int line_ = 0;
  ColumnIndex columns_{};
  int nonblank_seen_ = 0;
  std::optional<TableRow> first_nonblank_;
};

// Rejection reasons quote cells; these keep a result message small.
constexpr size_t kMaxQuotedRefBytes = 40;
constexpr size_t kMaxProblemBytes = 400;

// "cell 3 (Comments) is not UTF-8 text: byte 0xFF at offset 12", for each
// such cell; protobuf strings must be UTF-8, so such text is never stored.
std::vector<std::string> BadTextCells(const TableRow& in, const ColumnIndex& columns) {
  std::vector<std::string> problems;
  for (size_t i = 0; i < in.cells.size(); ++i) {
    const std::optional<size_t> bad = FindBadTextByte(in.cells[i]);
    if (!bad) continue;
    std::string name;
    for (int c = 0; c < kColumnCount; ++c) {
      if (columns[c] == static_cast<int>(i)) name = absl::StrCat(" (", kColumnTitles[c], ")");
    }
    problems.push_back(absl::StrCat("cell ", i + 1, name, " is not UTF-8 text: ",
                                    DescribeBadTextByte(in.cells[i], *bad),
                                    in.cells[i][*bad] == '\0' ? " (a NUL)" : "",
                                    "; save the file as UTF-8"));
  }
  return problems;
}

// Turns one non-blank data row into a good row or a rejection.
void ConvertRow(const TableRow& in, const ColumnIndex& columns, FirstLineOfRef* first_line_of_ref,
                std::optional<TrackerRow>* out, std::optional<RowRejection>* rejected) {
  const std::string ref_cell = CollapseSpace(CellAt(in, columns[kRef]));
  auto reject = [&](const std::vector<std::string>& problems) {
    std::vector<std::string> short_problems;
    for (const std::string& p : problems) short_problems.push_back(ShortenText(p, kMaxProblemBytes));
    *rejected = RowRejection{in.line, ShortenText(ref_cell, kMaxQuotedRefBytes),
                             absl::StrJoin(short_problems, "; ")};
  };
  if (!in.over_limit.empty()) return reject({in.over_limit});
  if (std::vector<std::string> bad = BadTextCells(in, columns); !bad.empty()) return reject(bad);

  std::vector<std::string> problems;
  TrackerRow row;
  row.line = in.line;

  if (absl::StatusOr<PlanRef> ref = ParseRef(ref_cell); ref.ok()) {
    row.workstream_number = ref->workstream;
    row.task_number = ref->task;
    row.ref = FormatRef(*ref);
    auto [it, inserted] =
        first_line_of_ref->emplace(ref->workstream * (kMaxTaskNumber + 1) + ref->task, in.line);
    if (!inserted) problems.push_back(absl::StrCat("duplicate of line ", it->second));
  } else {
    problems.push_back(std::string(ref.status().message()));
  }

  row.task = CleanMultiline(CellAt(in, columns[kTask]));
  if (CollapseSpace(row.task).empty()) problems.push_back("Task is empty");
  row.lead = CollapseSpace(CellAt(in, columns[kLead]));

  if (absl::StatusOr<ItemStatus> status = ParseStatusWord(CellAt(in, columns[kStatus]));
      status.ok()) {
    row.status = *status;
  } else {
    problems.push_back(std::string(status.status().message()));
  }

  if (absl::StatusOr<std::optional<CalendarDate>> date =
          ParseExpectedDate(CellAt(in, columns[kExpectedDate]));
      date.ok()) {
    row.expected_date = *date;
  } else {
    problems.push_back(std::string(date.status().message()));
  }

  const absl::string_view comments = CellAt(in, columns[kComments]);
  row.notes = ParseNotes(comments);
  for (size_t k = 0; k < row.notes.size(); ++k) {
    if (row.notes[k].text.size() > kMaxNoteTextBytes) {
      problems.push_back(absl::StrCat("Comments: note ", k + 1, " is ", row.notes[k].text.size(),
                                      " bytes, more than ", kMaxNoteTextBytes,
                                      " (the limit per note)"));
    }
  }
  if (row.notes.size() > static_cast<size_t>(kMaxProgressNotesPerItem)) {
    problems.push_back(absl::StrCat("Comments hold ", row.notes.size(), " notes, more than ",
                                    kMaxProgressNotesPerItem, " (the limit per plan item)"));
  }
  if (row.status == ItemStatus::kSuperseded) {
    row.superseded_by = FindReplacementRef(comments, row.ref);
  }

  if (!problems.empty()) return reject(problems);
  *out = std::move(row);
}

}  // namespace

bool operator==(const DatedNote& a, const DatedNote& b) {
  return a.date == b.date && a.text == b.text;
}
bool operator!=(const DatedNote& a, const DatedNote& b) { return !(a == b); }

bool operator==(const TrackerRow& a, const TrackerRow& b) {
  return a.line == b.line && a.ref == b.ref && a.workstream_number == b.workstream_number &&
         a.task_number == b.task_number && a.task == b.task && a.lead == b.lead &&
         a.status == b.status && a.expected_date == b.expected_date && a.notes == b.notes &&
         a.superseded_by == b.superseded_by;
}
bool operator!=(const TrackerRow& a, const TrackerRow& b) { return !(a == b); }

absl::StatusOr<PlanRef> ParseRef(absl::string_view cell) {
  const absl::string_view text = absl::StripAsciiWhitespace(cell);
  if (text.empty()) return absl::InvalidArgumentError("Ref is empty");
  const size_t dot = text.find('.');
  if (dot == absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Ref \"", text, "\" has no task number (write workstream.task, e.g. \"", text, ".1\")"));
  }
  const absl::string_view parts[2] = {text.substr(0, dot), text.substr(dot + 1)};
  const absl::string_view roles[2] = {"workstream", "task"};
  int numbers[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    const absl::string_view part = parts[k];
    const bool digits_only =
        !part.empty() && part.size() <= 4 &&
        std::all_of(part.begin(), part.end(),
                    [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
    if (!digits_only) {
      return absl::InvalidArgumentError(absl::StrCat("Ref \"", text, "\": ", roles[k],
                                                     " number \"", part, "\" is not a number"));
    }
    (void)absl::SimpleAtoi(part, &numbers[k]);
    const int max = k == 0 ? kMaxWorkstreamNumber : kMaxTaskNumber;
    if (numbers[k] < 1 || numbers[k] > max) {
      return absl::InvalidArgumentError(
          absl::StrCat("Ref \"", text, "\": ", roles[k], " number must be 1..", max));
    }
  }
  return PlanRef{numbers[0], numbers[1]};
}

std::string FormatRef(const PlanRef& ref) { return absl::StrCat(ref.workstream, ".", ref.task); }

absl::StatusOr<std::optional<CalendarDate>> ParseExpectedDate(absl::string_view cell) {
  const std::string text = CollapseSpace(cell);
  const std::string lower = absl::AsciiStrToLower(text);
  if (IsNoDateWord(lower)) return std::optional<CalendarDate>();

  std::vector<DateToken> tokens;
  if (!TokenizeDate(text, &tokens) || tokens.empty()) return UnreadableDate(text);
  for (const DateToken& token : tokens) {
    if (!token.number && IsSeason(token.text)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "Expected Date \"", text,
          "\" is a season, not a date (give a month, e.g. \"June 2019\")"));
    }
  }

  CalendarDate date;
  int first = 0;
  if (tokens.size() == 3 && tokens[0].number && tokens[1].number && tokens[2].number &&
      !tokens[0].ordinal && !tokens[1].ordinal) {
    // 2018-11-30 when the year leads, else day first (UK): 30/11/2018.
    const bool year_first = tokens[0].text.size() == 4;
    const DateToken& y = year_first ? tokens[0] : tokens[2];
    const DateToken& d = year_first ? tokens[2] : tokens[0];
    if (!ParseYear(y, &date.year) || !ParseSmallNumber(tokens[1], &date.month) ||
        !ParseSmallNumber(d, &date.day) || date.day == 0) {
      return UnreadableDate(text);
    }
    return CheckDate(text, date);
  }
  if (tokens.size() == 3 && tokens[0].number && !tokens[1].number && tokens[2].number) {
    // 30 November 2018, 30th Nov 2018, 30-Nov-2018.
    date.month = MonthFromWord(tokens[1].text);
    if (date.month == 0 || !ParseSmallNumber(tokens[0], &first) || first == 0 ||
        !ParseYear(tokens[2], &date.year)) {
      return UnreadableDate(text);
    }
    date.day = first;
    return CheckDate(text, date);
  }
  if (tokens.size() == 3 && !tokens[0].number && tokens[1].number && tokens[2].number &&
      tokens[2].text.size() == 4) {
    // November 30, 2018.
    date.month = MonthFromWord(tokens[0].text);
    if (date.month == 0 || !ParseSmallNumber(tokens[1], &first) || first == 0 ||
        !ParseYear(tokens[2], &date.year)) {
      return UnreadableDate(text);
    }
    date.day = first;
    return CheckDate(text, date);
  }
  if (tokens.size() == 2 && !tokens[0].number && tokens[1].number) {
    // November 2018, Nov 2018, Nov-18: known to the month.
    date.month = MonthFromWord(tokens[0].text);
    if (date.month == 0 || !ParseYear(tokens[1], &date.year)) return UnreadableDate(text);
    return CheckDate(text, date);
  }
  if (tokens.size() == 1 && tokens[0].number && tokens[0].text.size() == 4) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Expected Date \"", text, "\" is only a year (give a month, e.g. \"June ", text, "\")"));
  }
  return UnreadableDate(text);
}

std::string FormatDate(const CalendarDate& date) {
  if (date.month < 1 || date.month > 12) return absl::StrCat(date.year);
  if (date.day == 0) return absl::StrCat(kMonthNames[date.month - 1], " ", date.year);
  return absl::StrCat(date.day, " ", kMonthNames[date.month - 1], " ", date.year);
}

std::vector<DatedNote> ParseNotes(absl::string_view raw_cell) {
  // Excel's non-breaking spaces count as spaces when finding dates too.
  const std::string cell = absl::StrReplaceAll(raw_cell, {{"\xC2\xA0", " "}});
  std::vector<DatedNote> notes;
  const std::vector<NoteMarker> markers = FindNoteMarkers(cell);
  const size_t first_date = markers.empty() ? cell.size() : markers.front().start;
  if (std::string before = CollapseSpace(absl::string_view(cell).substr(0, first_date));
      !before.empty()) {
    notes.push_back(DatedNote{std::nullopt, std::move(before)});
  }
  for (size_t k = 0; k < markers.size(); ++k) {
    const size_t end = k + 1 < markers.size() ? markers[k + 1].start : cell.size();
    const size_t begin = std::min(markers[k].text_start, end);
    notes.push_back(
        DatedNote{markers[k].date, CollapseSpace(absl::string_view(cell).substr(begin, end - begin))});
  }
  return notes;
}

std::string FormatNotes(const std::vector<DatedNote>& notes) {
  std::vector<std::string> lines;
  for (const DatedNote& note : notes) {
    if (!note.date) {
      lines.push_back(note.text);
    } else if (note.text.empty()) {
      lines.push_back(FormatNoteDate(*note.date));
    } else {
      lines.push_back(absl::StrCat(FormatNoteDate(*note.date), " ", note.text));
    }
  }
  return absl::StrJoin(lines, "\n");
}

std::string FindReplacementRef(absl::string_view text, absl::string_view own_ref) {
  const std::string lower = absl::AsciiStrToLower(CollapseSpace(text));
  static constexpr absl::string_view kPhrases[] = {
      "combined with",    "combined into",     "superseded by", "superceded by",
      "replaced by",      "merged into",       "merged with",   "see",
      "moved to",         "now part of",       "incorporated into", "absorbed into",
      "subsumed into",    "taken forward in",  "taken forward by", "taken forward under",
      "transferred to",   "covered by"};
  static constexpr absl::string_view kFillers[] = {"task ", "tasks ", "ref ", "ref. ",
                                                   "item ", "action ", "no. "};
  auto alnum = [&](size_t p) {
    return p < lower.size() && absl::ascii_isalnum(static_cast<unsigned char>(lower[p]));
  };
  for (size_t i = 0; i < lower.size(); ++i) {
    if (i > 0 && alnum(i - 1)) continue;
    const absl::string_view rest = absl::string_view(lower).substr(i);
    for (absl::string_view phrase : kPhrases) {
      if (!absl::StartsWith(rest, phrase) || alnum(i + phrase.size())) continue;
      size_t p = i + phrase.size();
      while (p < lower.size() && (lower[p] == ' ' || lower[p] == ':')) ++p;
      for (absl::string_view filler : kFillers) {
        if (absl::StartsWith(absl::string_view(lower).substr(p), filler)) {
          p += filler.size();
          break;
        }
      }
      std::optional<PlanRef> ref = MatchRefAt(lower, p);
      if (!ref) continue;
      std::string found = FormatRef(*ref);
      if (found != absl::StripAsciiWhitespace(own_ref)) return found;
    }
  }
  return "";
}

absl::StatusOr<TrackerReader> TrackerReader::Open(absl::string_view text, Format format) {
  TrackerReader reader(text, format);
  TableReader scan(text, format);
  HeaderSearch header;
  absl::Status header_error;
  TableRow row;
  while (true) {
    absl::StatusOr<bool> more = scan.Next(&row);
    if (!more.ok()) return more.status();  // malformed text comes first, wherever it is
    if (!*more) break;
    if (header.found()) {
      if (!row.over_limit.empty() || !IsBlankRow(row)) ++reader.data_rows_;
    } else if (header_error.ok()) {
      header_error = header.Feed(row);
    }
  }
  if (!header_error.ok()) return header_error;
  WP_RETURN_IF_ERROR(header.Finish());
  reader.header_line_ = header.line();
  reader.columns_ = header.columns();
  return reader;
}

bool TrackerReader::Next(std::optional<TrackerRow>* row, std::optional<RowRejection>* rejection) {
  row->reset();
  rejection->reset();
  while (true) {
    // Open read the same text without error, so an error here cannot happen.
    absl::StatusOr<bool> more = table_.Next(&scratch_);
    if (!more.ok() || !*more) return false;
    if (scratch_.line <= header_line_) continue;  // title rows and the header
    if (scratch_.over_limit.empty() && IsBlankRow(scratch_)) continue;
    ConvertRow(scratch_, columns_, &first_line_of_ref_, row, rejection);
    return true;
  }
}

absl::StatusOr<TrackerFile> ParseTracker(absl::string_view text, Format format) {
  WP_ASSIGN_OR_RETURN(TrackerReader reader, TrackerReader::Open(text, format));
  TrackerFile file;
  file.format = format;
  file.header_line = reader.header_line();
  std::optional<TrackerRow> row;
  std::optional<RowRejection> rejection;
  while (reader.Next(&row, &rejection)) {
    if (row) file.rows.push_back(*std::move(row));
    if (rejection) file.rejections.push_back(*std::move(rejection));
  }
  return file;
}

absl::StatusOr<TrackerFile> ParseTracker(absl::string_view text) {
  return ParseTracker(text, DetectFormat(text));
}

std::string WriteTracker(const std::vector<TrackerRow>& rows, Format format) {
  std::vector<std::vector<std::string>> table;
  table.reserve(rows.size() + 1);
  table.emplace_back(kColumnTitles.begin(), kColumnTitles.end());
  for (const TrackerRow& row : rows) {
    std::string comments = FormatNotes(row.notes);
    // The link would be lost on import if no note names it; first line, since
    // that is where a reader looks and where import treats it as undated.
    if (row.status == ItemStatus::kSuperseded && !row.superseded_by.empty() &&
        FindReplacementRef(comments, row.ref) != row.superseded_by) {
      comments = absl::StrCat("Superseded by ", row.superseded_by,
                              comments.empty() ? "" : "\n", comments);
    }
    table.push_back({row.ref, row.task, row.lead, std::string(StatusWord(row.status)),
                     row.expected_date ? FormatDate(*row.expected_date) : "",
                     std::move(comments)});
  }
  return WriteTable(table, format);
}

}  // namespace wp::workstreams
