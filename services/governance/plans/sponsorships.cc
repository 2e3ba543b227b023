#include "services/governance/plans/sponsorships.h"

#include <algorithm>
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
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"
#include "services/governance/plans/decided_at.h"
#include "services/governance/plans/plan_content.h"
#include "services/governance/plans/sponsorship_store.h"

namespace wp::governance {
namespace {

constexpr char kAssignMethod[] = "AssignSponsor";

// The body of kind BOARD (seeded as bodies/board).
absl::StatusOr<BodyRef> TheBoard(store::Transaction& tx) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, title FROM bodies WHERE kind = ? ORDER BY id LIMIT 1",
                       {static_cast<int64_t>(v1::Body::BOARD)}));
  if (rows.empty()) return absl::FailedPreconditionError("there is no body of kind BOARD");
  return BodyRef{rows.front().Text(0), v1::Body::BOARD, rows.front().Text(1)};
}

// The membership that qualifies `person` to sponsor on `day`:
// FAILED_PRECONDITION unless it is a Board membership that is not advisory.
absl::StatusOr<MembershipRef> QualifyingMembership(store::Transaction& tx, const PersonRef& person,
                                                   const std::string& day) {
  WP_ASSIGN_OR_RETURN(auto board, TheBoard(tx));
  auto membership = MembershipOn(tx, board.id, person.id, day);
  if (!membership.ok()) return membership.status();
  if (!membership->has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat(PersonName(person.id), " (", person.display_name, ") is not a member of the ",
                     board.title, " on ", day, "; a sponsor must be a Board member"));
  }
  if ((*membership)->advisory) {
    return absl::FailedPreconditionError(
        absl::StrCat(PersonName(person.id), " (", person.display_name, ") holds an advisory membership of the ",
                     board.title, " on ", day, " (", (*membership)->name,
                     "); a sponsor must be a member who is not advisory"));
  }
  return **membership;
}

}  // namespace

absl::StatusOr<v1::Sponsorship> Sponsorships::AssignSponsor(const server::Caller& caller,
                                                            const v1::AssignSponsorRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parent, ParseName(request.parent(), kPlanPattern, "parent"));
  const std::string plan_id = parent[0];
  const v1::Sponsorship& in = request.sponsorship();
  FieldViolations v;
  if (in.workstream_number() == 0) {
    v.Add("sponsorship.workstream_number", "is required");
  } else if (in.workstream_number() < kMinWorkstreamNumber || in.workstream_number() > kMaxWorkstreamNumber) {
    v.Add("sponsorship.workstream_number",
          absl::StrCat("must be ", kMinWorkstreamNumber, "..", kMaxWorkstreamNumber));
  }
  if (in.sponsor().empty()) {
    v.Add("sponsorship.sponsor", "is required");
  } else {
    AddViolationsOf(ParseName(in.sponsor(), kPersonPattern, "sponsorship.sponsor").status(), &v);
  }
  CheckOptionalDay(in.start_date(), "sponsorship.start_date", &v);
  CheckDecidedAt(in.meeting(), in.decision(), {"sponsorship.meeting", "sponsorship.decision"},
                 /*meeting_required=*/false, &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Sponsorship>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Sponsorship> {
        return store::CreateOnce<v1::Sponsorship>(
            tx, {kAssignMethod, request.request_id(), now},
            [&](const std::string& made) -> absl::StatusOr<v1::Sponsorship> {
              WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kSponsorshipPattern, "request_id"));
              return LoadSponsorship(tx, parts[0], NumberPart(parts[1]));
            },
            [&]() -> absl::StatusOr<v1::Sponsorship> {
              WP_ASSIGN_OR_RETURN(auto plan, LoadPlanRef(tx, plan_id));
              if (plan.state == v1::Plan::CLOSED) {
                return absl::FailedPreconditionError(
                    absl::StrCat(plan.name, " is CLOSED: its workstreams take no new sponsors"));
              }
              if (plan.workstreams.count(in.workstream_number()) == 0) {
                return InvalidField("sponsorship.workstream_number",
                                    absl::StrCat(plan.name, " has no workstream ", in.workstream_number()));
              }
              WP_ASSIGN_OR_RETURN(auto person, ResolvePerson(tx, in.sponsor(), "sponsorship.sponsor"));
              const std::string start_day = calendar::IsSet(in.start_date()) ? DayText(in.start_date()) : TodayText();
              WP_ASSIGN_OR_RETURN(auto membership, QualifyingMembership(tx, person, start_day));
              auto overlapping = SponsorshipOverlapping(tx, plan_id, in.workstream_number(), person.id, start_day);
              if (!overlapping.ok()) return overlapping.status();
              if (overlapping->has_value()) {
                return absl::AlreadyExistsError(absl::StrCat(in.sponsor(), " already sponsors workstream ",
                                                             in.workstream_number(), " of ", plan.name, " (",
                                                             **overlapping, ")"));
              }
              auto meeting = ResolveDecidedAt(tx, in.meeting(), in.decision(),
                                              {"sponsorship.meeting", "sponsorship.decision"},
                                              v1::Body::KIND_UNSPECIFIED);
              if (!meeting.ok()) return meeting.status();

              WP_ASSIGN_OR_RETURN(auto number, InsertSponsorship(tx,
                                              NewSponsorship{plan_id, in.workstream_number(), person.id,
                                                             membership.name, start_day, in.meeting(), in.decision()},
                                              now));
              WP_ASSIGN_OR_RETURN(auto stored, LoadSponsorship(tx, plan_id, number));
              v1::SponsorAssigned event;
              *event.mutable_sponsorship() = stored;
              event.set_session_span(plan.session_span);
              if (auto seq = EmitEvent(tx, caller, "sponsor", "assigned", stored.name(), event,
                                       {nullptr, {stored.sponsor(), stored.workstream()}}); !seq.ok()) {
                return seq.status();
              }
              return stored;
            });
      });
}

