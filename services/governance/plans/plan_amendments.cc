#include "services/governance/plans/plan_amendments.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag.h"
#include "libs/store/etag_update.h"
#include "libs/store/request_ids.h"
#include "libs/text/blank.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"
#include "services/governance/plans/decided_at.h"
#include "services/governance/plans/plan_content.h"
#include "services/governance/plans/plan_store.h"

namespace wp::governance {
namespace {

constexpr char kAmendMethod[] = "AmendPlan";
const DecidedAtFields kDecidedAtFields{"amendment.meeting", "amendment.decision"};

// ---- storage: an amendment never changes, so it is kept whole ----

absl::StatusOr<v1::PlanAmendment> AmendmentFromBytes(const std::string& bytes, const std::string& name) {
  v1::PlanAmendment amendment;
  if (!amendment.ParseFromString(bytes)) return absl::DataLossError(absl::StrCat(name, " is unreadable"));
  return amendment;
}

absl::StatusOr<v1::PlanAmendment> LoadAmendment(store::Transaction& tx, const std::string& plan_id,
                                                int64_t number) {
  const std::string name = AmendmentName(plan_id, number);
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT amendment_pb FROM plan_amendments WHERE plan_id = ? AND number = ?",
                       {plan_id, number}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(name, " does not exist"));
  return AmendmentFromBytes(rows.front().Text(0), name);
}

// Gives `amendment` the plan's next number (and its name) and stores it.
absl::Status InsertAmendment(store::Transaction& tx, const std::string& plan_id, absl::Time now,
                             v1::PlanAmendment* amendment) {
  WP_ASSIGN_OR_RETURN(auto next,
                      tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM plan_amendments WHERE plan_id = ?",
                                  {plan_id}));
  const int64_t number = next.Int(0);
  amendment->set_name(AmendmentName(plan_id, number));
  *amendment->mutable_create_time() = calendar::TimestampOf(now);
  return tx
      .Execute("INSERT INTO plan_amendments (plan_id, number, amendment_pb, create_us) VALUES (?, ?, ?, ?)",
               {plan_id, number, store::Blob{amendment->SerializeAsString()}, calendar::Micros(now)})
      .status();
}

// ---- checks ----

// Everything that can be checked without the plan. Sets `fields` to the
// content fields the amendment changes.
absl::Status CheckAmendment(const v1::AmendPlanRequest& request, ContentFields* fields) {
  const v1::PlanAmendment& a = request.amendment();
  FieldViolations v;
  CheckRequiredLine(a.title(), "amendment.title", &v);
  if (text::IsBlank(a.rationale())) {
    v.Add("amendment.rationale", "is required");
  } else {
    CheckOptionalText(a.rationale(), "amendment.rationale", &v);
  }
  CheckRequiredDay(a.effective_date(), "amendment.effective_date", &v);
  std::string body_id;
  if (a.approving_body().empty()) {
    v.Add("amendment.approving_body", "is required");
  } else if (auto body = ParseName(a.approving_body(), kBodyPattern, "amendment.approving_body"); !body.ok()) {
    AddViolationsOf(body.status(), &v);
  } else {
    body_id = (*body)[0];
  }
  CheckDecidedAt(a.meeting(), a.decision(), kDecidedAtFields, /*meeting_required=*/false, &v);
  if (auto meeting = ParseName(a.meeting(), kMeetingPattern, "amendment.meeting");
      meeting.ok() && !body_id.empty() && (*meeting)[0] != body_id) {
    v.Add("amendment.meeting", absl::StrCat("must be a meeting of the approving body ", a.approving_body()));
  }

  auto mask = ParseContentMask(a.content_mask(), "amendment.content_mask", /*allow_projects=*/false,
                               /*empty_means_all=*/false);
  AddViolationsOf(mask.status(), &v);
  if (mask.ok()) {
    *fields = *mask;
    CheckPlanContent(a.content(), *fields, "amendment.content", &v);
    if (fields->Empty() && a.project_changes().empty()) {
      v.Add("amendment.content_mask",
            "is empty and there are no project_changes: an amendment must change something");
    }
  }

  if (a.project_changes_size() > kMaxProjects) {
    v.Add("amendment.project_changes", absl::StrCat("at most ", kMaxProjects, " changes"));
  }
  std::set<std::string> seen;
  for (int i = 0; i < a.project_changes_size() && i < kMaxProjects; ++i) {
    const v1::ProjectChange& change = a.project_changes(i);
    const v1::PlanProject& p = change.project();
    const std::string at = absl::StrCat("amendment.project_changes[", i, "]");
    if (!IsValidId(p.id())) {
      v.Add(at + ".project.id", "must be 2..63 lower-case letters, digits and hyphens, e.g. executive-coaching");
    } else if (!seen.insert(p.id()).second) {
      v.Add(at + ".project.id", absl::StrCat("project ", p.id(), " is changed twice; one change per project"));
    }
    if (p.status() == v1::PlanProject::STATUS_UNSPECIFIED) {
      v.Add(at + ".project.status", "is required");
    } else if (!v1::PlanProject::Status_IsValid(p.status())) {
      v.Add(at + ".project.status", "is not a project status");
    }
    CheckOptionalLine(p.title(), at + ".project.title", &v);
    CheckOptionalText(p.description(), at + ".project.description", &v);
    if (p.workstream_number() < 0 || p.workstream_number() > kMaxWorkstreamNumber) {
      v.Add(at + ".project.workstream_number",
            absl::StrCat("must be ", kMinWorkstreamNumber, "..", kMaxWorkstreamNumber));
    }
    CheckOptionalText(change.note(), at + ".note", &v);
  }
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  return v.ToStatus();
}

