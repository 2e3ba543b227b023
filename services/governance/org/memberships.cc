#include "services/governance/org/memberships.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
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
#include "services/governance/core/references.h"
#include "services/governance/org/membership_store.h"
#include "services/governance/org/org_checks.h"

namespace wp::governance {
namespace {

constexpr char kCreateMethod[] = "CreateMembership";

const std::vector<std::string>& MembershipPaths() {
  static const auto* paths =
      new std::vector<std::string>{"role", "role_title", "authority", "advisory", "start_date", "end_date"};
  return *paths;
}

bool IsDay(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) && calendar::Validate(date, "", /*allow_month_only=*/false).ok();
}

// Each masked field of `m` on its own.
void CheckFields(const v1::Membership& m, const std::set<std::string>& paths, FieldViolations* v) {
  if (paths.count("role") > 0) {
    if (m.role() == v1::Membership::ROLE_UNSPECIFIED) {
      v->Add("membership.role", "is required");
    } else if (!v1::Membership::Role_IsValid(m.role())) {
      v->Add("membership.role", "is not a membership role");
    }
  }
  if (paths.count("role_title") > 0) CheckOptionalLine(m.role_title(), "membership.role_title", v);
  if (paths.count("authority") > 0) CheckOptionalAuthority(m.authority(), "membership.authority", v);
  if (paths.count("start_date") > 0) CheckRequiredDay(m.start_date(), "membership.start_date", v);
  if (paths.count("end_date") > 0) CheckOptionalDay(m.end_date(), "membership.end_date", v);
}

// The rules between fields, on the membership as it would be stored.
void CheckRules(const v1::Membership& m, FieldViolations* v) {
  if (m.role() == v1::Membership::OTHER && text::IsBlank(m.role_title())) {
    v->Add("membership.role_title", "is required for role OTHER: say what the seat is");
  }
  if (IsDay(m.start_date()) && IsDay(m.end_date()) && DayText(m.end_date()) < DayText(m.start_date())) {
    v->Add("membership.end_date", "must not be before start_date");
  }
}

bool SameSeat(const v1::Membership& a, const v1::Membership& b) {
  return a.role() == b.role() && a.role_title() == b.role_title() && a.authority() == b.authority() &&
         a.advisory() == b.advisory() && DayText(a.start_date()) == DayText(b.start_date()) &&
         DayText(a.end_date()) == DayText(b.end_date());
}

std::string SpanText(const MembershipSpan& span) {
  return absl::StrCat(span.start_day, " to ", span.end_day.empty() ? "(continuing)" : span.end_day);
}

// FAILED_PRECONDITION naming the membership `m` (held by `person_id`) would
// clash with: another of the person's on the body, or another chair.
absl::Status CheckNoClash(store::Transaction& tx, const std::string& body_id, int64_t number,
                          const std::string& person_id, const v1::Membership& m) {
  const MembershipSpan span{DayText(m.start_date()), DayText(m.end_date())};
  auto own = OverlappingOfPerson(tx, body_id, number, person_id, span);
  if (!own.ok()) return own.status();
  if (own->has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        PersonName(person_id), " already holds ", MembershipName(body_id, **own), " on days of ", SpanText(span),
        "; a person holds at most one membership of a body on any day"));
  }
  if (m.role() != v1::Membership::CHAIR) return absl::OkStatus();
  auto chair = OverlappingChair(tx, body_id, number, span);
  if (!chair.ok()) return chair.status();
  if (chair->has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        MembershipName(body_id, **chair), " is the chair of ", BodyName(body_id), " on days of ", SpanText(span),
        "; a body has at most one chair on any day"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Membership> Memberships::CreateMembership(const server::Caller& caller,
                                                             const v1::CreateMembershipRequest& request) {
  const v1::Membership& m = request.membership();
  FieldViolations v;
  auto parent = ParseName(request.parent(), kBodyPattern, "parent");
  AddViolationsOf(parent.status(), &v);
  if (m.person().empty()) {
    v.Add("membership.person", "is required");
  } else {
    AddViolationsOf(ParseName(m.person(), kPersonPattern, "membership.person").status(), &v);
  }
  const std::set<std::string> all(MembershipPaths().begin(), MembershipPaths().end());
  CheckFields(m, all, &v);
  CheckRules(m, &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Membership>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Membership> {
    return store::CreateOnce<v1::Membership>(
        tx, {kCreateMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Membership> {
          WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kMembershipPattern, "request_id"));
          return LoadMembership(tx, parts[0], NumberPart(parts[1]));
        },
        [&]() -> absl::StatusOr<v1::Membership> {
          WP_ASSIGN_OR_RETURN(auto body, ResolveBody(tx, request.parent(), "parent"));
          WP_ASSIGN_OR_RETURN(auto person, ResolvePerson(tx, m.person(), "membership.person"));
          WP_RETURN_IF_ERROR(CheckNoClash(tx, body.id, 0, person.id, m));
          WP_ASSIGN_OR_RETURN(auto number, NextMembershipNumber(tx, body.id));
          WP_RETURN_IF_ERROR(InsertMembership(tx, body.id, number, person.id, m, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadMembership(tx, body.id, number));
          if (auto seq = EmitEvent(tx, caller, "membership", "created", stored.name(), stored,
                                   {nullptr, {stored.person()}}); !seq.ok()) {
            return seq.status();
          }
          return stored;
        });
  });
}

absl::StatusOr<v1::Membership> Memberships::GetMembership(const server::Caller& /*caller*/,
                                                          const v1::GetMembershipRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kMembershipPattern, "name"));
  return store::ReadValue<v1::Membership>(db_, [&](store::Transaction& tx) {
    return LoadMembership(tx, parts[0], NumberPart(parts[1]));
  });
}

