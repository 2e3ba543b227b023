// Plans: creating, reading, listing and editing drafts. The lifecycle steps
// are in plan_steps.cc.
#include "services/governance/plans/plans.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
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
#include "services/governance/plans/plan_content.h"
#include "services/governance/plans/plan_store.h"

namespace wp::governance {
namespace {

constexpr char kCreateMethod[] = "CreatePlan";

// Publishes plan.<verb> with the plan as stored now, and returns it.
absl::StatusOr<v1::Plan> EmitPlan(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& id, const std::string& verb,
                                  const v1::Plan* before = nullptr) {
  WP_ASSIGN_OR_RETURN(auto stored, LoadPlan(tx, id));
  if (auto seq = EmitEvent(tx, caller, "plan", verb, stored.name(), stored, {before}); !seq.ok()) {
    return seq.status();
  }
  return stored;
}

}  // namespace

absl::StatusOr<v1::Plan> Plans::CreatePlan(const server::Caller& caller,
                                           const v1::CreatePlanRequest& request) {
  const v1::Plan& plan = request.plan();
  FieldViolations v;
  if (!IsValidId(request.plan_id())) {
    v.Add("plan_id", "must be 2..63 lower-case letters, digits and hyphens, e.g. 2022-23");
  }
  if (text::IsBlank(plan.session_span())) {
    v.Add("plan.session_span", "is required");
  } else if (!IsValidSessionSpan(plan.session_span())) {
    v.Add("plan.session_span", "must be the sessions covered, e.g. 2022-23 or 2018-21");
  }
  CheckPlanContent(plan, ContentFields::All(), "plan", &v);
  CheckProjectWorkstreams(plan, ContentFields::All(), "plan", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  v1::Plan content;
  CopyContent(plan, ContentFields::All(), &content);
  content.set_session_span(plan.session_span());
  NormalizeContent(content.session_span(), &content);

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Plan>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Plan> {
    return store::CreateOnce<v1::Plan>(
        tx, {kCreateMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Plan> {
          WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kPlanPattern, "request_id"));
          return LoadPlan(tx, parts[0]);
        },
        [&]() -> absl::StatusOr<v1::Plan> {
          WP_RETURN_IF_ERROR(InsertPlan(tx, request.plan_id(), content, now));
          return EmitPlan(tx, caller, request.plan_id(), "created");
        });
  });
}

absl::StatusOr<v1::Plan> Plans::GetPlan(const server::Caller& caller, const v1::GetPlanRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kPlanPattern, "name"));
  return store::ReadValue<v1::Plan>(db_, [&](store::Transaction& tx) { return LoadPlan(tx, parts[0]); });
}

absl::StatusOr<v1::ListPlansResponse> Plans::ListPlans(const server::Caller& caller,
                                                       const v1::ListPlansRequest& request) {
  FieldViolations v;
  PlanListQuery query;
  for (int i = 0; i < request.states_size(); ++i) {
    const auto state = static_cast<v1::Plan::State>(request.states(i));
    if (state == v1::Plan::STATE_UNSPECIFIED || !v1::Plan::State_IsValid(state)) {
      v.Add(absl::StrCat("states[", i, "]"), "is not a plan state");
    }
    query.states.push_back(state);
  }
  if (!request.session().empty() && !IsValidSession(request.session())) {
    v.Add("session", "must be a school session, e.g. 2021-22");
  }
  query.session = request.session();
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 2);
  AddViolationsOf(token.status(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  query.after_first_session = token->Text(0);
  query.after_last_session = token->Text(1);
  query.limit = *page_size + 1;

  return store::ReadValue<v1::ListPlansResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPlansResponse> {
        WP_ASSIGN_OR_RETURN(auto plans, governance::ListPlans(tx, query));
        v1::ListPlansResponse response;
        response.set_next_page_token(
            paging::FillPage(plans, *page_size, response.mutable_plans(), [](const v1::Plan& last) {
              return paging::KeyOf(FirstSessionOf(last.session_span()), LastSessionOf(last.session_span()));
            }));
        return response;
      });
}

absl::StatusOr<v1::Plan> Plans::UpdatePlan(const server::Caller& caller,
                                           const v1::UpdatePlanRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.plan().name(), kPlanPattern, "plan.name"));
  const std::string id = parts[0];
  WP_ASSIGN_OR_RETURN(auto fields, ParseContentMask(request.update_mask(), "update_mask", /*allow_projects=*/true,
                                 /*empty_means_all=*/true));
  FieldViolations v;
  CheckPlanContent(request.plan(), fields, "plan", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Plan>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Plan> {
    v1::Plan before;  // for the audit record's changes
    return store::UpdateWithEtag<v1::Plan>(
        request.plan().etag(),
        [&]() -> absl::StatusOr<v1::Plan> {
          WP_ASSIGN_OR_RETURN(before, LoadPlan(tx, id));
          return before;
        },
        [&](v1::Plan& next) -> absl::Status {
          if (next.state() != v1::Plan::DRAFT) {
            return absl::FailedPreconditionError(
                absl::StrCat(next.name(), " is ", v1::Plan::State_Name(next.state()),
                             ": only a DRAFT plan is edited; once approved it changes through AmendPlan"));
          }
          CopyContent(request.plan(), fields, &next);
          FieldViolations cross;
          CheckProjectWorkstreams(next, fields, "plan", &cross);
          WP_RETURN_IF_ERROR(cross.ToStatus());
          NormalizeContent(next.session_span(), &next);
          return absl::OkStatus();
        },
        [&](const v1::Plan& next, int64_t version) -> absl::StatusOr<v1::Plan> {
          WP_RETURN_IF_ERROR(SavePlan(tx, id, next, version, now));
          return EmitPlan(tx, caller, id, "updated", &before);
        },
        // A plan update always records and publishes, even when nothing
        // changed (as before this used the helper).
        store::kAlwaysSave);
  });
}

}  // namespace wp::governance
