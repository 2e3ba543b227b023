#include "services/workstreams/plan_item_rules.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"

namespace wp::workstreams {
namespace {

// 1..max, digits only (no sign, no spaces, no leading zero: "4.02" would
// otherwise name a second item beside "4.2").
bool ParseNumber(absl::string_view text, int max, int* out) {
  if (text.empty() || text.size() > 4 || text[0] == '0') return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, out) && *out >= 1 && *out <= max;
}

}  // namespace

std::optional<PlanRef> ParsePlanRef(absl::string_view ref) {
  std::vector<absl::string_view> parts = absl::StrSplit(ref, '.');
  PlanRef result;
  if (parts.size() != 2 || !ParseNumber(parts[0], kMaxWorkstreamNumber, &result.workstream) ||
      !ParseNumber(parts[1], kMaxTaskNumber, &result.task)) {
    return std::nullopt;
  }
  return result;
}

bool IsValidPlanPeriod(absl::string_view period) {
  int start = 0, end = 0;
  if (period.size() != 7 || period[4] != '-' || !absl::SimpleAtoi(period.substr(0, 4), &start) ||
      !absl::SimpleAtoi(period.substr(5, 2), &end) || start < 2000 || start > 2099) {
    return false;
  }
  for (char c : period.substr(5)) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  const int start_yy = start % 100;
  const int span = (end - start_yy + 100) % 100;
  return span >= 1 && span <= 9;
}

void CheckTaskPlanFields(const PlanItem& item, FieldViolations* v) {
  if (item.ongoing() && item.has_expected_date()) {
    v->Add("plan_item.ongoing", "an ongoing item has no expected date: send one or the other");
  }
  if (item.resources().size() > kMaxTaskBytes) {
    v->Add("plan_item.resources", absl::StrCat("must be at most ", kMaxTaskBytes, " bytes"));
  }
  if (item.plan_notes().size() > kMaxTaskBytes) {
    v->Add("plan_item.plan_notes", absl::StrCat("must be at most ", kMaxTaskBytes, " bytes"));
  }
}

absl::Status ValidateNewPlanItem(const PlanItem& item) {
  FieldViolations v;
  if (!IsValidPlanPeriod(item.plan_period())) {
    v.Add("plan_item.plan_period", "must look like 2022-23 (start year, two-digit end year)");
  }
  // A project's task may leave its ref to the service (the next free one
  // in the project's workstream).
  const bool ref_assigned = item.ref().empty() && !item.project().empty();
  if (!ref_assigned && !ParsePlanRef(item.ref())) {
    v.Add("plan_item.ref", "must be a workstream number (1..99), a dot and a task number (1..9999), like 4.2");
  }
  if (absl::StripAsciiWhitespace(item.task()).empty()) {
    v.Add("plan_item.task", "must not be empty");
  } else if (item.task().size() > kMaxTaskBytes) {
    v.Add("plan_item.task", absl::StrCat("must be at most ", kMaxTaskBytes, " bytes"));
  }
  if (item.lead().size() > kMaxLeadBytes) {
    v.Add("plan_item.lead", absl::StrCat("must be at most ", kMaxLeadBytes, " bytes"));
  }
  if (item.status() == v1::PLAN_ITEM_STATUS_UNSPECIFIED) {
    v.Add("plan_item.status", "is required");
  } else if (!v1::PlanItemStatus_IsValid(item.status())) {
    v.Add("plan_item.status", "is not a known status");
  }
  if (item.has_expected_date()) {
    absl::Status date = calendar::Validate(item.expected_date(), "plan_item.expected_date", true);
    if (!date.ok()) {
      for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
    }
  }
  if (!item.superseded_by().empty()) {
    if (!ParsePlanRef(item.superseded_by())) {
      v.Add("plan_item.superseded_by", "must be a ref like 5.2");
    } else if (item.superseded_by() == item.ref()) {
      v.Add("plan_item.superseded_by", "cannot be the item itself");
    } else if (item.status() != v1::SUPERSEDED) {
      v.Add("plan_item.superseded_by", "may only be set on a SUPERSEDED item");
    }
  }
  if (item.status() == v1::SUPERSEDED && item.superseded_by().empty() &&
      item.progress_notes().empty()) {
    v.Add("plan_item.superseded_by",
          "a SUPERSEDED item needs superseded_by or a progress note explaining why");
  }
  CheckTaskPlanFields(item, &v);
  if (item.progress_notes_size() > kMaxProgressNotesPerItem) {
    v.Add("plan_item.progress_notes",
          absl::StrCat("must hold at most ", kMaxProgressNotesPerItem,
                       " notes (the limit per plan item), not ", item.progress_notes_size()));
  }
  for (int i = 0; i < item.progress_notes_size(); ++i) {
    const auto& note = item.progress_notes(i);
    const std::string field = absl::StrCat("plan_item.progress_notes[", i, "]");
    if (absl::StripAsciiWhitespace(note.text()).empty()) v.Add(field + ".text", "must not be empty");
    if (note.text().size() > kMaxNoteTextBytes) {
      v.Add(field + ".text", absl::StrCat("must be at most ", kMaxNoteTextBytes, " bytes"));
    }
    if (note.author().size() > kMaxNoteAuthorBytes) {
      v.Add(field + ".author", absl::StrCat("must be at most ", kMaxNoteAuthorBytes, " bytes"));
    }
    if (note.has_note_date()) {
      absl::Status date = calendar::Validate(note.note_date(), field + ".note_date", true);
      for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
    }
  }
  return v.ToStatus();
}