absl::StatusOr<v1::Sponsorship> Sponsorships::GetSponsorship(const server::Caller& caller,
                                                             const v1::GetSponsorshipRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kSponsorshipPattern, "name"));
  return store::ReadValue<v1::Sponsorship>(db_, [&](store::Transaction& tx) {
    return LoadSponsorship(tx, parts[0], NumberPart(parts[1]));
  });
}

absl::StatusOr<v1::ListSponsorshipsResponse> Sponsorships::ListSponsorships(
    const server::Caller& caller, const v1::ListSponsorshipsRequest& request) {
  FieldViolations v;
  SponsorshipListQuery query;
  auto parent = ParseName(request.parent(), kPlanPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v);
  if (parent.ok() && (*parent)[0] != kWildcard) query.plan_id = (*parent)[0];
  if (request.workstream_number() < 0 || request.workstream_number() > kMaxWorkstreamNumber) {
    v.Add("workstream_number", absl::StrCat("must be ", kMinWorkstreamNumber, "..", kMaxWorkstreamNumber,
                                            ", or 0 for every workstream"));
  }
  query.workstream_number = request.workstream_number();
  if (!request.sponsor().empty()) {
    auto person = ParseName(request.sponsor(), kPersonPattern, "sponsor");
    AddViolationsOf(person.status(), &v);
    if (person.ok()) query.person_id = (*person)[0];
  }
  CheckOptionalDay(request.active_on(), "active_on", &v);
  query.active_on = DayText(request.active_on());
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 4);
  AddViolationsOf(token.status(), &v);
  if (token.ok() && !token->first_page()) {
    query.after_plan_id = token->Text(0);
    query.after_start_day = token->Text(2);
    if (query.after_plan_id.empty() || !absl::SimpleAtoi(token->Text(1), &query.after_workstream_number) ||
        !absl::SimpleAtoi(token->Text(3), &query.after_number)) {
      v.Add("page_token", "is not a token this service returned");
    }
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  query.limit = *page_size + 1;

  return store::ReadValue<v1::ListSponsorshipsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListSponsorshipsResponse> {
        if (!query.plan_id.empty()) {
          if (auto plan = LoadPlanRef(tx, query.plan_id); !plan.ok()) return plan.status();
        }
        WP_ASSIGN_OR_RETURN(auto list, governance::ListSponsorships(tx, query));
        v1::ListSponsorshipsResponse response;
        response.set_next_page_token(
            paging::FillPage(list, *page_size, response.mutable_sponsorships(), [](const v1::Sponsorship& last) {
              // plans/{plan}/sponsorships/{number}
              const std::vector<std::string> parts = absl::StrSplit(last.name(), '/');
              return paging::KeyOf(parts[1], last.workstream_number(), DayText(last.start_date()), parts[3]);
            }));
        return response;
      });
}

absl::StatusOr<v1::Sponsorship> Sponsorships::EndSponsorship(const server::Caller& caller,
                                                             const v1::EndSponsorshipRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kSponsorshipPattern, "name"));
  const std::string plan_id = parts[0];
  const int64_t number = NumberPart(parts[1]);
  FieldViolations v;
  CheckOptionalDay(request.end_date(), "end_date", &v);
  CheckRequiredLine(request.reason(), "reason", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Sponsorship>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Sponsorship> {
        std::string end_day;
        return store::UpdateWithEtag<v1::Sponsorship>(
            request.etag(), [&] { return LoadSponsorship(tx, plan_id, number); },
            [&](v1::Sponsorship& current) -> absl::Status {
              if (calendar::IsSet(current.end_date())) {
                return absl::FailedPreconditionError(
                    absl::StrCat(current.name(), " ended on ", DayText(current.end_date()), " (",
                                 current.end_reason(), ")"));
              }
              const bool given = calendar::IsSet(request.end_date());
              end_day = given ? DayText(request.end_date()) : TodayText();
              const std::string start_day = DayText(current.start_date());
              if (end_day < start_day) {
                return InvalidField("end_date", absl::StrCat(given ? end_day : "today (" + end_day + ")",
                                                             " is before the start date ", start_day));
              }
              return absl::OkStatus();
            },
            [&](const v1::Sponsorship&, int64_t version) -> absl::StatusOr<v1::Sponsorship> {
              WP_RETURN_IF_ERROR(EndSponsorshipRow(tx, plan_id, number, end_day, request.reason(), version, now));
              WP_ASSIGN_OR_RETURN(auto stored, LoadSponsorship(tx, plan_id, number));
              WP_ASSIGN_OR_RETURN(auto plan, LoadPlanRef(tx, plan_id));
              v1::SponsorEnded event;
              *event.mutable_sponsorship() = stored;
              event.set_session_span(plan.session_span);
              if (auto seq = EmitEvent(tx, caller, "sponsor", "ended", stored.name(), event,
                                       {nullptr, {stored.sponsor(), stored.workstream()}}); !seq.ok()) {
                return seq.status();
              }
              return stored;
            },
            // The row is written from the end day and reason, not from the
            // copy, so the copy never tells a change from none: always save.
            store::kAlwaysSave);
      });
}

}  // namespace wp::governance