absl::Status CheckAmendable(const v1::Plan& plan) {
  switch (plan.state()) {
    case v1::Plan::BOARD_APPROVED:
    case v1::Plan::COMMITTEE_ENDORSED:
    case v1::Plan::ACTIVE:
      return absl::OkStatus();
    case v1::Plan::DRAFT:
      return absl::FailedPreconditionError(
          absl::StrCat(plan.name(), " is DRAFT: a draft is edited with UpdatePlan, not amended"));
    default:
      return absl::FailedPreconditionError(
          absl::StrCat(plan.name(), " is ", v1::Plan::State_Name(plan.state()),
                       ": only a BOARD_APPROVED, COMMITTEE_ENDORSED or ACTIVE plan is amended"));
  }
}

// Applies the project changes to `next` (whose workstreams are already the
// amended ones), filling each change's previous_status and the project as it
// now is. New projects need a title and one of the plan's workstreams.
absl::Status ApplyProjectChanges(v1::Plan* next, v1::PlanAmendment* record) {
  std::set<int32_t> workstreams;
  for (const v1::PlanWorkstream& ws : next->workstreams()) workstreams.insert(ws.number());
  FieldViolations v;
  for (int i = 0; i < record->project_changes_size(); ++i) {
    v1::ProjectChange* change = record->mutable_project_changes(i);
    const v1::PlanProject wanted = change->project();
    auto* projects = next->mutable_projects();
    auto existing = std::find_if(projects->begin(), projects->end(),
                                 [&](const v1::PlanProject& p) { return p.id() == wanted.id(); });
    if (existing != projects->end()) {
      change->set_previous_status(existing->status());
      existing->set_status(wanted.status());
      *change->mutable_project() = *existing;
      continue;
    }
    const std::string at = absl::StrCat("amendment.project_changes[", i, "].project");
    change->set_previous_status(v1::PlanProject::STATUS_UNSPECIFIED);
    if (text::IsBlank(wanted.title())) v.Add(at + ".title", absl::StrCat("is required for a new project (", wanted.id(), ")"));
    if (wanted.workstream_number() == 0) {
      v.Add(at + ".workstream_number", absl::StrCat("is required for a new project (", wanted.id(), ")"));
    } else if (workstreams.count(wanted.workstream_number()) == 0) {
      v.Add(at + ".workstream_number",
            absl::StrCat(PlanIdOf(*next), " has no workstream ", wanted.workstream_number()));
    }
    *next->add_projects() = wanted;
  }
  return v.ToStatus();
}

