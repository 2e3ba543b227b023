#include "services/governance/meetings/agenda.h"

#include <algorithm>
#include <set>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/meetings/request_checks.h"

namespace wp::governance::meetings_internal {
namespace {

// Digits without a leading zero, 1..`max`.
bool IsNumberUpTo(absl::string_view s, int max) {
  if (s.empty() || s.size() > 4 || s[0] == '0') return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  int n = 0;
  return absl::SimpleAtoi(s, &n) && n >= 1 && n <= max;
}

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool IsPlanItemRef(absl::string_view ref) {
  const std::vector<absl::string_view> parts = absl::StrSplit(ref, '.');
  return parts.size() == 2 && IsNumberUpTo(parts[0], 99) && IsNumberUpTo(parts[1], 9999);
}

void CheckPlanItemRefs(const google::protobuf::RepeatedPtrField<std::string>& refs, bool has_plan,
                       const std::string& field, FieldViolations* v) {
  if (!refs.empty() && !has_plan) v->Add(field, "need plan: refs are numbered within a plan");
  std::set<std::string> seen;
  for (int i = 0; i < refs.size(); ++i) {
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (!IsPlanItemRef(refs[i])) {
      v->Add(at, "must be a workstream number (1..99), a dot and a task number (1..9999), like 4.2");
    } else if (!seen.insert(refs[i]).second) {
      v->Add(at, "is listed twice");
    }
  }
}

void NormalizeAgenda(google::protobuf::RepeatedPtrField<v1::AgendaItem>* items, const std::string& field,
                     FieldViolations* v) {
  if (items->size() > kMaxAgendaItems) {
    v->Add(field, absl::StrCat("must hold at most ", kMaxAgendaItems, " items"));
    return;
  }
  std::set<int> numbers;
  int previous = 0;
  bool numbered = true;
  for (int i = 0; i < items->size(); ++i) {
    v1::AgendaItem& item = (*items)[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (item.number() == 0) item.set_number(previous + 1);
    if (item.number() < 1 || item.number() > kMaxAgendaNumber) {
      v->Add(at + ".number", absl::StrCat("must be between 1 and ", kMaxAgendaNumber, ", or 0 to number it"));
      numbered = false;
      ++previous;
    } else {
      if (!numbers.insert(item.number()).second) {
        v->Add(at + ".number", "is used by another item: numbers must be unique");
        numbered = false;
      }
      previous = item.number();
    }
    CheckRequiredLine(item.title(), at + ".title", v);
    CheckOptionalLine(item.presenter(), at + ".presenter", v);
    CheckOptionalLine(item.paper(), at + ".paper", v);
    if (!item.plan().empty()) AddViolationsOf(ParseName(item.plan(), kPlanPattern, at + ".plan").status(), v);
    CheckPlanItemRefs(item.plan_item_refs(), !item.plan().empty(), at + ".plan_item_refs", v);
  }
  if (!numbered) return;
  std::stable_sort(items->begin(), items->end(),
                   [](const v1::AgendaItem& a, const v1::AgendaItem& b) { return a.number() < b.number(); });
}

std::string DefaultMeetingTitle(absl::string_view body_title, const wp::common::v1::Date& day) {
  const int month = day.month();
  if (month < 1 || month > 12) return std::string(body_title);
  return absl::StrCat(body_title, ", ", kMonths[month - 1], " ", day.year());
}

}  // namespace wp::governance::meetings_internal
