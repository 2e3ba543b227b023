#include "services/governance/org/bodies.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
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
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/quorum.h"
#include "services/governance/org/body_store.h"
#include "services/governance/org/org_checks.h"

namespace wp::governance {
namespace {

constexpr char kCreateMethod[] = "CreateBody";

const std::vector<std::string>& BodyPaths() {
  static const auto* paths = new std::vector<std::string>{"title", "description", "cadence", "quorum_rule"};
  return *paths;
}

// The quorum rule of `body`, required; ValidateQuorumRule's fields under "body.".
void CheckQuorumRule(const v1::Body& body, FieldViolations* v) {
  if (!body.has_quorum_rule()) {
    v->Add("body.quorum_rule", "is required");
    return;
  }
  const QuorumRule rule{body.quorum_rule().minimum_members(), body.quorum_rule().chair_required()};
  for (const FieldViolation& f : FieldViolationsOf(ValidateQuorumRule(rule))) {
    v->Add("body." + f.field, f.description);
  }
}

bool SameBody(const v1::Body& a, const v1::Body& b) {
  return a.title() == b.title() && a.description() == b.description() && a.cadence() == b.cadence() &&
         a.quorum_rule().minimum_members() == b.quorum_rule().minimum_members() &&
         a.quorum_rule().chair_required() == b.quorum_rule().chair_required();
}

}  // namespace

absl::StatusOr<v1::Body> Bodies::CreateBody(const server::Caller& caller, const v1::CreateBodyRequest& request) {
  FieldViolations v;
  if (!IsValidId(request.body_id())) {
    v.Add("body_id", "must be 2..63 lower-case letters, digits and hyphens, not starting or ending with one");
  }
  v1::Body body = request.body();
  if (body.kind() != v1::Body::KIND_UNSPECIFIED && body.kind() != v1::Body::OTHER) {
    v.Add("body.kind", "bodies created here are OTHER; the four standing bodies already exist");
  }
  CheckRequiredLine(body.title(), "body.title", &v);
  CheckOptionalText(body.description(), "body.description", &v);
  CheckOptionalLine(body.cadence(), "body.cadence", &v);
  CheckQuorumRule(body, &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  body.set_kind(v1::Body::OTHER);

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Body>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Body> {
    return store::CreateOnce<v1::Body>(
        tx, {kCreateMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Body> {
          WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kBodyPattern, "request_id"));
          return LoadBody(tx, parts[0], today);
        },
        [&]() -> absl::StatusOr<v1::Body> {
          WP_RETURN_IF_ERROR(InsertBody(tx, request.body_id(), body, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadBody(tx, request.body_id(), today));
          if (auto seq = EmitEvent(tx, caller, "body", "created", stored.name(), stored); !seq.ok()) {
            return seq.status();
          }
          return stored;
        });
  });
}

absl::StatusOr<v1::Body> Bodies::GetBody(const server::Caller& /*caller*/, const v1::GetBodyRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kBodyPattern, "name"));
  const std::string today = TodayText();
  return store::ReadValue<v1::Body>(db_,
                                    [&](store::Transaction& tx) { return LoadBody(tx, parts[0], today); });
}

absl::StatusOr<v1::ListBodiesResponse> Bodies::ListBodies(const server::Caller& /*caller*/,
                                                          const v1::ListBodiesRequest& request) {
  FieldViolations v;
  if (!v1::Body::Kind_IsValid(request.kind())) v.Add("kind", "is not a body kind");
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 3);
  AddViolationsOf(token.status(), &v);
  BodyKey after;
  if (token.ok() && !token->first_page()) {
    after.title = token->Text(1);
    after.id = token->Text(2);
    if (!absl::SimpleAtoi(token->Text(0), &after.kind)) v.Add("page_token", "is not a token of this list");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!page_size.ok()) return page_size.status();

  const std::string today = TodayText();
  return store::ReadValue<v1::ListBodiesResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListBodiesResponse> {
        WP_ASSIGN_OR_RETURN(auto rows, ListBodyRows(tx, request.kind(), after, *page_size + 1, today));
        v1::ListBodiesResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, *page_size, response.mutable_bodies(), [](const v1::Body& last) {
              return paging::KeyOf(static_cast<int>(last.kind()), last.title(),
                                   last.name().substr(sizeof("bodies/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::Body> Bodies::UpdateBody(const server::Caller& caller, const v1::UpdateBodyRequest& request) {
  const v1::Body& in = request.body();
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(in.name(), kBodyPattern, "body.name"));
  const std::string id = parts[0];
  WP_ASSIGN_OR_RETURN(auto paths, MaskPaths(request.update_mask(), BodyPaths()));
  FieldViolations v;
  if (paths.count("title") > 0) {
    CheckRequiredLine(in.title(), "body.title", &v);
  }
  if (paths.count("description") > 0) CheckOptionalText(in.description(), "body.description", &v);
  if (paths.count("cadence") > 0) CheckOptionalLine(in.cadence(), "body.cadence", &v);
  if (paths.count("quorum_rule") > 0) CheckQuorumRule(in, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Body>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Body> {
    return store::UpdateWithEtag<v1::Body>(
        in.etag(), [&] { return LoadBody(tx, id, today); },
        [&](v1::Body& next) {
          if (paths.count("title") > 0) next.set_title(in.title());
          if (paths.count("description") > 0) next.set_description(in.description());
          if (paths.count("cadence") > 0) next.set_cadence(in.cadence());
          if (paths.count("quorum_rule") > 0) *next.mutable_quorum_rule() = in.quorum_rule();
          return absl::OkStatus();
        },
        [&](const v1::Body& next, int64_t version) -> absl::StatusOr<v1::Body> {
          WP_RETURN_IF_ERROR(SaveBody(tx, id, next, version, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadBody(tx, id, today));
          if (auto seq = EmitEvent(tx, caller, "body", "updated", stored.name(), stored); !seq.ok()) {
            return seq.status();
          }
          return stored;
        },
        SameBody);
  });
}

}  // namespace wp::governance
