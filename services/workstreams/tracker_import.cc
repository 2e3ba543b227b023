#include "services/workstreams/tracker_import.h"

#include <functional>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/database.h"
#include "libs/table/table_text.h"
#include "services/workstreams/import_field_changes.h"
#include "services/workstreams/import_workstreams.h"
#include "services/workstreams/plan_item_changes.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_row.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
using table::DetectFormat;
using table::Format;

namespace {

using google::protobuf::util::MessageDifferencer;
using v1::ImportRowResult;

v1::PlanItemStatus ToProto(ItemStatus status) {
  switch (status) {
    case ItemStatus::kNotStarted: return v1::NOT_STARTED;
    case ItemStatus::kOnTrack: return v1::ON_TRACK;
    case ItemStatus::kComplete: return v1::COMPLETE;
    case ItemStatus::kSuperseded: return v1::SUPERSEDED;
  }
  return v1::PLAN_ITEM_STATUS_UNSPECIFIED;
}

ItemStatus FromProto(v1::PlanItemStatus status) {
  switch (status) {
    case v1::ON_TRACK: return ItemStatus::kOnTrack;
    case v1::COMPLETE: return ItemStatus::kComplete;
    case v1::SUPERSEDED: return ItemStatus::kSuperseded;
    default: return ItemStatus::kNotStarted;
  }
}

wp::common::v1::Date ToProto(const CalendarDate& d) {
  wp::common::v1::Date date;
  date.set_year(d.year);
  date.set_month(d.month);
  date.set_day(d.day);
  return date;
}

CalendarDate FromProto(const wp::common::v1::Date& d) { return {d.year(), d.month(), d.day()}; }

v1::PlanItem ToPlanItem(const std::string& period, const TrackerRow& row, const std::string& author) {
  v1::PlanItem item;
  item.set_plan_period(period);
  item.set_ref(row.ref);
  item.set_task(row.task);
  item.set_lead(row.lead);
  item.set_status(ToProto(row.status));
  if (row.expected_date) *item.mutable_expected_date() = ToProto(*row.expected_date);
  item.set_superseded_by(row.superseded_by);
  for (const DatedNote& n : row.notes) {
    v1::ProgressNote* note = item.add_progress_notes();
    if (n.date) *note->mutable_note_date() = ToProto(*n.date);
    note->set_text(n.text);
    note->set_author(author);
  }
  return item;
}

bool SameNote(const v1::ProgressNote& a, const v1::ProgressNote& b) {
  return a.text() == b.text() && a.has_note_date() == b.has_note_date() &&
         MessageDifferencer::Equals(a.note_date(), b.note_date());
}

// WriteTracker puts "Superseded by 5.2" in front of the comments of a
// superseded item whose notes do not name its replacement, so that the link
// survives a round trip. When the item already has that link, the marker is
// not a progress note: take it off the first (undated) note of the row, which
// ParseNotes joins with any undated text that followed it.
void DropSupersededMarker(const v1::PlanItem& existing, v1::PlanItem* wanted) {
  if (existing.superseded_by().empty() || wanted->superseded_by() != existing.superseded_by() ||
      wanted->progress_notes().empty() || wanted->progress_notes(0).has_note_date()) {
    return;
  }
  const std::string marker = absl::StrCat("Superseded by ", existing.superseded_by());
  v1::ProgressNote* first = wanted->mutable_progress_notes(0);
  absl::string_view text = first->text();
  if (!absl::ConsumePrefix(&text, marker)) return;
  if (!text.empty() && text.front() != ' ') return;  // "Superseded by 5.21"
  text = absl::StripLeadingAsciiWhitespace(text);
  if (text.empty()) {
    wanted->mutable_progress_notes()->erase(wanted->mutable_progress_notes()->begin());
  } else {
    first->set_text(std::string(text));
  }
}

ImportRowResult Rejected(const TrackerRow& row, absl::string_view reason) {
  ImportRowResult r;
  r.set_line(row.line);
  r.set_ref(row.ref);
  r.set_outcome(ImportRowResult::REJECTED);
  r.set_reason(std::string(reason));
  return r;
}

// Applies one row inside `tx`. Rule violations become a REJECTED result with
// no writes; only unexpected store errors are returned as errors.
absl::StatusOr<ImportRowResult> ApplyRow(store::Transaction& tx, const server::Caller& caller,
                                         const std::string& period, const TrackerRow& row,
                                         const std::string& author) {
  const absl::Time now = absl::Now();
  v1::PlanItem wanted = ToPlanItem(period, row, author);
  ImportRowResult result;
  result.set_line(row.line);
  result.set_ref(row.ref);

  auto existing = LoadPlanItem(tx, period, row.ref);
  if (absl::IsNotFound(existing.status())) {
    if (absl::Status s = ValidateNewPlanItem(wanted); !s.ok()) return Rejected(row, s.message());
    auto ws = LoadWorkstream(tx, period, row.workstream_number);
    if (absl::IsNotFound(ws.status())) {
      return Rejected(row, absl::StrCat("workstream ", row.workstream_number, " does not exist in ",
                                        period, "; create it first"));
    }
    if (!ws.ok()) return ws.status();
    WP_RETURN_IF_ERROR(RecordCreated(tx, caller, wanted, "imported", now).status());
    result.set_outcome(ImportRowResult::CREATED);
    return result;
  }
  if (!existing.ok()) return existing.status();

  DropSupersededMarker(*existing, &wanted);
  // A tracker has no columns for a project task's action plan: keep it as it
  // is (a date in the row ends "ongoing").
  wanted.set_project(existing->project());
  wanted.set_project_status(existing->project_status());
  wanted.set_ongoing(existing->ongoing() && !wanted.has_expected_date());
  wanted.set_resources(existing->resources());
  wanted.set_plan_notes(existing->plan_notes());
  // Notes already on the item are not added again: that is what makes a
  // re-import change nothing.
  std::vector<v1::ProgressNote> new_notes;
  for (const v1::ProgressNote& note : wanted.progress_notes()) {
    bool known = false;
    for (const v1::ProgressNote& have : existing->progress_notes()) known = known || SameNote(note, have);
    if (!known) new_notes.push_back(note);
  }
  const bool fields_changed = !ChangedFields(*existing, wanted).empty();
  if (!fields_changed && new_notes.empty()) {
    result.set_outcome(ImportRowResult::UNCHANGED);
    return result;
  }
  const size_t notes_after = existing->progress_notes().size() + new_notes.size();
  if (notes_after > static_cast<size_t>(kMaxProgressNotesPerItem)) {
    return Rejected(row, absl::StrCat(row.ref, " has ", existing->progress_notes_size(),
                                      " progress notes; ", new_notes.size(), " more would pass ",
                                      kMaxProgressNotesPerItem, ", the limit per plan item"));
  }
  if (fields_changed) {
    if (absl::Status s = ValidateNewPlanItem(wanted); !s.ok()) return Rejected(row, s.message());
    if (wanted.status() != existing->status() || wanted.superseded_by() != existing->superseded_by()) {
      const std::string reason = new_notes.empty() ? std::string("imported") : new_notes.back().text();
      if (existing->status() == v1::COMPLETE && wanted.status() != v1::COMPLETE) {
        return Rejected(row, absl::StrCat(row.ref, " is Complete; to reopen it, update it with reopen "
                                                   "set (wpctl items set-status ... --reopen), then "
                                                   "import again"));
      }
      if (absl::Status s = CheckStatusChange(*existing, wanted.status(), wanted.superseded_by(),
                                             reason, /*reopen=*/false);
          !s.ok()) {
        return Rejected(row, s.message());
      }
    }
    WP_RETURN_IF_ERROR(RecordUpdated(tx, caller, *existing, wanted, "imported", now).status());
  }
  for (const v1::ProgressNote& note : new_notes) {
    WP_RETURN_IF_ERROR(RecordNote(tx, caller, *existing, note, now));
  }
  result.set_outcome(ImportRowResult::UPDATED);
  for (v1::ImportFieldChange& change :
       DescribeChanges(*existing, wanted, static_cast<int>(new_notes.size()))) {
    *result.add_changed_fields() = std::move(change);
  }
  return result;
}

// A dry run's transactions end here: rolled back, never committed.
absl::Status DryRunRollback() { return absl::CancelledError("dry run: rolled back"); }

// Runs `body` in a write transaction, committed unless `dry_run`, when it is
// rolled back whatever happened; `body`'s value either way.
template <typename T>
absl::StatusOr<T> WriteOrRollBack(store::Database& db, bool dry_run,
                                  const std::function<absl::StatusOr<T>(store::Transaction&)>& body) {
  if (!dry_run) return store::WriteValue<T>(db, body);
  absl::StatusOr<T> result = absl::InternalError("no result");
  absl::Status s = db.Write([&](store::Transaction& tx) -> absl::Status {
    result = body(tx);
    return result.ok() ? DryRunRollback() : result.status();
  });
  if (result.ok()) return result;
  return s;
}

}  // namespace

