#include "services/workstreams/tracker_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/sql_conditions.h"
#include "services/workstreams/board_sponsor_store.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {
namespace {

using store::Row;

// The project id a task's `project` names; "" for an item of no project.
std::string ProjectIdOf(const PlanItem& item) {
  if (item.project().empty()) return "";
  std::string period, id;
  if (!ParseProjectName(item.project(), "plan_item.project", &period, &id).ok()) return "";
  return id;
}
using store::Value;

// Lists of names are stored one per line; names never hold newlines.
std::string JoinLines(const google::protobuf::RepeatedPtrField<std::string>& values) {
  return absl::StrJoin(values, "\n");
}
void SplitLines(const std::string& text, google::protobuf::RepeatedPtrField<std::string>* out) {
  if (text.empty()) return;
  for (absl::string_view line : absl::StrSplit(text, '\n')) out->Add(std::string(line));
}

Value DateValue(const PlanItem& item) {
  if (!item.has_expected_date()) return Value();
  return calendar::ToIsoText(item.expected_date());
}
Value DueDayValue(const PlanItem& item) {
  if (!item.has_expected_date()) return Value();
  return calendar::DayText(calendar::LastDayCovered(item.expected_date()));
}

// LIKE pattern matching `text` anywhere, with wildcards in it escaped.
std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

Workstream WorkstreamFromRow(const Row& r) {
  Workstream ws;
  ws.set_plan_period(r.Text(0));
  ws.set_number(static_cast<int>(r.Int(1)));
  ws.set_name(WorkstreamName(ws.plan_period(), ws.number()));
  ws.set_title(r.Text(2));
  ws.set_lead_officer(r.Text(3));
  SplitLines(r.Text(4), ws.mutable_board_sponsors());
  SplitLines(r.Text(5), ws.mutable_education_scotland_links());
  ws.set_etag(EtagOf(r.Int(6)));
  calendar::SetTimestamp(r.Int(7), ws.mutable_create_time());
  calendar::SetTimestamp(r.Int(8), ws.mutable_update_time());
  return ws;
}

constexpr char kWorkstreamColumns[] =
    "plan_period, number, title, lead_officer, board_sponsors, education_scotland_links, "
    "version, create_us, update_us";

constexpr char kPlanItemColumns[] =
    "plan_period, ref, workstream_number, task, lead, status, expected_date, superseded_by, "
    "version, create_us, update_us, last_activity_us, stale_since_us, project_id, project_status, ongoing, "
    "resources, plan_notes";



PlanItem PlanItemFromRow(const Row& r) {
  PlanItem item;
  item.set_plan_period(r.Text(0));
  item.set_ref(r.Text(1));
  item.set_name(PlanItemName(item.plan_period(), item.ref()));
  item.set_workstream(WorkstreamName(item.plan_period(), static_cast<int>(r.Int(2))));
  item.set_task(RepairText(r.Text(3)));
  item.set_lead(RepairText(r.Text(4)));
  item.set_status(static_cast<v1::PlanItemStatus>(r.Int(5)));
  if (!r.IsNull(6)) {
    if (auto date = calendar::FromIsoText(r.Text(6))) *item.mutable_expected_date() = *date;
  }
  item.set_superseded_by(RepairText(r.Text(7)));
  item.set_etag(EtagOf(r.Int(8)));
  calendar::SetTimestamp(r.Int(9), item.mutable_create_time());
  calendar::SetTimestamp(r.Int(10), item.mutable_update_time());
  calendar::SetTimestamp(r.Int(11), item.mutable_last_activity_time());
  if (r.Int(12) != 0) calendar::SetTimestamp(r.Int(12), item.mutable_stale_since());
  if (!r.Text(13).empty()) {
    item.set_project(ProjectName(item.plan_period(), r.Text(13)));
    item.set_project_status(static_cast<v1::ProjectStatus>(r.Int(14)));
  }
  item.set_ongoing(r.Int(15) != 0);
  item.set_resources(RepairText(r.Text(16)));
  item.set_plan_notes(RepairText(r.Text(17)));
  return item;
}

absl::Status LoadNotes(Transaction& tx, PlanItem* item) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows, tx.Query(
      "SELECT note_date, text, author, create_us FROM progress_notes "
      "WHERE plan_period = ? AND ref = ? ORDER BY id",
      {item->plan_period(), item->ref()}));
  for (const Row& r : rows) {
    v1::ProgressNote* note = item->add_progress_notes();
    if (!r.IsNull(0)) {
      if (auto date = calendar::FromIsoText(r.Text(0))) *note->mutable_note_date() = *date;
    }
    note->set_text(RepairText(r.Text(1)));
    note->set_author(RepairText(r.Text(2)));
    calendar::SetTimestamp(r.Int(3), note->mutable_create_time());
  }
  return absl::OkStatus();
}

