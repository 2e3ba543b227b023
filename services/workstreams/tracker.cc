#include "services/workstreams/tracker.h"

#include <limits>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/database.h"
#include "libs/store/etag_update.h"
#include "libs/text/blank.h"
#include "services/workstreams/events.h"
#include "services/workstreams/plan_item_changes.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

void CheckNames(const google::protobuf::RepeatedPtrField<std::string>& names,
                const std::string& field, FieldViolations* v) {
  for (int i = 0; i < names.size(); ++i) {
    if (text::IsBlank(names[i]) || names[i].find('\n') != std::string::npos || names[i].size() > 200) {
      v->Add(absl::StrCat(field, "[", i, "]"), "must be a non-empty single line of at most 200 bytes");
    }
  }
}

absl::Status ValidateWorkstreamFields(const v1::Workstream& ws) {
  FieldViolations v;
  if (text::IsBlank(ws.title())) v.Add("workstream.title", "must not be empty");
  if (ws.title().size() > 300) v.Add("workstream.title", "must be at most 300 bytes");
  if (ws.lead_officer().find('\n') != std::string::npos) {
    v.Add("workstream.lead_officer", "must be a single line");
  }
  CheckNames(ws.board_sponsors(), "workstream.board_sponsors", &v);
  CheckNames(ws.education_scotland_links(), "workstream.education_scotland_links", &v);
  return v.ToStatus();
}

absl::Status ValidateRequestId(const std::string& request_id) {
  if (request_id.size() > 100) return InvalidField("request_id", "must be at most 100 bytes");
  return absl::OkStatus();
}

// Rejects masks naming fields that cannot be updated.
absl::Status CheckMask(const google::protobuf::FieldMask& mask, const std::set<std::string>& allowed) {
  if (mask.paths().empty()) {
    return InvalidField("update_mask", absl::StrCat("must name the fields to change, out of: ",
                                                    absl::StrJoin(allowed, ", ")));
  }
  for (const std::string& path : mask.paths()) {
    if (allowed.count(path) == 0) {
      return InvalidField("update_mask", absl::StrCat("\"", path, "\" cannot be updated; allowed: ",
                                                      absl::StrJoin(allowed, ", ")));
    }
  }
  return absl::OkStatus();
}

bool InMask(const google::protobuf::FieldMask& mask, const std::string& path) {
  for (const std::string& p : mask.paths()) {
    if (p == path) return true;
  }
  return false;
}


// A note as a caller sends it (to AddProgressNote, or with an update),
// checked, with the author (the caller) and the date (today) filled in.
absl::StatusOr<v1::ProgressNote> CheckedNote(const server::Caller& caller, v1::ProgressNote note) {
  FieldViolations v;
  if (text::IsBlank(note.text())) v.Add("note.text", "must not be empty");
  if (note.text().size() > kMaxNoteTextBytes) {
    v.Add("note.text", absl::StrCat("must be at most ", kMaxNoteTextBytes, " bytes"));
  }
  if (note.author().size() > kMaxNoteAuthorBytes) {
    v.Add("note.author", absl::StrCat("must be at most ", kMaxNoteAuthorBytes, " bytes"));
  }
  if (note.has_note_date()) {
    absl::Status date = calendar::Validate(note.note_date(), "note.note_date", true);
    for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (note.author().empty()) note.set_author(caller.actor);
  if (!note.has_note_date()) *note.mutable_note_date() = calendar::TodayUtc();
  return note;
}

// Every plan_item event carries all the notes: the cap keeps it small.
absl::Status CheckRoomForNote(const v1::PlanItem& item) {
  if (item.progress_notes_size() < kMaxProgressNotesPerItem) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      item.name(), " already has ", item.progress_notes_size(), " progress notes, the limit per plan item (",
      kMaxProgressNotesPerItem, "); put further progress in an existing note or a new item"));
}