absl::Status TrackerImporter::Import(const server::Caller& caller,
                                     const v1::ImportTrackerRequest& request,
                                     const ProgressSink& sink) {
  const std::string& period = request.plan_period();
  if (!IsValidPlanPeriod(period)) return InvalidField("plan_period", "must look like 2022-23");
  if (request.content().empty()) return InvalidField("content", "is empty");
  if (request.author().size() > kMaxNoteAuthorBytes) {
    return InvalidField("author", absl::StrCat("must be at most ", kMaxNoteAuthorBytes, " bytes"));
  }
  WP_RETURN_IF_ERROR(ValidateWorkstreamTitles(request));
  // Held until the import ends; refused at once rather than queued, so a
  // burst of imports cannot pile up their memory.
  WP_ASSIGN_OR_RETURN(server::ConcurrencyLimit::Permit permit, running_.TryAcquire());

  const absl::string_view content = request.content();
  const Format format = request.format() == v1::TSV   ? Format::kTsv
                        : request.format() == v1::CSV ? Format::kCsv
                                                      : DetectFormat(content);
  absl::StatusOr<TrackerReader> reader = TrackerReader::Open(content, format);
  if (!reader.ok()) return InvalidField("content", reader.status().message());
  ImportRun run;
  run.period = period;
  run.author = request.author().empty() ? caller.actor : request.author();
  run.dry_run = request.dry_run();

  // A first pass over the rows finds the workstreams they need, so that a
  // missing one fails the import once, before any row is applied.
  const int total_rows = reader->data_rows();
  const WorkstreamsInFile in_file = WorkstreamsInFile::Collect(*std::move(reader));
  reader = TrackerReader::Open(content, format);
  if (!reader.ok()) return InvalidField("content", reader.status().message());
  WP_ASSIGN_OR_RETURN(run.missing_workstreams,
                      store::ReadValue<std::vector<v1::Workstream>>(db_, [&](store::Transaction& tx) {
                        return PlanMissingWorkstreams(tx, period, in_file, request);
                      }));
  // Created before any row, committed on their own: the rows that need
  // them may be rejected, the workstreams stay.
  std::vector<v1::Workstream> created = run.missing_workstreams;
  if (!run.dry_run && !created.empty()) {
    WP_ASSIGN_OR_RETURN(created, store::WriteValue<std::vector<v1::Workstream>>(
                                     db_, [&](store::Transaction& tx) {
                                       return CreatePlannedWorkstreams(tx, caller, run.missing_workstreams,
                                                                       absl::Now());
                                     }));
  }

  // Results go out in file order as rows are read: parse rejections at once,
  // good rows after their batch is applied (one message per batch at least).
  ImportProgress progress(total_rows, sink);
  progress.SetDryRun(run.dry_run);
  progress.SetCreatedWorkstreams(std::move(created));
  std::vector<TrackerRow> batch;
  std::optional<TrackerRow> row;
  std::optional<RowRejection> rejection;
  int read = 0;
  while (reader->Next(&row, &rejection)) {
    const bool last = ++read == reader->data_rows();
    if (rejection) {
      ImportRowResult result;
      result.set_line(rejection->line);
      result.set_ref(rejection->ref);
      result.set_outcome(ImportRowResult::REJECTED);
      result.set_reason(rejection->reason);
      if (!progress.Add(std::move(result))) return absl::OkStatus();
    }
    if (row) batch.push_back(*std::move(row));
    if (batch.size() < batch_size_ && !(last && !batch.empty())) continue;
    for (ImportRowResult& result : ApplyBatch(caller, run, batch)) {
      if (!progress.Add(std::move(result))) return absl::OkStatus();
    }
    batch.clear();
    if (!last && !progress.Send(/*done=*/false)) return absl::OkStatus();
  }
  progress.Send(/*done=*/true);
  return absl::OkStatus();
}