// Protobuf strings must be UTF-8: a stored string that is not would make
// every later read of the item fail to serialise. Callers validate first; this
// is the last guard, for any path that forgets.
absl::Status CheckText(const std::string& field, absl::string_view text) {
  const std::optional<size_t> bad = FindBadTextByte(text);
  if (!bad) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("is not UTF-8 text (", DescribeBadTextByte(text, *bad),
                                          "); it cannot be stored"));
}

absl::Status CheckNoteText(const std::string& field, const v1::ProgressNote& note) {
  WP_RETURN_IF_ERROR(CheckText(field + ".text", note.text()));
  return CheckText(field + ".author", note.author());
}

absl::Status CheckItemText(const PlanItem& item) {
  WP_RETURN_IF_ERROR(CheckText("plan_item.task", item.task()));
  WP_RETURN_IF_ERROR(CheckText("plan_item.lead", item.lead()));
  WP_RETURN_IF_ERROR(CheckText("plan_item.superseded_by", item.superseded_by()));
  WP_RETURN_IF_ERROR(CheckText("plan_item.resources", item.resources()));
  WP_RETURN_IF_ERROR(CheckText("plan_item.plan_notes", item.plan_notes()));
  for (int i = 0; i < item.progress_notes_size(); ++i) {
    WP_RETURN_IF_ERROR(
        CheckNoteText(absl::StrCat("plan_item.progress_notes[", i, "]"), item.progress_notes(i)));
  }
  return absl::OkStatus();
}

absl::Status BumpItemVersion(Transaction& tx, const std::string& period, const std::string& ref,
                             absl::Time now) {
  WP_ASSIGN_OR_RETURN(int64_t changed, tx.Execute(
      "UPDATE plan_items SET version = version + 1, update_us = ? WHERE plan_period = ? AND ref = ?",
      {calendar::Micros(now), period, ref}));
  if (changed == 0) return absl::NotFoundError(PlanItemName(period, ref));
  return absl::OkStatus();
}

// A progress note or status change at `micros`: the item's last activity
// moves on (never back) and any stale spell ends.
absl::Status NoteActivity(Transaction& tx, const std::string& period, const std::string& ref, int64_t micros) {
  return tx
      .Execute("UPDATE plan_items SET stale_since_us = 0, last_activity_us = CASE WHEN last_activity_us < ? "
               "THEN ? ELSE last_activity_us END WHERE plan_period = ? AND ref = ?",
               {micros, micros, period, ref})
      .status();
}

}  // namespace

std::string OpenAndNotOnHold() {
  return absl::StrCat(" AND status IN (", static_cast<int>(v1::NOT_STARTED), ", ", static_cast<int>(v1::ON_TRACK),
                      ") AND project_status NOT IN (", static_cast<int>(v1::PROJECT_PAUSED), ", ",
                      static_cast<int>(v1::PROJECT_WITHDRAWN), ")");
}

absl::StatusOr<Workstream> LoadWorkstream(Transaction& tx, const std::string& period, int number) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
      tx.Query(absl::StrCat("SELECT ", kWorkstreamColumns,
                            " FROM workstreams WHERE plan_period = ? AND number = ?"),
               {period, static_cast<int64_t>(number)}));
  if (rows.empty()) return absl::NotFoundError(WorkstreamName(period, number) + " does not exist");
  Workstream ws = WorkstreamFromRow(rows.front());
  WP_RETURN_IF_ERROR(AttachBoardSponsors(tx, calendar::ToIsoText(calendar::TodayUtc()), &ws));
  return ws;
}

