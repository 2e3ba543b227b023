// The pure half of bulk cataloguing (ImportContentItems, content_import.h):
// reading the CSV file into rows, and what each row comes to under the
// content rules (content_rules.h), given the item already catalogued under
// its id. Nothing here touches the store, so the fuzz target
// tests/fuzz/content_import_fuzz.cc reads files exactly as the RPC does.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_ROWS_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_ROWS_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

inline constexpr int kMaxImportRows = 20000;
// How long a rejected row's reason may be.
inline constexpr size_t kMaxImportReasonBytes = 4000;

// A row read from the file: the item its cells give (not yet checked by the
// content rules), or the problems of its cells.
struct ImportedContentRow {
  int line = 0;
  v1::ContentItem item;
  absl::Status problems;  // OK, or INVALID_ARGUMENT naming the columns
};

struct ContentImportFile {
  std::set<std::string> columns;            // the known columns the header names, lower case
  std::vector<std::string> ignored_columns;  // header cells that name none (bounded)
  std::vector<ImportedContentRow> rows;     // in file order

  // Whether the header names `column`: a column it lacks keeps a
  // catalogued item's value.
  bool Has(absl::string_view column) const { return columns.count(std::string(column)) > 0; }
};

// The file's rows; a second row for an id already read is a problem on
// "content_id". INVALID_ARGUMENT on "content" for a file that cannot be read
// as a catalogue at all: empty, no header naming the required columns,
// broken quoting, more than kMaxImportRows rows.
absl::StatusOr<ContentImportFile> ReadContentImportFile(absl::string_view content);

// What a row without problems comes to: the complete item to write, or
// nullopt with `out` REJECTED naming the field and reason. `catalogued` is
// the item catalogued under the row's id, or nullptr for a new one (an id
// known only from usage is new): its status may not go back, and columns
// the file lacks keep its values.
std::optional<v1::ContentItem> ApplyImportedRow(const ImportedContentRow& row, const v1::ContentItem* catalogued,
                                                const ContentImportFile& file, absl::CivilDay today,
                                                v1::ContentImportRow* out);

// Marks `out` REJECTED: the field is the first at fault, the reason the one
// violation's or the whole message (bounded, valid UTF-8).
void RejectImportedRow(const absl::Status& problems, v1::ContentImportRow* out);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_ROWS_H_