absl::StatusOr<v1::ListMembershipsResponse> Memberships::ListMemberships(
    const server::Caller& /*caller*/, const v1::ListMembershipsRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kBodyPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v);
  MembershipFilter filter;
  if (!request.person().empty()) {
    auto person = ParseName(request.person(), kPersonPattern, "person");
    AddViolationsOf(person.status(), &v);
    if (person.ok()) filter.person_id = (*person)[0];
  }
  CheckOptionalDay(request.active_on(), "active_on", &v);
  if (!v1::Membership::Role_IsValid(request.role())) v.Add("role", "is not a membership role");
  CheckOptionalAuthority(request.authority(), "authority", &v);
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 3);
  AddViolationsOf(token.status(), &v);
  MembershipKey after;
  if (token.ok() && !token->first_page()) {
    after.body_id = token->Text(0);
    after.start_day = token->Text(1);
    if (!absl::SimpleAtoi(token->Text(2), &after.number)) v.Add("page_token", "is not a token of this list");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!page_size.ok()) return page_size.status();

  filter.body_id = (*parent)[0] == kWildcard ? "" : (*parent)[0];
  filter.active_on = DayText(request.active_on());
  filter.role = request.role();
  filter.authority = request.authority();
  return store::ReadValue<v1::ListMembershipsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListMembershipsResponse> {
        if (!filter.body_id.empty()) {
          if (auto body = ResolveBody(tx, request.parent(), "parent"); !body.ok()) return body.status();
        }
        WP_ASSIGN_OR_RETURN(auto rows, ListMembershipRows(tx, filter, after, *page_size + 1));
        v1::ListMembershipsResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, *page_size, response.mutable_memberships(), [](const v1::Membership& last) {
              // bodies/{body}/memberships/{number}
              const std::vector<std::string> parts = absl::StrSplit(last.name(), '/');
              return paging::KeyOf(parts[1], DayText(last.start_date()), parts[3]);
            }));
        return response;
      });
}

absl::StatusOr<v1::Membership> Memberships::UpdateMembership(const server::Caller& caller,
                                                             const v1::UpdateMembershipRequest& request) {
  const v1::Membership& in = request.membership();
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(in.name(), kMembershipPattern, "membership.name"));
  const std::string body_id = parts[0];
  const int64_t number = NumberPart(parts[1]);
  WP_ASSIGN_OR_RETURN(auto paths, MaskPaths(request.update_mask(), MembershipPaths()));
  FieldViolations v;
  CheckFields(in, paths, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Membership>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Membership> {
    WP_ASSIGN_OR_RETURN(auto current, LoadMembership(tx, body_id, number));
    return store::UpdateWithEtag<v1::Membership>(
        in.etag(), [&] { return current; },
        [&](v1::Membership& next) {
          if (paths.count("role") > 0) next.set_role(in.role());
          if (paths.count("role_title") > 0) next.set_role_title(in.role_title());
          if (paths.count("authority") > 0) next.set_authority(in.authority());
          if (paths.count("advisory") > 0) next.set_advisory(in.advisory());
          if (paths.count("start_date") > 0) *next.mutable_start_date() = in.start_date();
          if (paths.count("end_date") > 0) {
            if (calendar::IsSet(in.end_date())) {
              *next.mutable_end_date() = in.end_date();
            } else {
              next.clear_end_date();  // the membership continues
            }
          }
          FieldViolations rules;
          CheckRules(next, &rules);
          return rules.ToStatus();
        },
        [&](const v1::Membership& next, int64_t version) -> absl::StatusOr<v1::Membership> {
          WP_ASSIGN_OR_RETURN(auto person, ParseName(current.person(), kPersonPattern, "membership.person"));
          WP_RETURN_IF_ERROR(CheckNoClash(tx, body_id, number, person[0], next));
          WP_RETURN_IF_ERROR(SaveMembership(tx, body_id, number, next, version, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadMembership(tx, body_id, number));
          if (auto seq = EmitEvent(tx, caller, "membership", "updated", stored.name(), stored,
                                   {nullptr, {stored.person()}}); !seq.ok()) {
            return seq.status();
          }
          return stored;
        },
        SameSeat);
  });
}

}  // namespace wp::governance