absl::Status InsertWorkstream(Transaction& tx, const Workstream& ws, absl::Time now) {
  absl::StatusOr<int64_t> n = tx.Execute(
      "INSERT INTO workstreams (plan_period, number, title, lead_officer, board_sponsors, "
      "education_scotland_links, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
      {ws.plan_period(), static_cast<int64_t>(ws.number()), ws.title(), ws.lead_officer(),
       JoinLines(ws.board_sponsors()), JoinLines(ws.education_scotland_links()), calendar::Micros(now),
       calendar::Micros(now)});
  if (n.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::AlreadyExistsError(WorkstreamName(ws.plan_period(), ws.number()) +
                                    " already exists");
  }
  return n.status();
}

absl::Status SaveWorkstream(Transaction& tx, const Workstream& ws, int64_t expected_version,
                            absl::Time now) {
  WP_ASSIGN_OR_RETURN(int64_t n, tx.Execute(
      "UPDATE workstreams SET title = ?, lead_officer = ?, board_sponsors = ?, "
      "education_scotland_links = ?, version = version + 1, update_us = ? "
      "WHERE plan_period = ? AND number = ? AND version = ?",
      {ws.title(), ws.lead_officer(), JoinLines(ws.board_sponsors()),
       JoinLines(ws.education_scotland_links()), calendar::Micros(now), ws.plan_period(),
       static_cast<int64_t>(ws.number()), expected_version}));
  if (n == 0) return absl::AbortedError(ws.name() + " changed meanwhile; read it again and retry");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Workstream>> ListWorkstreams(Transaction& tx, const std::string& period,
                                                        const std::string& after_period,
                                                        int after_number, int limit) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows, tx.Query(
      absl::StrCat("SELECT ", kWorkstreamColumns,
                   " FROM workstreams WHERE (? = '' OR plan_period = ?) AND "
                   "(plan_period > ? OR (plan_period = ? AND number > ?)) "
                   "ORDER BY plan_period, number LIMIT ?"),
      {period, period, after_period, after_period, static_cast<int64_t>(after_number),
       static_cast<int64_t>(limit)}));
  std::vector<Workstream> result;
  const std::string today = calendar::ToIsoText(calendar::TodayUtc());
  for (const Row& r : rows) {
    result.push_back(WorkstreamFromRow(r));
    WP_RETURN_IF_ERROR(AttachBoardSponsors(tx, today, &result.back()));
  }
  return result;
}

absl::StatusOr<PlanItem> LoadPlanItem(Transaction& tx, const std::string& period,
                                      const std::string& ref) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows, tx.Query(
      absl::StrCat("SELECT ", kPlanItemColumns, " FROM plan_items WHERE plan_period = ? AND ref = ?"),
      {period, ref}));
  if (rows.empty()) return absl::NotFoundError(PlanItemName(period, ref) + " does not exist");
  PlanItem item = PlanItemFromRow(rows.front());
  WP_RETURN_IF_ERROR(LoadNotes(tx, &item));
  return item;
}

absl::Status InsertPlanItem(Transaction& tx, const PlanItem& item, absl::Time now) {
  const std::optional<PlanRef> ref = ParsePlanRef(item.ref());
  if (!ref) return absl::InvalidArgumentError("plan_item.ref: not a ref");
  WP_RETURN_IF_ERROR(CheckItemText(item));
  absl::StatusOr<int64_t> n = tx.Execute(
      "INSERT INTO plan_items (plan_period, ref, workstream_number, task_number, task, lead, "
      "status, expected_date, due_day, superseded_by, version, create_us, update_us, last_activity_us, "
      "project_id, project_status, ongoing, resources, plan_notes) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
      {item.plan_period(), item.ref(), static_cast<int64_t>(ref->workstream),
       static_cast<int64_t>(ref->task), item.task(), item.lead(),
       static_cast<int64_t>(item.status()), DateValue(item), DueDayValue(item),
       item.superseded_by(), calendar::Micros(now), calendar::Micros(now), calendar::Micros(now),
       ProjectIdOf(item), static_cast<int64_t>(item.project_status()), static_cast<int64_t>(item.ongoing()),
       item.resources(), item.plan_notes()});
  if (n.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::AlreadyExistsError(PlanItemName(item.plan_period(), item.ref()) +
                                    " already exists");
  }
  if (!n.ok()) return n.status();
  for (const v1::ProgressNote& note : item.progress_notes()) {
    WP_RETURN_IF_ERROR(tx.Execute(
        "INSERT INTO progress_notes (plan_period, ref, note_date, text, author, create_us) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {item.plan_period(), item.ref(),
         note.has_note_date() ? Value(calendar::ToIsoText(note.note_date())) : Value(),
         note.text(), note.author(), calendar::Micros(now)}).status());
  }
  return absl::OkStatus();
}

