// Fuzzes the content catalogue's bulk import (ReadContentImportFile,
// ApplyImportedRow), which reads the CSV file an officer uploads to
// ImportContentItems, along the RPC's own path short of the store. Checks
// what content_import_rows.h promises: a refused file is INVALID_ARGUMENT on
// "content"; every row, as a new item and over an item already catalogued,
// either becomes an item that passes the content rules (CompleteItem leaves
// it as it is) or is REJECTED naming a column with a bounded UTF-8 reason
// that echoes no control character (cells may hold line breaks);
// no two accepted rows share an id; and importing the same row again over
// what it made changes nothing (a re-import is UNCHANGED).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/calendar/dates.h"
#include "libs/status/error_limits.h"
#include "libs/status/field_errors.h"
#include "services/westos/content/content_import_rows.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/levels.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using Row = wp::westos::v1::ContentImportRow;
using wp::westos::v1::ContentItem;

const absl::CivilDay kToday(2021, 3, 1);

// An item catalogued under `id` a while ago, for rows to update.
ContentItem Catalogued(const std::string& id) {
  ContentItem item;
  item.set_content_id(id);
  item.set_title("Catalogued");
  item.set_subject("Physics");
  item.set_level("Higher");
  item.set_sector(wp::westos::v1::SECONDARY);
  item.set_status(wp::westos::v1::UPLOADED);
  *item.mutable_commissioned_date() = wp::calendar::FromCivilDay(absl::CivilDay(2020, 9, 1));
  *item.mutable_uploaded_date() = wp::calendar::FromCivilDay(absl::CivilDay(2021, 1, 5));
  return item;
}

// The file's whole-content field, a column, or a part of a date column
// ("published_date.year").
bool NamesAColumn(const std::string& field) {
  static const std::vector<std::string> kColumns = {
      "content",        "content_id",        "title",         "subject",       "level",
      "status",         "sector",            "commissioned_date", "uploaded_date", "published_date"};
  return absl::c_any_of(kColumns, [&](const std::string& column) {
    return field == column || absl::StartsWith(field, absl::StrCat(column, "."));
  });
}

void CheckRejected(const Row& out) {
  FUZZ_CHECK(out.outcome() == Row::REJECTED);
  FUZZ_CHECK(NamesAColumn(out.field()));
  FUZZ_CHECK(!out.reason().empty() && out.reason().size() <= wp::westos::kMaxImportReasonBytes);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(out.reason()) && !wp::fuzz::HasControlCharacter(out.reason()));
}

void CheckItem(const ContentItem& item, const std::string& id) {
  FUZZ_CHECK(item.content_id() == id);
  ContentItem again = item;
  FUZZ_CHECK(wp::westos::CompleteItem(again, kToday, "").ok());
  FUZZ_CHECK(google::protobuf::util::MessageDifferencer::Equals(again, item));
  for (const std::string* text : {&item.content_id(), &item.title(), &item.subject()}) {
    FUZZ_CHECK(!text->empty() && wp::fuzz::IsValidUtf8(*text));
  }
  FUZZ_CHECK(wp::westos::LevelOrder(item.level()) < wp::westos::LevelNames().size());
  FUZZ_CHECK(item.status() != wp::westos::v1::CONTENT_STATUS_UNSPECIFIED);
}

// The row over `catalogued` (nullptr: a new item); when it is accepted, the
// same row again over what it made gives that again.
void CheckApplied(const wp::westos::ImportedContentRow& row, const ContentItem* catalogued,
                  const wp::westos::ContentImportFile& file) {
  Row out;
  const std::optional<ContentItem> item = wp::westos::ApplyImportedRow(row, catalogued, file, kToday, &out);
  if (!item.has_value()) {
    CheckRejected(out);
    return;
  }
  FUZZ_CHECK(out.outcome() == Row::OUTCOME_UNSPECIFIED && out.field().empty());
  CheckItem(*item, row.item.content_id());
  Row again_out;
  const std::optional<ContentItem> again = wp::westos::ApplyImportedRow(row, &*item, file, kToday, &again_out);
  FUZZ_CHECK(again.has_value() && google::protobuf::util::MessageDifferencer::Equals(*again, *item));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<wp::westos::ContentImportFile> file = wp::westos::ReadContentImportFile(text);
  if (!file.ok()) {
    FUZZ_CHECK(file.status().code() == absl::StatusCode::kInvalidArgument);
    const std::vector<wp::FieldViolation> violations = wp::FieldViolationsOf(file.status());
    FUZZ_CHECK(violations.size() == 1 && violations[0].field == "content");
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(file.status().message()));
    FUZZ_CHECK(file.status().message().size() <= wp::kMaxMessageBytes);
    return 0;
  }
  FUZZ_CHECK(file->rows.size() <= static_cast<size_t>(wp::westos::kMaxImportRows));
  for (const char* column : {"content_id", "title", "subject", "level", "status"}) FUZZ_CHECK(file->Has(column));
  for (const std::string& column : file->ignored_columns) {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(column) && column.size() <= 200);
  }
  std::set<std::string> accepted_ids;
  int line = 1;  // the header's
  for (const wp::westos::ImportedContentRow& row : file->rows) {
    FUZZ_CHECK(row.line > line);
    line = row.line;
    if (row.problems.ok()) {
      FUZZ_CHECK(accepted_ids.insert(row.item.content_id()).second);
    } else {
      FUZZ_CHECK(row.problems.code() == absl::StatusCode::kInvalidArgument);
    }
    CheckApplied(row, nullptr, *file);
    const ContentItem catalogued = Catalogued(row.item.content_id());
    CheckApplied(row, &catalogued, *file);
  }
  return 0;
}
