#include "tools/wpctl/governance_requests.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

constexpr int kMaxCount = std::numeric_limits<int32_t>::max();

// The first positional word, or "" when the optional operand was left out.
std::string OptionalOperand(const Args& args) {
  return args.positional.empty() ? std::string() : args.positional.front();
}

// A required count option such as --learners.
absl::StatusOr<int> CountOption(const Args& args, absl::string_view name) {
  absl::StatusOr<std::string> text = args.Required(name);
  if (!text.ok()) return text.status();
  absl::StatusOr<std::optional<int>> value = IntOption(args, name, 0, kMaxCount);
  if (!value.ok()) return value.status();
  return **value;
}

// A required amount that must be more than nothing (spends and moves).
absl::StatusOr<int64_t> PositiveAmount(const Args& args, absl::string_view name) {
  absl::StatusOr<std::string> text = args.Required(name);
  if (!text.ok()) return text.status();
  absl::StatusOr<std::optional<int64_t>> pence = AmountOption(args, name);
  if (!pence.ok()) return pence.status();
  if (**pence <= 0) return UsageError(absl::StrCat("--", name, " must be more than £0.00"));
  return **pence;
}

absl::StatusOr<std::string> OptionalSession(const Args& args, absl::string_view name) {
  if (!args.Has(name)) return std::string();
  return SessionArg(args.Get(name), absl::StrCat("--", name));
}

}  // namespace

absl::StatusOr<gov::GetPopulationRequest> PopulationGetRequest(const Args& args) {
  absl::StatusOr<std::string> code = AuthorityCode(args.positional.at(0));
  if (!code.ok()) return code.status();
  absl::StatusOr<std::string> session = SessionArg(args.positional.at(1), "SESSION");
  if (!session.ok()) return session.status();
  gov::GetPopulationRequest request;
  request.set_name(absl::StrCat("authorities/", *code, "/populations/", *session));
  return request;
}

absl::StatusOr<std::vector<gov::QuintileCount>> ParseQuintiles(absl::string_view text) {
  std::vector<gov::QuintileCount> counts;
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    std::vector<absl::string_view> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    int quintile = 0, establishments = 0;
    if (kv.size() != 2 || !absl::SimpleAtoi(absl::StripAsciiWhitespace(kv[0]), &quintile) || quintile < 1 ||
        quintile > 5 || !absl::SimpleAtoi(absl::StripAsciiWhitespace(kv[1]), &establishments) ||
        establishments < 0 || establishments > kMaxCount) {
      return UsageError(absl::StrCat("--quintiles: \"", absl::StripAsciiWhitespace(item),
                                     "\" is not QUINTILE=ESTABLISHMENTS with a quintile 1 (most deprived) to 5; "
                                     "e.g. --quintiles 1=34,2=20,3=15,4=10,5=8"));
    }
    for (const gov::QuintileCount& seen : counts) {
      if (seen.quintile() == quintile) {
        return UsageError(absl::StrCat("--quintiles: quintile ", quintile, " is given twice"));
      }
    }
    gov::QuintileCount& count = counts.emplace_back();
    count.set_quintile(quintile);
    count.set_establishments(establishments);
  }
  std::sort(counts.begin(), counts.end(), [](const gov::QuintileCount& a, const gov::QuintileCount& b) {
    return a.quintile() < b.quintile();
  });
  return counts;
}

absl::StatusOr<gov::UpdatePopulationRequest> PopulationSetRequest(const Args& args) {
  absl::StatusOr<gov::GetPopulationRequest> target = PopulationGetRequest(args);
  if (!target.ok()) return target.status();
  absl::StatusOr<int> learners = CountOption(args, "learners");
  if (!learners.ok()) return learners.status();
  absl::StatusOr<int> teachers = CountOption(args, "teachers");
  if (!teachers.ok()) return teachers.status();
  absl::StatusOr<int> establishments = CountOption(args, "establishments");
  if (!establishments.ok()) return establishments.status();

  gov::UpdatePopulationRequest request;
  gov::Population* population = request.mutable_population();
  population->set_name(target->name());
  population->set_learners(*learners);
  population->set_teachers_and_practitioners(*teachers);
  population->set_establishments(*establishments);
  // Named paths only: an empty mask would also clear the quintiles and source.
  for (const char* path : {"learners", "teachers_and_practitioners", "establishments"}) {
    request.mutable_update_mask()->add_paths(path);
  }
  if (args.Has("source")) {
    population->set_source(args.Get("source"));
    request.mutable_update_mask()->add_paths("source");
  }
  if (args.Has("quintiles")) {
    absl::StatusOr<std::vector<gov::QuintileCount>> quintiles = ParseQuintiles(args.Get("quintiles"));
    if (!quintiles.ok()) return quintiles.status();
    for (const gov::QuintileCount& q : *quintiles) *population->add_establishments_by_quintile() = q;
    request.mutable_update_mask()->add_paths("establishments_by_quintile");
  }
  request.set_allow_missing(true);
  return request;
}

