#include "services/governance/org/bodies.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
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
  CheckNoControlCharacters(body.title(), "body.title", &v);
  CheckOptionalText(body.description(), "body.description", &v);
  CheckOptionalLine(body.cadence(), "body.cadence", &v);
  CheckQuorumRule(body, &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  body.set_kind(v1::Body::OTHER);

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Body>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Body> {
    if (!request.request_id().empty()) {
      auto earlier = store::FindRequest(tx, kCreateMethod, request.request_id());
      if (!earlier.ok()) return earlier.status();
      if (earlier->has_value()) {
        WP_ASSIGN_OR_RETURN(auto parts, ParseName(**earlier, kBodyPattern, "request_id"));
        return LoadBody(tx, parts[0], today);
      }
    }
    WP_RETURN_IF_ERROR(InsertBody(tx, request.body_id(), body, now));
    WP_ASSIGN_OR_RETURN(auto stored, LoadBody(tx, request.body_id(), today));
    if (auto seq = EmitEvent(tx, caller, "body", "created", stored.name(), stored); !seq.ok()) {
      return seq.status();
    }
    WP_RETURN_IF_ERROR(store::RecordRequest(tx, kCreateMethod, request.request_id(), stored.name(), now));
    return stored;
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
  auto token = paging::DecodePageToken(request.page_token(), 3);
  AddViolationsOf(token.status(), &v);
  BodyKey after;
  if (token.ok() && !token->empty()) {
    after.title = (*token)[1];
    after.id = (*token)[2];
    if (!absl::SimpleAtoi((*token)[0], &after.kind)) v.Add("page_token", "is not a token of this list");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!page_size.ok()) return page_size.status();

  const std::string today = TodayText();
  v1::ListBodiesResponse response;
  absl::Status s = db_.Read([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(auto rows, ListBodyRows(tx, request.kind(), after, *page_size + 1, today));
    const int shown = paging::PageCount(rows, *page_size);
    for (int i = 0; i < shown; ++i) *response.add_bodies() = rows[i];
    if (static_cast<int>(rows.size()) > shown) {
      const v1::Body& last = response.bodies(shown - 1);
      response.set_next_page_token(paging::EncodePageToken(
          {absl::StrCat(static_cast<int>(last.kind())), last.title(), last.name().substr(sizeof("bodies/") - 1)}));
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return response;
}

absl::StatusOr<v1::Body> Bodies::UpdateBody(const server::Caller& caller, const v1::UpdateBodyRequest& request) {
  const v1::Body& in = request.body();
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(in.name(), kBodyPattern, "body.name"));
  const std::string id = parts[0];
  WP_ASSIGN_OR_RETURN(auto paths, MaskPaths(request.update_mask(), BodyPaths()));
  FieldViolations v;
  if (paths.count("title") > 0) {
    CheckRequiredLine(in.title(), "body.title", &v);
    CheckNoControlCharacters(in.title(), "body.title", &v);
  }
  if (paths.count("description") > 0) CheckOptionalText(in.description(), "body.description", &v);
  if (paths.count("cadence") > 0) CheckOptionalLine(in.cadence(), "body.cadence", &v);
  if (paths.count("quorum_rule") > 0) CheckQuorumRule(in, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Body>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Body> {
    WP_ASSIGN_OR_RETURN(auto current, LoadBody(tx, id, today));
    const int64_t version = store::VersionOf(current.etag());
    WP_RETURN_IF_ERROR(store::CheckEtag(in.etag(), version, current.name()));
    v1::Body next = current;
    if (paths.count("title") > 0) next.set_title(in.title());
    if (paths.count("description") > 0) next.set_description(in.description());
    if (paths.count("cadence") > 0) next.set_cadence(in.cadence());
    if (paths.count("quorum_rule") > 0) *next.mutable_quorum_rule() = in.quorum_rule();
    if (SameBody(next, current)) return current;  // nothing to record, nothing to publish
    WP_RETURN_IF_ERROR(SaveBody(tx, id, next, version, now));
    WP_ASSIGN_OR_RETURN(auto stored, LoadBody(tx, id, today));
    if (auto seq = EmitEvent(tx, caller, "body", "updated", stored.name(), stored); !seq.ok()) {
      return seq.status();
    }
    return stored;
  });
}

}  // namespace wp::governance
