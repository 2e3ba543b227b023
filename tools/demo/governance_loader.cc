#include "tools/demo/governance_loader.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <utility>
#include <variant>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"

namespace wp::demo {
namespace {

using GovernanceStub = gv1::GovernanceService::Stub;
using PlansStub = gv1::PlansService::Stub;

// A step's error: what was being done, the code, the message and every
// field the service named.
absl::Status StepError(absl::string_view what, const absl::Status& status) {
  std::string message =
      absl::StrCat(what, ": ", absl::StatusCodeToString(status.code()), ": ", status.message());
  for (const FieldViolation& v : FieldViolationsOf(status)) {
    absl::StrAppend(&message, "; field ", v.field, ": ", v.description);
  }
  return absl::Status(status.code(), message);
}

bool AlreadyExists(const absl::Status& status) {
  return status.code() == absl::StatusCode::kAlreadyExists;
}

// Noon UTC on a meeting's day: when a step decided at it is recorded.
google::protobuf::Timestamp NoonOf(const common::v1::Date& d) {
  const absl::Time t = absl::FromCivil(absl::CivilSecond(d.year(), d.month(), d.day(), 12, 0, 0),
                                       absl::UTCTimeZone());
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

std::string StateWord(gv1::Plan::State state) {
  return absl::AsciiStrToLower(gv1::Plan::State_Name(state));
}

class Loader {
 public:
  Loader(const std::shared_ptr<grpc::Channel>& channel, std::string token)
      : governance_(gv1::GovernanceService::NewStub(channel)),
        plans_(gv1::PlansService::NewStub(channel)),
        token_(std::move(token)) {}

  absl::StatusOr<GovernanceLoadCounts> Load(const GovernanceDemo& demo) {
    for (const auto& request : demo.people) {
      if (absl::Status s = Create(governance_.get(), &GovernanceStub::CreatePerson, request,
                                  absl::StrCat("person ", request.person_id()));
          !s.ok()) {
        return s;
      }
      ++counts_.people;
    }
    for (const auto& request : demo.memberships) {
      const std::string what =
          absl::StrCat("membership of ", request.membership().person(), " on ", request.parent());
      if (absl::Status s =
              Create(governance_.get(), &GovernanceStub::CreateMembership, request, what);
          !s.ok()) {
        return s;
      }
      ++counts_.memberships;
    }
    for (const gv1::Population& population : demo.populations) {
      gv1::UpdatePopulationRequest request;
      *request.mutable_population() = population;
      request.set_allow_missing(true);
      auto updated = Call(governance_.get(), &GovernanceStub::UpdatePopulation, request,
                          absl::StrCat("population ", population.name()));
      if (!updated.ok()) return updated.status();
      ++counts_.populations;
    }
    for (const auto& request : demo.plans) {
      if (absl::Status s = Create(plans_.get(), &PlansStub::CreatePlan, request,
                                  absl::StrCat("plan ", request.plan_id()));
          !s.ok()) {
        return s;
      }
    }
    for (const GovEvent& event : demo.timeline) {
      absl::Status s = std::visit([this](const auto& e) { return Apply(e); }, event);
      if (!s.ok()) return s;
    }
    if (absl::Status s = ReadBack(demo); !s.ok()) return s;
    return counts_;
  }

 private:
  void Prepare(grpc::ClientContext* context) const {
    if (!token_.empty()) context->AddMetadata("authorization", "Bearer " + token_);
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  }

  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(Stub* stub,
                                grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                          Response*),
                                const Request& request, absl::string_view what) const {
    grpc::ClientContext context;
    Prepare(&context);
    Response response;
    grpc::Status status = (stub->*rpc)(&context, request, &response);
    if (!status.ok()) return StepError(what, FromGrpcStatus(status));
    return response;
  }

  // A create whose result is not needed: ALREADY_EXISTS means done before.
  template <typename Stub, typename Request, typename Response>
  absl::Status Create(Stub* stub,
                      grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                      const Request& request, absl::string_view what) const {
    absl::StatusOr<Response> response = Call(stub, rpc, request, what);
    if (response.ok() || AlreadyExists(response.status())) return absl::OkStatus();
    return response.status();
  }

  absl::StatusOr<std::string> MeetingOf(const GovAt& at, absl::string_view what) const {
    if (at.meeting_key.empty()) return std::string();
    auto it = meetings_.find(at.meeting_key);
    if (it == meetings_.end()) {
      return absl::InternalError(absl::StrCat(what, ": the demo data names meeting \"",
                                              at.meeting_key, "\" before it is scheduled"));
    }
    return it->second;
  }

  absl::StatusOr<std::string> DecisionOf(const GovAt& at, absl::string_view what) const {
    if (at.decision_key.empty()) return std::string();
    auto it = decisions_.find(at.decision_key);
    if (it == decisions_.end()) {
      return absl::InternalError(absl::StrCat(what, ": the demo data names decision \"",
                                              at.decision_key, "\" before it is recorded"));
    }
    return it->second;
  }

  // Fills the meeting and decision fields of a request from `at`.
  template <typename Message>
  absl::Status Place(const GovAt& at, absl::string_view what, Message* message) const {
    absl::StatusOr<std::string> meeting = MeetingOf(at, what);
    if (!meeting.ok()) return meeting.status();
    absl::StatusOr<std::string> decision = DecisionOf(at, what);
    if (!decision.ok()) return decision.status();
    message->set_meeting(*meeting);
    message->set_decision(*decision);
    return absl::OkStatus();
  }

  absl::Status Apply(const GovMeeting& m) {
    const std::string what = absl::StrCat("meeting ", m.key);
    auto meeting = Call(governance_.get(), &GovernanceStub::ScheduleMeeting, m.request,
                        absl::StrCat(what, " (schedule)"));
    if (!meeting.ok()) return meeting.status();
    meetings_[m.key] = meeting->name();
    meeting_days_[meeting->name()] = meeting->meeting_date();
    ++counts_.meetings;
    if (!m.held) {
      counts_.next_meeting = meeting->name();
      return absl::OkStatus();
    }
    // A meeting held on an earlier run stays as it was.
    if (meeting->state() == gv1::Meeting::SCHEDULED) {
      gv1::RecordMeetingHeldRequest held;
      held.set_name(meeting->name());
      *held.mutable_attendance() = m.attendance;
      auto recorded = Call(governance_.get(), &GovernanceStub::RecordMeetingHeld, held,
                           absl::StrCat(what, " (", meeting->name(), ", record as held)"));
      if (!recorded.ok()) return recorded.status();
    } else if (meeting->state() != gv1::Meeting::HELD) {
      return absl::FailedPreconditionError(absl::StrCat(
          what, ": ", meeting->name(), " is ", gv1::Meeting::State_Name(meeting->state()),
          ", not held; remove it or use a fresh data folder"));
    }
    ++counts_.meetings_held;
    for (const GovDecision& d : m.decisions) {
      gv1::RecordDecisionRequest request = d.request;
      request.set_parent(meeting->name());
      auto decision = Call(governance_.get(), &GovernanceStub::RecordDecision, request,
                           absl::StrCat("decision ", d.key));
      if (!decision.ok()) return decision.status();
      decisions_[d.key] = decision->name();
      ++counts_.decisions;
    }
    return absl::OkStatus();
  }

  template <typename Request>
  absl::Status Step(const GovPlanStep& step, absl::string_view what,
                    grpc::Status (PlansStub::*rpc)(grpc::ClientContext*, const Request&,
                                                   gv1::Plan*)) {
    Request request;
    request.set_name(step.plan);
    if (absl::Status s = Place(step.at, what, &request); !s.ok()) return s;
    if (!request.meeting().empty())
      *request.mutable_step_time() = NoonOf(meeting_days_[request.meeting()]);
    request.set_request_id(step.request_id);
    return Call(plans_.get(), rpc, request, what).status();
  }

  absl::Status Apply(const GovPlanStep& step) {
    const std::string what = absl::StrCat("plan ", step.plan, " to ", StateWord(step.to_state));
    gv1::GetPlanRequest get;
    get.set_name(step.plan);
    auto plan = Call(plans_.get(), &PlansStub::GetPlan, get, what);
    if (!plan.ok()) return plan.status();
    ++counts_.plan_steps;
    // States are numbered in lifecycle order: a plan at or past the step took it before.
    if (plan->state() >= step.to_state) return absl::OkStatus();
    switch (step.to_state) {
      case gv1::Plan::BOARD_APPROVED:
        return Step<gv1::ApprovePlanRequest>(step, what, &PlansStub::ApprovePlan);
      case gv1::Plan::COMMITTEE_ENDORSED:
        return Step<gv1::EndorsePlanRequest>(step, what, &PlansStub::EndorsePlan);
      case gv1::Plan::ACTIVE:
        return Step<gv1::ActivatePlanRequest>(step, what, &PlansStub::ActivatePlan);
      case gv1::Plan::CLOSED:
        return Step<gv1::ClosePlanRequest>(step, what, &PlansStub::ClosePlan);
      default:
        return absl::InternalError(absl::StrCat(what, ": not a lifecycle step"));
    }
  }

  absl::Status Apply(const GovAmendment& a) {
    const std::string what = absl::StrCat("amendment \"", a.request.amendment().title(), "\"");
    gv1::AmendPlanRequest request = a.request;
    if (absl::Status s = Place(a.at, what, request.mutable_amendment()); !s.ok()) return s;
    auto amendment = Call(plans_.get(), &PlansStub::AmendPlan, request, what);
    if (!amendment.ok()) return amendment.status();
    ++counts_.amendments;
    return absl::OkStatus();
  }

  absl::Status Apply(const GovSponsorship& s) {
    const std::string what =
        absl::StrCat("sponsor ", s.request.sponsorship().sponsor(), " of workstream ",
                     s.request.sponsorship().workstream_number());
    gv1::AssignSponsorRequest request = s.request;
    if (absl::Status st = Place(s.at, what, request.mutable_sponsorship()); !st.ok()) return st;
    if (absl::Status st = Create(plans_.get(), &PlansStub::AssignSponsor, request, what);
        !st.ok()) {
      return st;
    }
    ++counts_.sponsorships;
    return absl::OkStatus();
  }

  absl::Status Apply(const gv1::CreateBudgetLineRequest& request) {
    if (absl::Status s = Create(plans_.get(), &PlansStub::CreateBudgetLine, request,
                                absl::StrCat("budget line ", request.budget_line_id()));
        !s.ok()) {
      return s;
    }
    ++counts_.budget_lines;
    return absl::OkStatus();
  }

  absl::Status Apply(const gv1::RecordSpendRequest& request) {
    auto line = Call(plans_.get(), &PlansStub::RecordSpend, request,
                     absl::StrCat("spend ", request.reference(), " on ", request.name()));
    if (!line.ok()) return line.status();
    ++counts_.spends;
    return absl::OkStatus();
  }

  absl::Status Apply(const GovReallocation& r) {
    const std::string what =
        absl::StrCat("reallocation from ", r.request.reallocation().from_line());
    gv1::ReallocateBudgetRequest request = r.request;
    if (absl::Status s = Place(r.at, what, request.mutable_reallocation()); !s.ok()) return s;
    auto moved = Call(plans_.get(), &PlansStub::ReallocateBudget, request, what);
    if (!moved.ok()) return moved.status();
    ++counts_.reallocations;
    return absl::OkStatus();
  }

  absl::Status Apply(const GovAction& a) {
    const std::string what = absl::StrCat("action \"", a.request.action().description(), "\"");
    gv1::CreateActionRequest request = a.request;
    if (absl::Status s = Place(a.at, what, request.mutable_action()); !s.ok()) return s;
    auto action = Call(governance_.get(), &GovernanceStub::CreateAction, request, what);
    if (!action.ok()) return action.status();
    ++counts_.actions;
    return absl::OkStatus();
  }

  // What the service now says: the plans' states and the region's learners.
  absl::Status ReadBack(const GovernanceDemo& demo) {
    for (const auto& created : demo.plans) {
      gv1::GetPlanRequest get;
      get.set_name(absl::StrCat("plans/", created.plan_id()));
      auto plan =
          Call(plans_.get(), &PlansStub::GetPlan, get, absl::StrCat("read back ", get.name()));
      if (!plan.ok()) return plan.status();
      counts_.plan_states.push_back(absl::StrCat(
          plan->session_span(), " ", absl::StrReplaceAll(StateWord(plan->state()), {{"_", " "}})));
    }
    gv1::GetRegionPopulationRequest region;
    region.set_session(kDemoPopulationSession);
    auto totals = Call(governance_.get(), &GovernanceStub::GetRegionPopulation, region,
                       "read back the region's population");
    if (!totals.ok()) return totals.status();
    counts_.region_learners = totals->learners();
    return absl::OkStatus();
  }

  std::unique_ptr<GovernanceStub> governance_;
  std::unique_ptr<PlansStub> plans_;
  std::string token_;
  std::map<std::string, std::string> meetings_;           // meeting key -> name
  std::map<std::string, std::string> decisions_;          // decision key -> name
  std::map<std::string, common::v1::Date> meeting_days_;  // meeting name -> day
  GovernanceLoadCounts counts_;
};

// "240,000".
std::string Grouped(int64_t n) {
  std::string digits = absl::StrCat(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > (n < 0 ? 1 : 0); i -= 3)
    digits.insert(i, ",");
  return digits;
}

}  // namespace

std::string SummaryLine(const GovernanceLoadCounts& c) {
  return absl::StrCat(
      "governance: ", c.people, " people, ", c.memberships, " memberships, ",
      kDemoPopulationSession, " figures for ", c.populations, " authorities (",
      Grouped(c.region_learners), " learners), plans ", absl::StrJoin(c.plan_states, ", "), ", ",
      c.meetings, " meetings (", c.meetings_held, " held), ", c.decisions, " decisions, ",
      c.plan_steps, " plan steps, ", c.amendments, " amendment", c.amendments == 1 ? "" : "s", ", ",
      c.sponsorships, " sponsors, ", c.budget_lines, " budget lines, ", c.spends, " spends, ",
      c.reallocations, " reallocation", c.reallocations == 1 ? "" : "s", ", ", c.actions,
      " actions; next meeting ", c.next_meeting.empty() ? "-" : c.next_meeting);
}

absl::StatusOr<GovernanceLoadCounts> LoadGovernanceDemo(
    const GovernanceDemo& demo, const std::shared_ptr<grpc::Channel>& channel,
    const std::string& token) {
  Loader loader(channel, token);
  return loader.Load(demo);
}

}  // namespace wp::demo