std::vector<ImportRowResult> TrackerImporter::ApplyBatch(const server::Caller& caller, const ImportRun& run,
                                                         const std::vector<TrackerRow>& rows) {
  // A dry run creates, in each of its rolled-back transactions, the
  // workstreams a real import would have created first.
  auto prepare = [&](store::Transaction& tx) -> absl::Status {
    if (!run.dry_run || run.missing_workstreams.empty()) return absl::OkStatus();
    return CreatePlannedWorkstreams(tx, caller, run.missing_workstreams, absl::Now()).status();
  };
  // The generation advances after each commit (the database's commit
  // listener, libs/runtime), never for a rolled-back batch.
  absl::StatusOr<std::vector<ImportRowResult>> batch = WriteOrRollBack<std::vector<ImportRowResult>>(
      db_, run.dry_run, [&](store::Transaction& tx) -> absl::StatusOr<std::vector<ImportRowResult>> {
        WP_RETURN_IF_ERROR(prepare(tx));
        std::vector<ImportRowResult> results;
        for (const TrackerRow& row : rows) {
          WP_ASSIGN_OR_RETURN(auto r, ApplyRow(tx, caller, run.period, row, run.author));
          results.push_back(r);
        }
        return results;
      });
  if (batch.ok()) return *std::move(batch);
  // Find the row at fault: retry one row per transaction.
  std::vector<ImportRowResult> results;
  for (const TrackerRow& row : rows) {
    absl::StatusOr<ImportRowResult> one = WriteOrRollBack<ImportRowResult>(
        db_, run.dry_run, [&](store::Transaction& tx) -> absl::StatusOr<ImportRowResult> {
          WP_RETURN_IF_ERROR(prepare(tx));
          return ApplyRow(tx, caller, run.period, row, run.author);
        });
    results.push_back(one.ok() ? *std::move(one) : Rejected(row, one.status().message()));
  }
  return results;
}