absl::Status SavePlanItem(Transaction& tx, const PlanItem& item, int64_t expected_version,
                          absl::Time now) {
  WP_RETURN_IF_ERROR(CheckItemText(item));
  WP_ASSIGN_OR_RETURN(int64_t n, tx.Execute(
      "UPDATE plan_items SET task = ?, lead = ?, status = ?, expected_date = ?, due_day = ?, "
      "superseded_by = ?, ongoing = ?, resources = ?, plan_notes = ?, version = version + 1, update_us = ? "
      "WHERE plan_period = ? AND ref = ? AND version = ?",
      {item.task(), item.lead(), static_cast<int64_t>(item.status()), DateValue(item),
       DueDayValue(item), item.superseded_by(), static_cast<int64_t>(item.ongoing()), item.resources(),
       item.plan_notes(), calendar::Micros(now), item.plan_period(), item.ref(), expected_version}));
  if (n == 0) {
    return absl::AbortedError(PlanItemName(item.plan_period(), item.ref()) +
                              " changed meanwhile; read it again and retry");
  }
  return absl::OkStatus();
}

absl::StatusOr<int> LastTaskNumber(Transaction& tx, const std::string& period, int workstream_number) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      tx.Query("SELECT MAX(task_number) FROM plan_items WHERE plan_period = ? AND workstream_number = ?",
                               {period, static_cast<int64_t>(workstream_number)}));
  if (rows.empty() || rows.front().IsNull(0)) return 0;
  return static_cast<int>(rows.front().Int(0));
}

absl::Status InsertProgressNote(Transaction& tx, const std::string& period, const std::string& ref,
                                const v1::ProgressNote& note, absl::Time now) {
  WP_RETURN_IF_ERROR(CheckNoteText("note", note));
  WP_RETURN_IF_ERROR(tx.Execute(
      "INSERT INTO progress_notes (plan_period, ref, note_date, text, author, create_us) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {period, ref, note.has_note_date() ? Value(calendar::ToIsoText(note.note_date())) : Value(),
       note.text(), note.author(), calendar::Micros(now)}).status());
  WP_RETURN_IF_ERROR(NoteActivity(tx, period, ref, calendar::Micros(now)));
  return BumpItemVersion(tx, period, ref, now);
}

absl::Status InsertStatusChange(Transaction& tx, const std::string& period, const std::string& ref,
                                const v1::StatusChange& change) {
  WP_RETURN_IF_ERROR(CheckText("reason", change.reason()));
  const int64_t micros = change.change_time().seconds() * 1000000 + change.change_time().nanos() / 1000;
  WP_RETURN_IF_ERROR(tx.Execute(
                           "INSERT INTO status_changes (plan_period, ref, from_status, to_status, changed_by, "
                           "change_us, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           {period, ref, static_cast<int64_t>(change.from_status()),
                            static_cast<int64_t>(change.to_status()), change.changed_by(), micros,
                            change.reason()})
                         .status());
  return NoteActivity(tx, period, ref, micros);
}

absl::StatusOr<std::vector<v1::StatusChange>> LoadStatusHistory(Transaction& tx,
                                                                const std::string& period,
                                                                const std::string& ref) {
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows, tx.Query(
      "SELECT from_status, to_status, changed_by, change_us, reason FROM status_changes "
      "WHERE plan_period = ? AND ref = ? ORDER BY id",
      {period, ref}));
  std::vector<v1::StatusChange> changes;
  for (const Row& r : rows) {
    v1::StatusChange& c = changes.emplace_back();
    c.set_from_status(static_cast<v1::PlanItemStatus>(r.Int(0)));
    c.set_to_status(static_cast<v1::PlanItemStatus>(r.Int(1)));
    c.set_changed_by(RepairText(r.Text(2)));
    calendar::SetTimestamp(r.Int(3), c.mutable_change_time());
    c.set_reason(RepairText(r.Text(4)));
  }
  return changes;
}