absl::StatusOr<gov::GetRegionPopulationRequest> RegionPopulationRequest(const Args& args) {
  absl::StatusOr<std::string> session = SessionArg(args.positional.at(0), "SESSION");
  if (!session.ok()) return session.status();
  gov::GetRegionPopulationRequest request;
  request.set_session(*session);
  return request;
}

absl::StatusOr<gov::ListPeopleRequest> PeopleListRequest(const Args& args) {
  gov::ListPeopleRequest request;
  if (args.Has("authority")) {
    absl::StatusOr<std::string> code = AuthorityCode(args.Get("authority"));
    if (!code.ok()) return UsageError(absl::StrCat("--authority: ", code.status().message()));
    request.set_authority(*code);
  }
  request.set_query(args.Get("query"));
  return request;
}

absl::StatusOr<gov::ListMembershipsRequest> MembersListRequest(const Args& args) {
  absl::StatusOr<std::string> body = BodyName(args.positional.at(0));
  if (!body.ok()) return body.status();
  auto active_on = DateOption(args, "active-on", /*allow_month_only=*/false);
  if (!active_on.ok()) return active_on.status();
  gov::ListMembershipsRequest request;
  request.set_parent(*body);
  if (active_on->has_value()) *request.mutable_active_on() = **active_on;
  return request;
}

absl::StatusOr<gov::ListMeetingsRequest> MeetingsListRequest(const Args& args) {
  gov::ListMeetingsRequest request;
  request.set_parent("bodies/-");
  if (const std::string body = OptionalOperand(args); !body.empty()) {
    absl::StatusOr<std::string> name = BodyName(body);
    if (!name.ok()) return name.status();
    request.set_parent(*name);
  }
  if (args.Switch("upcoming") && args.Has("from")) {
    return UsageError("--upcoming means --from today; give one or the other");
  }
  Args dated = args;
  if (args.Switch("upcoming")) dated.options["from"] = "today";
  auto from = DateOption(dated, "from", /*allow_month_only=*/false);
  if (!from.ok()) return from.status();
  auto to = DateOption(dated, "to", /*allow_month_only=*/false);
  if (!to.ok()) return to.status();
  if (from->has_value()) *request.mutable_from_date() = **from;
  if (to->has_value()) *request.mutable_to_date() = **to;
  // ISO text sorts like the dates it spells ("today" and 03/12/2026 would not).
  if (from->has_value() && to->has_value() &&
      calendar::ToIsoText(**to) < calendar::ToIsoText(**from)) {
    return UsageError("--to is before --from");
  }
  return request;
}

absl::StatusOr<gov::ListDecisionsRequest> DecisionsListRequest(const Args& args) {
  absl::StatusOr<std::string> parent = DecisionsParent(OptionalOperand(args));
  if (!parent.ok()) return parent.status();
  gov::ListDecisionsRequest request;
  request.set_parent(*parent);
  if (args.Has("plan")) {
    absl::StatusOr<std::string> plan = PlanName(args.Get("plan"));
    if (!plan.ok()) return UsageError(absl::StrCat("--plan: ", plan.status().message()));
    request.set_plan(*plan);
  }
  return request;
}

absl::StatusOr<gov::ListActionsRequest> ActionsListRequest(const Args& args,
                                                           const common::v1::Date& today) {
  gov::ListActionsRequest request;
  request.set_parent("bodies/-");
  if (const std::string body = OptionalOperand(args); !body.empty()) {
    absl::StatusOr<std::string> name = BodyName(body);
    if (!name.ok()) return name.status();
    request.set_parent(*name);
  }
  if (args.Switch("overdue")) *request.mutable_overdue_as_of() = today;
  return request;
}