// A workstream the amendment removes must have nothing hanging off it.
absl::Status CheckRemovedWorkstreams(store::Transaction& tx, const v1::Plan& before, const v1::Plan& after) {
  std::set<int32_t> kept;
  for (const v1::PlanWorkstream& ws : after.workstreams()) kept.insert(ws.number());
  const std::string plan_id = PlanIdOf(before);
  for (const v1::PlanWorkstream& ws : before.workstreams()) {
    if (kept.count(ws.number()) > 0) continue;
    const std::string what = absl::StrCat("workstream ", ws.number(), " (", ws.title(), ") of ", before.name(),
                                          " cannot be removed: it has ");
    std::vector<std::string> projects;
    for (const v1::PlanProject& p : after.projects()) {
      if (p.workstream_number() == ws.number()) projects.push_back(p.id());
    }
    if (!projects.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(what, "projects (", absl::StrJoin(projects, ", "), ")"));
    }
    WP_ASSIGN_OR_RETURN(
        auto lines,
        tx.Query("SELECT id FROM budget_lines WHERE plan_id = ? AND workstream_number = ? ORDER BY id",
                 {plan_id, static_cast<int64_t>(ws.number())}));
    if (!lines.empty()) {
      std::vector<std::string> ids;
      for (const store::Row& r : lines) ids.push_back(r.Text(0));
      return absl::FailedPreconditionError(absl::StrCat(what, "budget lines (", absl::StrJoin(ids, ", "), ")"));
    }
    WP_ASSIGN_OR_RETURN(auto sponsors, tx.Query(
        "SELECT number FROM sponsorships WHERE plan_id = ? AND workstream_number = ? "
        "AND (end_day IS NULL OR end_day >= ?) ORDER BY number",
        {plan_id, static_cast<int64_t>(ws.number()), TodayText()}));
    if (!sponsors.empty()) {
      std::vector<std::string> names;
      for (const store::Row& r : sponsors) names.push_back(SponsorshipName(plan_id, r.Int(0)));
      return absl::FailedPreconditionError(
          absl::StrCat(what, "current sponsors (", absl::StrJoin(names, ", "), ")"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::PlanAmendment> PlanAmendments::AmendPlan(const server::Caller& caller,
                                                            const v1::AmendPlanRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parent, ParseName(request.parent(), kPlanPattern, "parent"));
  const std::string plan_id = parent[0];
  ContentFields fields;
  WP_RETURN_IF_ERROR(CheckAmendment(request, &fields));

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::PlanAmendment>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::PlanAmendment> {
        return store::CreateOnce<v1::PlanAmendment>(
            tx, {kAmendMethod, request.request_id(), now},
            [&](const std::string& made) -> absl::StatusOr<v1::PlanAmendment> {
              WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kAmendmentPattern, "request_id"));
              return LoadAmendment(tx, parts[0], NumberPart(parts[1]));
            },
            [&]() -> absl::StatusOr<v1::PlanAmendment> {
              // The record keeps only what the amendment is about: the masked
              // content, new and old, and the project changes as applied.
              v1::PlanAmendment record;
              const absl::StatusOr<v1::Plan> amended = store::UpdateWithEtag<v1::Plan>(
                  request.etag(), [&] { return LoadPlan(tx, plan_id); },
                  [&](v1::Plan& next) -> absl::Status {
                    const v1::Plan plan = next;
                    WP_RETURN_IF_ERROR(CheckAmendable(plan));
                    const v1::PlanAmendment& in = request.amendment();
                    if (auto body = ResolveBody(tx, in.approving_body(), "amendment.approving_body"); !body.ok()) {
                      return body.status();
                    }
                    if (auto meeting = ResolveDecidedAt(tx, in.meeting(), in.decision(), kDecidedAtFields,
                                                        v1::Body::KIND_UNSPECIFIED);
                        !meeting.ok()) {
                      return meeting.status();
                    }

                    record.set_title(in.title());
                    record.set_rationale(in.rationale());
                    *record.mutable_effective_date() = in.effective_date();
                    record.set_approving_body(in.approving_body());
                    record.set_meeting(in.meeting());
                    record.set_decision(in.decision());
                    *record.mutable_project_changes() = in.project_changes();
                    *record.mutable_content_mask() = in.content_mask();
                    CopyContent(in.content(), fields, record.mutable_content());
                    NormalizeContent(plan.session_span(), record.mutable_content());
                    CopyContent(plan, fields, record.mutable_previous_content());

                    CopyContent(in.content(), fields, &next);
                    WP_RETURN_IF_ERROR(ApplyProjectChanges(&next, &record));
                    NormalizeContent(next.session_span(), &next);
                    WP_RETURN_IF_ERROR(CheckRemovedWorkstreams(tx, plan, next));
                    if (SameContent(next, plan)) {
                      return absl::FailedPreconditionError(
                          absl::StrCat("the amendment changes nothing: ", plan.name(),
                                       " already has that content and those project statuses"));
                    }
                    next.set_revision(plan.revision() + 1);
                    record.set_revision(next.revision());
                    return absl::OkStatus();
                  },
                  [&](const v1::Plan& next, int64_t version) -> absl::StatusOr<v1::Plan> {
                    WP_RETURN_IF_ERROR(SavePlan(tx, plan_id, next, version, now));
                    WP_RETURN_IF_ERROR(InsertAmendment(tx, plan_id, now, &record));

                    WP_ASSIGN_OR_RETURN(auto stored, LoadPlan(tx, plan_id));
                    v1::PlanAmended event;
                    *event.mutable_plan() = stored;
                    *event.mutable_amendment() = record;
                    if (auto seq = EmitEvent(tx, caller, "plan", "amended", stored.name(), event); !seq.ok()) {
                      return seq.status();
                    }
                    return stored;
                  },
                  // A change of nothing is refused above, so every amendment saves.
                  store::kAlwaysSave);
              if (!amended.ok()) return amended.status();
              return record;
            });
      });
}