absl::StatusOr<std::vector<PlanItem>> ListPlanItems(Transaction& tx, const PlanItemFilter& filter) {
  store::SqlConditions where;
  where.Add("plan_period = ?", {filter.period});
  where.Add("(workstream_number > ? OR (workstream_number = ? AND task_number > ?))",
            {static_cast<int64_t>(filter.after_workstream), static_cast<int64_t>(filter.after_workstream),
             static_cast<int64_t>(filter.after_task)});
  if (filter.workstream_number != 0) {
    where.Add("workstream_number = ?", {static_cast<int64_t>(filter.workstream_number)});
  }
  std::vector<int64_t> statuses;
  for (auto s : filter.statuses) statuses.push_back(static_cast<int64_t>(s));
  where.AddIn("status", statuses);
  if (!filter.lead_contains.empty()) {
    where.Add("LOWER(lead) LIKE LOWER(?) ESCAPE '\\'", {ContainsPattern(filter.lead_contains)});
  }
  if (!filter.project_id.empty()) where.Add("project_id = ?", {filter.project_id});
  if (filter.overdue_before_day) {
    where.Add(absl::StrCat("due_day < ?", OpenAndNotOnHold()), {*filter.overdue_before_day});
  }
  if (filter.stale_before_us) {
    where.Add(absl::StrCat("last_activity_us < ?", OpenAndNotOnHold()), {*filter.stale_before_us});
  }
  if (!filter.text_contains.empty()) {
    const std::string pattern = ContainsPattern(filter.text_contains);
    where.Add(
        "(LOWER(ref) LIKE LOWER(?) ESCAPE '\\' OR LOWER(task) LIKE LOWER(?) ESCAPE '\\' OR "
        "LOWER(lead) LIKE LOWER(?) ESCAPE '\\' OR EXISTS (SELECT 1 FROM progress_notes n WHERE "
        "n.plan_period = plan_items.plan_period AND n.ref = plan_items.ref AND "
        "LOWER(n.text) LIKE LOWER(?) ESCAPE '\\'))",
        {pattern, pattern, pattern, pattern});
  }
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kPlanItemColumns, " FROM plan_items WHERE ", where.Sql(),
                                            " ORDER BY workstream_number, task_number LIMIT ?"),
                               where.ParamsThen({static_cast<int64_t>(filter.limit)})));
  std::vector<PlanItem> items;
  items.reserve(rows.size());
  for (const Row& r : rows) {
    PlanItem& item = items.emplace_back(PlanItemFromRow(r));
    WP_RETURN_IF_ERROR(LoadNotes(tx, &item));
  }
  return items;
}

absl::StatusOr<std::vector<StatusCountRow>> CountByStatus(Transaction& tx,
                                                          const std::string& period,
                                                          const std::string& as_of_day,
                                                          int64_t stale_before_us) {
  const std::string open = OpenAndNotOnHold();
  const std::string on_hold = absl::StrCat(" AND status IN (", static_cast<int>(v1::NOT_STARTED), ", ",
                                           static_cast<int>(v1::ON_TRACK), ") AND project_status IN (",
                                           static_cast<int>(v1::PROJECT_PAUSED), ", ",
                                           static_cast<int>(v1::PROJECT_WITHDRAWN), ")");
  WP_ASSIGN_OR_RETURN(std::vector<Row> rows, tx.Query(
      absl::StrCat("SELECT workstream_number, project_id, status, COUNT(*), "
                   "SUM(CASE WHEN due_day < ?", open, " THEN 1 ELSE 0 END), "
                   "SUM(CASE WHEN last_activity_us < ?", open, " THEN 1 ELSE 0 END), "
                   "SUM(CASE WHEN 1 = 1", on_hold, " THEN 1 ELSE 0 END) "
                   "FROM plan_items WHERE plan_period = ? "
                   "GROUP BY workstream_number, project_id, status ORDER BY workstream_number, project_id, status"),
      {as_of_day, stale_before_us, period}));
  std::vector<StatusCountRow> result;
  for (const Row& r : rows) {
    StatusCountRow& row = result.emplace_back();
    row.workstream_number = static_cast<int>(r.Int(0));
    row.project_id = r.Text(1);
    row.status = static_cast<v1::PlanItemStatus>(r.Int(2));
    row.count = static_cast<int>(r.Int(3));
    row.overdue = static_cast<int>(r.Int(4));
    row.stale = static_cast<int>(r.Int(5));
    row.on_hold = static_cast<int>(r.Int(6));
  }
  return result;
}

}  // namespace wp::workstreams