absl::StatusOr<PlanStepArgs> PlanStepArgsOf(const Args& args, bool meeting_required) {
  PlanStepArgs step;
  absl::StatusOr<std::string> plan = PlanName(args.positional.at(0));
  if (!plan.ok()) return plan.status();
  step.plan = *plan;
  if (meeting_required && !args.Has("meeting")) return UsageError("--meeting is required");
  if (args.Has("meeting")) {
    absl::StatusOr<std::string> meeting = MeetingName(args.Get("meeting"));
    if (!meeting.ok()) return UsageError(absl::StrCat("--meeting: ", meeting.status().message()));
    step.meeting = *meeting;
  }
  if (args.Has("decision")) {
    absl::StatusOr<std::string> decision = DecisionName(args.Get("decision"), step.meeting);
    if (!decision.ok())
      return UsageError(absl::StrCat("--decision: ", decision.status().message()));
    step.decision = *decision;
  }
  return step;
}

absl::StatusOr<gov::ListSponsorshipsRequest> SponsorsListRequest(const Args& args) {
  gov::ListSponsorshipsRequest request;
  request.set_parent("plans/-");
  if (const std::string plan = OptionalOperand(args); !plan.empty()) {
    absl::StatusOr<std::string> name = PlanName(plan);
    if (!name.ok()) return name.status();
    request.set_parent(*name);
  }
  return request;
}

absl::StatusOr<gov::ListBudgetLinesRequest> BudgetLinesRequest(const Args& args) {
  absl::StatusOr<std::string> plan = PlanName(args.positional.at(0));
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::string> year = OptionalSession(args, "year");
  if (!year.ok()) return year.status();
  gov::ListBudgetLinesRequest request;
  request.set_parent(*plan);
  request.set_financial_year(*year);
  return request;
}

absl::StatusOr<gov::GetBudgetSummaryRequest> BudgetSummaryRequest(const Args& args) {
  absl::StatusOr<std::string> plan = PlanName(args.positional.at(0));
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::string> year = OptionalSession(args, "year");
  if (!year.ok()) return year.status();
  gov::GetBudgetSummaryRequest request;
  request.set_plan(*plan);
  request.set_financial_year(*year);
  return request;
}

absl::StatusOr<gov::RecordSpendRequest> BudgetSpendRequest(const Args& args) {
  absl::StatusOr<std::string> line = BudgetLineName(args.positional.at(0), "");
  if (!line.ok()) return line.status();
  absl::StatusOr<int64_t> amount = PositiveAmount(args, "amount");
  if (!amount.ok()) return amount.status();
  absl::StatusOr<std::string> description = args.Required("description");
  if (!description.ok()) return description.status();
  if (!args.Has("date")) return UsageError("--date is required");
  auto date = DateOption(args, "date", /*allow_month_only=*/false);
  if (!date.ok()) return date.status();

  gov::RecordSpendRequest request;
  request.set_name(*line);
  request.set_amount_pence(*amount);
  request.set_description(*description);
  *request.mutable_spent_on() = **date;
  request.set_reference(args.Get("reference"));
  request.set_request_id(args.Get("request-id"));
  return request;
}

absl::StatusOr<gov::ReallocateBudgetRequest> BudgetMoveRequest(const Args& args) {
  absl::StatusOr<std::string> plan = PlanName(args.positional.at(0));
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::string> from_text = args.Required("from");
  if (!from_text.ok()) return from_text.status();
  absl::StatusOr<std::string> to_text = args.Required("to");
  if (!to_text.ok()) return to_text.status();
  absl::StatusOr<std::string> from = BudgetLineName(*from_text, *plan);
  if (!from.ok()) return UsageError(absl::StrCat("--from: ", from.status().message()));
  absl::StatusOr<std::string> to = BudgetLineName(*to_text, *plan);
  if (!to.ok()) return UsageError(absl::StrCat("--to: ", to.status().message()));
  if (*from == *to) return UsageError("--from and --to are the same line");
  absl::StatusOr<int64_t> amount = PositiveAmount(args, "amount");
  if (!amount.ok()) return amount.status();
  absl::StatusOr<std::string> reason = args.Required("reason");
  if (!reason.ok()) return reason.status();
  absl::StatusOr<std::string> body_text = args.Required("body");
  if (!body_text.ok()) return body_text.status();
  absl::StatusOr<std::string> body = BodyName(*body_text);
  if (!body.ok()) return UsageError(absl::StrCat("--body: ", body.status().message()));

  gov::ReallocateBudgetRequest request;
  request.set_parent(*plan);
  gov::Reallocation* move = request.mutable_reallocation();
  move->set_from_line(*from);
  move->set_to_line(*to);
  move->set_amount_pence(*amount);
  move->set_reason(*reason);
  move->set_approving_body(*body);
  request.set_request_id(args.Get("request-id"));
  return request;
}

}  // namespace wp::wpctl