absl::StatusOr<v1::PlanAmendment> PlanAmendments::GetPlanAmendment(const server::Caller& caller,
                                                                   const v1::GetPlanAmendmentRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kAmendmentPattern, "name"));
  return store::ReadValue<v1::PlanAmendment>(db_, [&](store::Transaction& tx) {
    return LoadAmendment(tx, parts[0], NumberPart(parts[1]));
  });
}

absl::StatusOr<v1::ListPlanAmendmentsResponse> PlanAmendments::ListPlanAmendments(
    const server::Caller& caller, const v1::ListPlanAmendmentsRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kPlanPattern, "parent");
  AddViolationsOf(parent.status(), &v);
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 1);
  AddViolationsOf(token.status(), &v);
  int64_t after = 0;
  if (token.ok() && !token->first_page() && (!absl::SimpleAtoi(token->Text(0), &after) || after < 1)) {
    v.Add("page_token", "is not a token this service returned");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  const std::string plan_id = (*parent)[0];

  return store::ReadValue<v1::ListPlanAmendmentsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPlanAmendmentsResponse> {
        if (auto plan = LoadPlanRef(tx, plan_id); !plan.ok()) return plan.status();
        WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
            "SELECT number, amendment_pb FROM plan_amendments WHERE plan_id = ? AND number > ? "
            "ORDER BY number LIMIT ?",
            {plan_id, after, static_cast<int64_t>(*page_size) + 1}));
        v1::ListPlanAmendmentsResponse response;
        const int shown = std::min<int>(static_cast<int>(rows.size()), *page_size);
        for (int i = 0; i < shown; ++i) {
          const store::Row& r = rows[i];
          WP_ASSIGN_OR_RETURN(auto amendment,
                              AmendmentFromBytes(r.Text(1), AmendmentName(plan_id, r.Int(0))));
          *response.add_amendments() = std::move(amendment);
        }
        if (static_cast<int>(rows.size()) > *page_size) {
          response.set_next_page_token(paging::EncodePageToken({absl::StrCat(rows[shown - 1].Int(0))}));
        }
        return response;
      });
}

}  // namespace wp::governance