absl::StatusOr<v1::ExportTrackerResponse> TrackerImporter::Export(
    const v1::ExportTrackerRequest& request) {
  if (!IsValidPlanPeriod(request.plan_period())) return InvalidField("plan_period", "must look like 2022-23");
  absl::StatusOr<std::vector<TrackerRow>> exported = store::ReadValue<std::vector<TrackerRow>>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<std::vector<TrackerRow>> {
        std::vector<TrackerRow> rows;
        PlanItemFilter filter;
        filter.period = request.plan_period();
        filter.limit = 1000;
        while (true) {
          WP_ASSIGN_OR_RETURN(auto page, ListPlanItems(tx, filter));
          for (const v1::PlanItem& item : page) {
            TrackerRow row;
            row.ref = item.ref();
            const PlanRef ref = *ParsePlanRef(item.ref());
            row.workstream_number = ref.workstream;
            row.task_number = ref.task;
            row.task = item.task();
            row.lead = item.lead();
            row.status = FromProto(item.status());
            if (item.has_expected_date()) row.expected_date = FromProto(item.expected_date());
            row.superseded_by = item.superseded_by();
            for (const v1::ProgressNote& n : item.progress_notes()) {
              DatedNote note;
              if (n.has_note_date()) note.date = FromProto(n.note_date());
              note.text = n.text();
              row.notes.push_back(note);
            }
            rows.push_back(std::move(row));
            filter.after_workstream = ref.workstream;
            filter.after_task = ref.task;
          }
          if (static_cast<int>(page.size()) < filter.limit) return rows;
        }
      });
  if (!exported.ok()) return exported.status();
  const bool tsv = request.format() == v1::TSV;
  v1::ExportTrackerResponse response;
  response.set_content(WriteTracker(*exported, tsv ? Format::kTsv : Format::kCsv));
  response.set_content_type(tsv ? "text/tab-separated-values; charset=utf-8"
                                : "text/csv; charset=utf-8");
  return response;
}

}  // namespace wp::workstreams
