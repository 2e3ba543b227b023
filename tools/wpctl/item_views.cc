#include "tools/wpctl/item_views.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "libs/calendar/dates.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;
constexpr size_t kTaskWidth = 60;

std::string JoinOrEmpty(const google::protobuf::RepeatedPtrField<std::string>& values) {
  return absl::StrJoin(values, ", ");
}

// A note's heading line, then its text indented below it.
std::string NoteText(const v1::ProgressNote& note) {
  std::string out = absl::StrCat("  ", DateText(note.note_date()));
  if (!note.author().empty()) absl::StrAppend(&out, "  by ", note.author());
  out += "\n";
  for (absl::string_view line : absl::StrSplit(note.text(), '\n')) {
    absl::StrAppend(&out, "    ", absl::StripTrailingAsciiWhitespace(line), "\n");
  }
  return out;
}

// The sponsors the governance service assigned, one per line.
std::string SponsorsText(const v1::Workstream& ws) {
  std::vector<std::string> lines;
  for (const v1::BoardSponsor& s : ws.sponsors()) {
    lines.push_back(absl::StrCat(s.display_name(), " (since ", DateText(s.start_date()), ")"));
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

std::string WorkstreamsText(const v1::ListWorkstreamsResponse& response) {
  if (response.workstreams().empty()) return "no workstreams\n";
  Table table({{"NAME"}, {"WS", Align::kRight}, {"TITLE"}, {"LEAD"}});
  for (const v1::Workstream& ws : response.workstreams()) {
    table.AddRow({ws.name(), absl::StrCat(ws.number()), Truncate(ws.title(), kTitleWidth),
                  ws.lead_officer()});
  }
  return table.Render();
}

std::string WorkstreamText(const v1::Workstream& ws) {
  return FieldsText({{"name", ws.name()},
                     {"plan period", ws.plan_period()},
                     {"number", absl::StrCat(ws.number())},
                     {"title", ws.title()},
                     {"lead officer", ws.lead_officer()},
                     {"board sponsors", JoinOrEmpty(ws.board_sponsors())},
                     {"sponsors (governance)", SponsorsText(ws)},
                     {"Education Scotland links", JoinOrEmpty(ws.education_scotland_links())},
                     {"created", TimeText(ws.create_time())},
                     {"updated", TimeText(ws.update_time())},
                     {"etag", ws.etag()}});
}

namespace {

bool IsOpen(const v1::PlanItem& item) { return item.status() == v1::NOT_STARTED || item.status() == v1::ON_TRACK; }

bool OnHold(const v1::PlanItem& item) {
  return item.project_status() == v1::PROJECT_PAUSED || item.project_status() == v1::PROJECT_WITHDRAWN;
}

// "on track", "on track (overdue, stale)", or for a task of a paused
// project "on track (project paused)": on hold, so neither overdue nor stale.
std::string StatusWithFlags(const v1::PlanItem& item, absl::CivilDay today) {
  if (IsOpen(item) && OnHold(item)) {
    return absl::StrCat(StatusWord(item.status()), " (project ",
                        item.project_status() == v1::PROJECT_PAUSED ? "paused" : "withdrawn", ")");
  }
  std::vector<std::string> flags;
  if (IsOpen(item) && item.has_expected_date() && calendar::LastDayCovered(item.expected_date()) < today) {
    flags.push_back("overdue");
  }
  if (IsOpen(item) && item.has_stale_since()) flags.push_back("stale");
  if (flags.empty()) return StatusWord(item.status());
  return absl::StrCat(StatusWord(item.status()), " (", absl::StrJoin(flags, ", "), ")");
}

}  // namespace

std::string ExpectedText(const v1::PlanItem& item) {
  return item.ongoing() ? "ongoing" : DateText(item.expected_date());
}

std::string PlanItemsText(const v1::ListPlanItemsResponse& response, absl::CivilDay today) {
  if (response.plan_items().empty()) return "no plan items\n";
  Table table({{"REF"}, {"STATUS"}, {"EXPECTED"}, {"LEAD"}, {"TASK"}});
  for (const v1::PlanItem& item : response.plan_items()) {
    table.AddRow({item.ref(), StatusWithFlags(item, today), ExpectedText(item),
                  item.lead(), Truncate(OneLine(item.task()), kTaskWidth)});
  }
  return absl::StrCat(table.Render(), response.plan_items_size(),
                      response.plan_items_size() == 1 ? " item\n" : " items\n");
}

std::string PlanItemText(const v1::PlanItem& item, absl::CivilDay today, const v1::StatusChange* latest_change) {
  std::vector<Field> fields = {{"name", item.name()},
                               {"ref", item.ref()},
                               {"workstream", item.workstream()},
                               {"status", StatusWithFlags(item, today)}};
  if (latest_change != nullptr) {
    std::string why = latest_change->reason().empty() ? "(no reason given)" : latest_change->reason();
    absl::StrAppend(&why, "  (", latest_change->changed_by(), ", ", TimeText(latest_change->change_time()), ")");
    fields.push_back({"status reason", why});
  }
  if (!item.superseded_by().empty()) fields.push_back({"superseded by", item.superseded_by()});
  if (!item.project().empty()) fields.push_back({"project", item.project()});
  fields.insert(fields.end(), {{"expected", ExpectedText(item)},
                               {"lead", item.lead()},
                               {"task", item.task()},
                               {"created", TimeText(item.create_time())},
                               {"updated", TimeText(item.update_time())}});
  if (!item.resources().empty()) fields.push_back({"resources", item.resources()});
  if (!item.plan_notes().empty()) fields.push_back({"plan notes", item.plan_notes()});
  if (item.has_last_activity_time()) fields.push_back({"last activity", TimeText(item.last_activity_time())});
  if (item.has_stale_since()) fields.push_back({"stale since", TimeText(item.stale_since())});
  fields.push_back({"etag", item.etag()});
  std::string out = FieldsText(fields);
  if (item.progress_notes().empty()) return out + "progress notes: none\n";
  absl::StrAppend(&out, "progress notes (", item.progress_notes_size(), "):\n");
  // By their date (the day the progress was made, which an import may set
  // long before the note was recorded); undated notes by when recorded.
  std::vector<const v1::ProgressNote*> notes;
  for (const v1::ProgressNote& note : item.progress_notes()) notes.push_back(&note);
  auto day_of = [](const v1::ProgressNote* n) {
    return n->has_note_date() ? calendar::ToIsoText(n->note_date())
                              : absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(n->create_time().seconds()),
                                                 absl::UTCTimeZone());
  };
  std::stable_sort(notes.begin(), notes.end(),
                   [&](const v1::ProgressNote* a, const v1::ProgressNote* b) { return day_of(a) < day_of(b); });
  for (const v1::ProgressNote* note : notes) out += NoteText(*note);
  return out;
}

std::string HistoryText(const v1::ListStatusHistoryResponse& response) {
  if (response.changes().empty()) return "no status changes\n";
  Table table({{"WHEN"}, {"FROM"}, {"TO"}, {"BY"}, {"REASON"}});
  for (const v1::StatusChange& change : response.changes()) {
    // The first entry records creation: there was no status before it.
    const std::string from = change.from_status() == v1::PLAN_ITEM_STATUS_UNSPECIFIED
                                 ? "-"
                                 : StatusWord(change.from_status());
    table.AddRow({TimeText(change.change_time()), from, StatusWord(change.to_status()),
                  change.changed_by(), change.reason()});
  }
  return table.Render();
}

}  // namespace wp::wpctl