// Makes `item` a task of the project: the project must exist; the item's
// workstream is the project's (the next free ref there when none is given)
// and it carries the project's status.
absl::Status PlaceInProject(store::Transaction& tx, const std::string& project_id, v1::PlanItem* item) {
  absl::StatusOr<v1::Project> project = LoadProject(tx, item->plan_period(), project_id);
  if (absl::IsNotFound(project.status())) {
    return absl::FailedPreconditionError(absl::StrCat(
        "plan_item.project: ", ProjectName(item->plan_period(), project_id),
        " does not exist; projects come from the governance plan of ", item->plan_period(),
        " (see wpctl projects list)"));
  }
  if (!project.ok()) return project.status();
  if (item->ref().empty()) {
    WP_ASSIGN_OR_RETURN(int last, LastTaskNumber(tx, item->plan_period(), project->workstream_number()));
    if (last >= kMaxTaskNumber) {
      return absl::FailedPreconditionError(absl::StrCat("workstream ", project->workstream_number(),
                                                        " has no task number left for a new item"));
    }
    item->set_ref(absl::StrCat(project->workstream_number(), ".", last + 1));
  } else if (ParsePlanRef(item->ref())->workstream != project->workstream_number()) {
    return InvalidField("plan_item.ref",
                        absl::StrCat("must be in workstream ", project->workstream_number(), ", the workstream of ",
                                     project->name(), " (leave it empty to take the next free ref)"));
  }
  item->set_project(project->name());
  item->set_project_status(project->status());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Workstream> Tracker::CreateWorkstream(const server::Caller& caller,
                                                         const v1::CreateWorkstreamRequest& request) {
  const v1::Workstream& ws = request.workstream();
  FieldViolations v;
  if (!IsValidPlanPeriod(ws.plan_period())) {
    v.Add("workstream.plan_period", "must look like 2022-23 (start year, two-digit end year)");
  }
  if (ws.number() < 1 || ws.number() > 99) v.Add("workstream.number", "must be between 1 and 99");
  WP_RETURN_IF_ERROR(v.ToStatus());
  WP_RETURN_IF_ERROR(ValidateWorkstreamFields(ws));
  WP_RETURN_IF_ERROR(ValidateRequestId(request.request_id()));

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Workstream>(db_, [&](store::Transaction& tx) {
    return store::CreateOnce<v1::Workstream>(
        tx, {"CreateWorkstream", request.request_id(), now},
        /*replay=*/[&](const std::string& first) -> absl::StatusOr<v1::Workstream> {
          std::string first_period;
          int first_number = 0;
          WP_RETURN_IF_ERROR(ParseWorkstreamName(first, "request_id", &first_period, &first_number));
          return LoadWorkstream(tx, first_period, first_number);
        },
        /*create=*/[&]() -> absl::StatusOr<v1::Workstream> {
          WP_RETURN_IF_ERROR(InsertWorkstream(tx, ws, now));
          WP_ASSIGN_OR_RETURN(v1::Workstream stored, LoadWorkstream(tx, ws.plan_period(), ws.number()));
          v1::WorkstreamChanged event;
          *event.mutable_workstream() = stored;
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "workstream", "created", stored.name(), event).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::Workstream> Tracker::GetWorkstream(const v1::GetWorkstreamRequest& request) {
  std::string period;
  int number = 0;
  WP_RETURN_IF_ERROR(ParseWorkstreamName(request.name(), "name", &period, &number));
  return store::ReadValue<v1::Workstream>(
      db_, [&](store::Transaction& tx) { return LoadWorkstream(tx, period, number); });
}

absl::StatusOr<v1::ListWorkstreamsResponse> Tracker::ListWorkstreams(
    const v1::ListWorkstreamsRequest& request) {
  if (!request.plan_period().empty() && !IsValidPlanPeriod(request.plan_period())) {
    return InvalidField("plan_period", "must look like 2022-23");
  }
  WP_ASSIGN_OR_RETURN(auto page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 2));
  WP_ASSIGN_OR_RETURN(int64_t after_number, after.Int(1));
  if (after_number < std::numeric_limits<int>::min() || after_number > std::numeric_limits<int>::max()) {
    return InvalidField("page_token", "is damaged");  // not a number this List wrote
  }
  return store::ReadValue<v1::ListWorkstreamsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListWorkstreamsResponse> {
        WP_ASSIGN_OR_RETURN(auto list, workstreams::ListWorkstreams(tx, request.plan_period(), after.Text(0),
                                                                    static_cast<int>(after_number),
                                                                    page_size + 1));
        v1::ListWorkstreamsResponse response;
        response.set_next_page_token(
            paging::FillPage(list, page_size, response.mutable_workstreams(), [](const v1::Workstream& w) {
              return paging::KeyOf(w.plan_period(), w.number());
            }));
        return response;
      });
}

absl::StatusOr<v1::Workstream> Tracker::UpdateWorkstream(const server::Caller& caller,
                                                         const v1::UpdateWorkstreamRequest& request) {
  std::string period;
  int number = 0;
  WP_RETURN_IF_ERROR(ParseWorkstreamName(request.workstream().name(), "workstream.name", &period, &number));
  if (absl::Status s = CheckMask(request.update_mask(), {"title", "lead_officer", "board_sponsors",
                                                         "education_scotland_links"});
      !s.ok()) {
    return s;
  }
  const absl::Time now = absl::Now();
  const v1::Workstream& in = request.workstream();
  const auto& mask = request.update_mask();
  return store::WriteValue<v1::Workstream>(db_, [&](store::Transaction& tx) {
    v1::Workstream before;  // for the audit record's changes
    return store::UpdateWithEtag<v1::Workstream>(
        in.etag(), /*load=*/[&]() -> absl::StatusOr<v1::Workstream> {
          WP_ASSIGN_OR_RETURN(before, LoadWorkstream(tx, period, number));
          return before;
        },
        /*change=*/[&](v1::Workstream& next) {
          if (InMask(mask, "title")) next.set_title(in.title());
          if (InMask(mask, "lead_officer")) next.set_lead_officer(in.lead_officer());
          if (InMask(mask, "board_sponsors")) *next.mutable_board_sponsors() = in.board_sponsors();
          if (InMask(mask, "education_scotland_links")) {
            *next.mutable_education_scotland_links() = in.education_scotland_links();
          }
          return ValidateWorkstreamFields(next);
        },
        /*save=*/[&](const v1::Workstream& next, int64_t version) -> absl::StatusOr<v1::Workstream> {
          WP_RETURN_IF_ERROR(SaveWorkstream(tx, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::Workstream stored, LoadWorkstream(tx, period, number));
          v1::WorkstreamChanged event;
          *event.mutable_workstream() = stored;
          WP_RETURN_IF_ERROR(
              EmitEvent(tx, caller, "workstream", "updated", stored.name(), event, {&before}).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::PlanItem> Tracker::CreatePlanItem(const server::Caller& caller,
                                                     const v1::CreatePlanItemRequest& request) {
  v1::PlanItem item = request.plan_item();
  WP_RETURN_IF_ERROR(ValidateNewPlanItem(item));
  WP_RETURN_IF_ERROR(ValidateRequestId(request.request_id()));
  for (auto& note : *item.mutable_progress_notes()) {
    if (note.author().empty()) note.set_author(caller.actor);
  }
  item.clear_project_status();  // output only: the project's
  std::string project_id;
  if (!item.project().empty()) {
    WP_ASSIGN_OR_RETURN(project_id, ProjectIdIn(item.plan_period(), item.project(), "plan_item.project"));
  }
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::PlanItem>(db_, [&](store::Transaction& tx) {
    return store::CreateOnce<v1::PlanItem>(
        tx, {"CreatePlanItem", request.request_id(), now},
        /*replay=*/[&](const std::string& first) -> absl::StatusOr<v1::PlanItem> {
          std::string first_period, first_ref;
          WP_RETURN_IF_ERROR(ParsePlanItemName(first, "request_id", &first_period, &first_ref));
          return LoadPlanItem(tx, first_period, first_ref);
        },
        /*create=*/[&]() -> absl::StatusOr<v1::PlanItem> {
          if (!project_id.empty()) WP_RETURN_IF_ERROR(PlaceInProject(tx, project_id, &item));
          const PlanRef ref = *ParsePlanRef(item.ref());
          auto ws = LoadWorkstream(tx, item.plan_period(), ref.workstream);
          if (absl::IsNotFound(ws.status())) {
            return absl::FailedPreconditionError(
                absl::StrCat("plan item ", item.ref(), " belongs to workstream ", ref.workstream, " of ",
                             item.plan_period(), ", which does not exist; create it first"));
          }
          if (!ws.ok()) return ws.status();
          return RecordCreated(tx, caller, item, "created", now);
        });
  });
}

absl::StatusOr<v1::PlanItem> Tracker::GetPlanItem(const v1::GetPlanItemRequest& request) {
  std::string period, ref;
  WP_RETURN_IF_ERROR(ParsePlanItemName(request.name(), "name", &period, &ref));
  return store::ReadValue<v1::PlanItem>(
      db_, [&](store::Transaction& tx) { return LoadPlanItem(tx, period, ref); });
}

absl::StatusOr<v1::ListPlanItemsResponse> Tracker::ListPlanItems(
    const v1::ListPlanItemsRequest& request) {
  FieldViolations v;
  if (!IsValidPlanPeriod(request.plan_period())) v.Add("plan_period", "must look like 2022-23");
  if (request.workstream_number() < 0 || request.workstream_number() > 99) {
    v.Add("workstream_number", "must be between 1 and 99, or 0 for all");
  }
  for (int i = 0; i < request.statuses_size(); ++i) {
    if (request.statuses(i) == v1::PLAN_ITEM_STATUS_UNSPECIFIED ||
        !v1::PlanItemStatus_IsValid(request.statuses(i))) {
      v.Add(absl::StrCat("statuses[", i, "]"), "is not a status");
    }
  }
  if (request.has_overdue_as_of()) {
    absl::Status date = calendar::Validate(request.overdue_as_of(), "overdue_as_of", false);
    for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
  }
  if (request.has_stale_as_of()) {
    absl::Status date = calendar::Validate(request.stale_as_of(), "stale_as_of", false);
    for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
  }
  if (request.query().size() > 200) v.Add("query", "must be at most 200 bytes");
  std::string project_id;
  if (!request.project().empty()) {
    absl::StatusOr<std::string> id = ProjectIdIn(request.plan_period(), request.project(), "project");
    if (id.ok()) {
      project_id = *id;
    } else {
      AddViolationsOf(id.status(), &v);
    }
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  WP_ASSIGN_OR_RETURN(auto page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 3));

  PlanItemFilter filter;
  filter.period = request.plan_period();
  filter.workstream_number = request.workstream_number();
  for (int status : request.statuses()) filter.statuses.push_back(static_cast<v1::PlanItemStatus>(status));
  filter.lead_contains = request.lead();
  filter.text_contains = request.query();
  filter.project_id = project_id;
  if (request.has_overdue_as_of()) filter.overdue_before_day = calendar::ToIsoText(request.overdue_as_of());
  if (request.has_stale_as_of()) {
    const wp::common::v1::Date& d = request.stale_as_of();
    filter.stale_before_us = stale_rule_.StaleBeforeUs(absl::CivilDay(d.year(), d.month(), d.day()));
  }
  filter.limit = page_size + 1;
  if (!after.first_page()) {
    // The numbers are read as the store's ints, as the token was written.
    if (after.Text(0) != request.plan_period() ||
        !absl::SimpleAtoi(after.Text(1), &filter.after_workstream) ||
        !absl::SimpleAtoi(after.Text(2), &filter.after_task)) {
      return InvalidField("page_token", "belongs to a different query");
    }
  }
  return store::ReadValue<v1::ListPlanItemsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPlanItemsResponse> {
        WP_ASSIGN_OR_RETURN(auto items, workstreams::ListPlanItems(tx, filter));
        v1::ListPlanItemsResponse response;
        response.set_next_page_token(
            paging::FillPage(items, page_size, response.mutable_plan_items(), [&](const v1::PlanItem& item) {
              const PlanRef last = *ParsePlanRef(item.ref());
              return paging::KeyOf(request.plan_period(), last.workstream, last.task);
            }));
        return response;
      });
}

absl::StatusOr<v1::PlanItem> Tracker::UpdatePlanItem(const server::Caller& caller,
                                                     const v1::UpdatePlanItemRequest& request) {
  std::string period, ref;
  WP_RETURN_IF_ERROR(ParsePlanItemName(request.plan_item().name(), "plan_item.name", &period, &ref));
  const auto& mask = request.update_mask();
  if (absl::Status s = CheckMask(mask, {"task", "lead", "status", "expected_date", "superseded_by", "ongoing",
                                        "resources", "plan_notes"});
      !s.ok()) {
    return s;
  }
  const v1::PlanItem& in = request.plan_item();
  std::optional<v1::ProgressNote> note;
  if (request.has_note()) {
    WP_ASSIGN_OR_RETURN(note, CheckedNote(caller, request.note()));
  }
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::PlanItem>(db_, [&](store::Transaction& tx) {
    v1::PlanItem current;  // as loaded: the status rules and the save compare with it
    return store::UpdateWithEtag<v1::PlanItem>(
        in.etag(),
        /*load=*/[&]() -> absl::StatusOr<v1::PlanItem> {
          WP_ASSIGN_OR_RETURN(current, LoadPlanItem(tx, period, ref));
          return current;
        },
        /*change=*/[&](v1::PlanItem& next) -> absl::Status {
          if (InMask(mask, "task")) next.set_task(in.task());
          if (InMask(mask, "lead")) next.set_lead(in.lead());
          if (InMask(mask, "status")) next.set_status(in.status());
          if (InMask(mask, "superseded_by")) next.set_superseded_by(in.superseded_by());
          if (InMask(mask, "expected_date")) {
            if (in.has_expected_date()) {
              *next.mutable_expected_date() = in.expected_date();
              if (!InMask(mask, "ongoing")) next.set_ongoing(false);  // a date ends "ongoing"
            } else {
              next.clear_expected_date();
            }
          }
          if (InMask(mask, "ongoing")) {
            next.set_ongoing(in.ongoing());
            if (in.ongoing() && !InMask(mask, "expected_date")) next.clear_expected_date();
          }
          if (InMask(mask, "resources")) next.set_resources(in.resources());
          if (InMask(mask, "plan_notes")) next.set_plan_notes(in.plan_notes());
          // Leaving SUPERSEDED drops the link unless the caller set it explicitly.
          if (next.status() != v1::SUPERSEDED && !InMask(mask, "superseded_by")) next.clear_superseded_by();

          FieldViolations v;
          if (text::IsBlank(next.task())) v.Add("plan_item.task", "must not be empty");
          if (next.lead().size() > 200) v.Add("plan_item.lead", "must be at most 200 bytes");
          if (next.has_expected_date()) {
            absl::Status date = calendar::Validate(next.expected_date(), "plan_item.expected_date", true);
            for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
          }
          CheckTaskPlanFields(next, &v);
          WP_RETURN_IF_ERROR(v.ToStatus());

          const bool status_changed = next.status() != current.status();
          if (status_changed || next.superseded_by() != current.superseded_by()) {
            WP_RETURN_IF_ERROR(CheckStatusChange(current, next.status(), next.superseded_by(),
                                                 request.reason(), request.reopen()));
          }
          return absl::OkStatus();
        },
        /*save=*/[&](const v1::PlanItem& next, int64_t) -> absl::StatusOr<v1::PlanItem> {
          if (!ChangedFields(current, next).empty()) {
            WP_RETURN_IF_ERROR(RecordUpdated(tx, caller, current, next, request.reason(), now).status());
          }
          if (!note) return LoadPlanItem(tx, period, ref);
          WP_RETURN_IF_ERROR(CheckRoomForNote(current));
          WP_RETURN_IF_ERROR(RecordNote(tx, caller, current, *note, now));
          return LoadPlanItem(tx, period, ref);
        },
        /*same=*/[&](const v1::PlanItem& next, const v1::PlanItem& before) {
          return ChangedFields(before, next).empty() && !note;
        });
  });
}

absl::StatusOr<v1::PlanItem> Tracker::AddProgressNote(const server::Caller& caller,
                                                      const v1::AddProgressNoteRequest& request) {
  std::string period, ref;
  WP_RETURN_IF_ERROR(ParsePlanItemName(request.name(), "name", &period, &ref));
  WP_ASSIGN_OR_RETURN(v1::ProgressNote note, CheckedNote(caller, request.note()));

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::PlanItem>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::PlanItem> {
    WP_ASSIGN_OR_RETURN(v1::PlanItem current, LoadPlanItem(tx, period, ref));
    return store::CreateOnce<v1::PlanItem>(
        tx, {"AddProgressNote", request.request_id(), now},
        // A retry of a recorded request adds nothing: the item as it is now.
        /*replay=*/[&](const std::string&) -> absl::StatusOr<v1::PlanItem> { return current; },
        /*create=*/[&]() -> absl::StatusOr<v1::PlanItem> {
          WP_RETURN_IF_ERROR(CheckEtag(request.etag(), VersionOf(current.etag()), current.name()));
          WP_RETURN_IF_ERROR(CheckRoomForNote(current));
          WP_RETURN_IF_ERROR(RecordNote(tx, caller, current, note, now));
          return LoadPlanItem(tx, period, ref);
        });
  });
}

absl::StatusOr<v1::ListStatusHistoryResponse> Tracker::ListStatusHistory(
    const v1::ListStatusHistoryRequest& request) {
  std::string period, ref;
  WP_RETURN_IF_ERROR(ParsePlanItemName(request.name(), "name", &period, &ref));
  return store::ReadValue<v1::ListStatusHistoryResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListStatusHistoryResponse> {
        WP_RETURN_IF_ERROR(LoadPlanItem(tx, period, ref).status());
        WP_ASSIGN_OR_RETURN(auto history, LoadStatusHistory(tx, period, ref));
        v1::ListStatusHistoryResponse response;
        for (auto& c : history) *response.add_changes() = std::move(c);
        return response;
      });
}

}  // namespace wp::workstreams
