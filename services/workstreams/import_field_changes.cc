#include "services/workstreams/import_field_changes.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/workstreams/plan_item_changes.h"
#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {
namespace {

std::string StatusText(v1::PlanItemStatus status) {
  switch (status) {
    case v1::NOT_STARTED: return "Not started";
    case v1::ON_TRACK: return "On track";
    case v1::COMPLETE: return "Complete";
    case v1::SUPERSEDED: return "Superseded";
    default: return "";
  }
}

std::string DateText(const v1::PlanItem& item) {
  if (!item.has_expected_date()) return "";
  const auto& d = item.expected_date();
  if (d.day() == 0) return absl::StrFormat("%04d-%02d", d.year(), d.month());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

std::string ValueOf(const v1::PlanItem& item, const std::string& field) {
  if (field == "task") return ShortenText(item.task(), kMaxValueBytes);
  if (field == "lead") return ShortenText(item.lead(), kMaxValueBytes);
  if (field == "status") return StatusText(item.status());
  if (field == "expected_date") return DateText(item);
  if (field == "superseded_by") return item.superseded_by();
  return "";
}

}  // namespace

std::vector<v1::ImportFieldChange> DescribeChanges(const v1::PlanItem& before,
                                                   const v1::PlanItem& after, int notes_added) {
  std::vector<v1::ImportFieldChange> changes;
  for (const std::string& field : ChangedFields(before, after)) {
    v1::ImportFieldChange change;
    change.set_field(field);
    change.set_before(ValueOf(before, field));
    change.set_after(ValueOf(after, field));
    changes.push_back(std::move(change));
  }
  if (notes_added > 0) {
    v1::ImportFieldChange notes;
    notes.set_field("progress_notes");
    notes.set_before(absl::StrCat(before.progress_notes_size()));
    notes.set_after(absl::StrCat(before.progress_notes_size() + notes_added));
    changes.push_back(std::move(notes));
  }
  return changes;
}

}  // namespace wp::workstreams