absl::Status CheckStatusChange(const PlanItem& item, PlanItemStatus to,
                               absl::string_view superseded_by, absl::string_view reason,
                               bool reopen) {
  if (to == v1::PLAN_ITEM_STATUS_UNSPECIFIED || !v1::PlanItemStatus_IsValid(to)) {
    return InvalidField("plan_item.status", "must be NOT_STARTED, ON_TRACK, COMPLETE or SUPERSEDED");
  }
  if (!superseded_by.empty()) {
    if (!ParsePlanRef(superseded_by)) {
      return InvalidField("plan_item.superseded_by", "must be a ref like 5.2");
    }
    if (superseded_by == item.ref()) {
      return InvalidField("plan_item.superseded_by", "cannot be the item itself");
    }
    if (to != v1::SUPERSEDED) {
      return InvalidField("plan_item.superseded_by", "may only be set on a SUPERSEDED item");
    }
  }
  if (to == v1::SUPERSEDED && superseded_by.empty() &&
      absl::StripAsciiWhitespace(reason).empty()) {
    return absl::FailedPreconditionError(
        "a SUPERSEDED item needs superseded_by or a reason saying why");
  }
  if (item.status() == v1::COMPLETE && to != v1::COMPLETE && !reopen) {
    return absl::FailedPreconditionError(
        absl::StrCat(item.ref(), " is COMPLETE; set reopen to move it back to ",
                     v1::PlanItemStatus_Name(to)));
  }
  return absl::OkStatus();
}

bool IsOpen(PlanItemStatus status) { return status == v1::NOT_STARTED || status == v1::ON_TRACK; }

bool IsOverdue(const PlanItem& item, const wp::common::v1::Date& as_of) {
  if (!IsOpen(item.status()) || !item.has_expected_date()) return false;
  return calendar::LastDayCovered(item.expected_date()) <
         absl::CivilDay(as_of.year(), as_of.month(), as_of.day());
}

std::string PlanItemName(absl::string_view period, absl::string_view ref) {
  return absl::StrCat("planPeriods/", period, "/planItems/", ref);
}

std::string WorkstreamName(absl::string_view period, int number) {
  return absl::StrCat("planPeriods/", period, "/workstreams/", number);
}

absl::Status ParsePlanItemName(absl::string_view name, absl::string_view field,
                               std::string* period, std::string* ref) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "planPeriods" || parts[2] != "planItems" ||
      !IsValidPlanPeriod(parts[1]) || !ParsePlanRef(parts[3])) {
    return InvalidField(field, "must be planPeriods/{period}/planItems/{ref}, e.g. "
                               "planPeriods/2022-23/planItems/1.2");
  }
  *period = std::string(parts[1]);
  *ref = std::string(parts[3]);
  return absl::OkStatus();
}

absl::Status ParseWorkstreamName(absl::string_view name, absl::string_view field,
                                 std::string* period, int* number) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "planPeriods" || parts[2] != "workstreams" ||
      !IsValidPlanPeriod(parts[1]) || !ParseNumber(parts[3], kMaxWorkstreamNumber, number)) {
    return InvalidField(field, "must be planPeriods/{period}/workstreams/{number}, e.g. "
                               "planPeriods/2022-23/workstreams/1");
  }
  *period = std::string(parts[1]);
  return absl::OkStatus();
}

}  // namespace wp::workstreams
