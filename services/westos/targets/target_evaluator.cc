#include "services/westos/targets/target_evaluator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/rollups/periods.h"
#include "services/westos/targets/baselines.h"
#include "services/westos/targets/day_fields.h"
#include "services/westos/targets/resource_ids.h"
#include "services/westos/targets/targets.h"
#include "services/westos/targets/trajectory.h"

namespace wp::westos {
namespace {

// The measured value, or why there is none.
struct Measured {
  bool known = false;
  double value = 0;
  int64_t numerator = 0;
  int64_t denominator = 0;
  std::string why_unknown;
};

absl::StatusOr<absl::CivilDay> AsOfOrToday(const wp::common::v1::Date& as_of) {
  if (!calendar::IsSet(as_of)) return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  return RequiredDay(as_of, "as_of");
}

Measured Unknown(std::string why) {
  Measured m;
  m.why_unknown = std::move(why);
  return m;
}

Measured Known(double value, int64_t numerator, int64_t denominator) {
  Measured m;
  m.known = true;
  m.value = value;
  m.numerator = numerator;
  m.denominator = denominator;
  return m;
}

}  // namespace

absl::StatusOr<v1::TargetStatus> TargetEvaluator::Evaluate(const server::Caller& caller, const v1::Target& target,
                                                           absl::CivilDay as_of) {
  WP_ASSIGN_OR_RETURN(absl::CivilDay start, RequiredDay(target.start_date(), "target.start_date"));
  WP_ASSIGN_OR_RETURN(absl::CivilDay deadline, RequiredDay(target.deadline(), "target.deadline"));
  const absl::CivilDay day = std::min(as_of, deadline);
  v1::TargetStatus status;
  *status.mutable_target() = target;
  *status.mutable_as_of() = calendar::FromCivilDay(day);

  Measured m;
  if (day < start) {
    m = Unknown(absl::StrCat("not started: the target starts on ", calendar::DayText(start)));
  } else if (target.kind() == v1::GROWTH) {
    WP_ASSIGN_OR_RETURN(std::string baseline_id, IdFromName(target.baseline(), "baselines", "target.baseline"));
    WP_ASSIGN_OR_RETURN(v1::Baseline baseline, store::ReadValue<v1::Baseline>(db_, [&](store::Transaction& tx) {
                          return LoadBaseline(tx, baseline_id);
                        }));
    const absl::CivilDay base_from = calendar::LastDayCovered(baseline.from());
    const absl::CivilDay base_to = calendar::LastDayCovered(baseline.to());
    WP_ASSIGN_OR_RETURN(v1::UsageFigures base, measures_.Figures(baseline.filter(), target.authority(), base_from,
                                                                 base_to, "baseline."));
    WP_ASSIGN_OR_RETURN(v1::UsageFigures now, measures_.Figures(baseline.filter(), target.authority(),
                                                                day - (base_to - base_from), day, "baseline."));
    if (base.suppressed() || base.distinct_users() == 0) {
      m = Unknown(absl::StrCat("the baseline ", target.baseline(), " has ",
                               base.suppressed() ? "fewer than 5 users (suppressed)" : "no users"));
    } else if (now.suppressed()) {
      m = Unknown("the window has fewer than 5 users (suppressed)");
    } else {
      m = Known(100.0 * (static_cast<double>(now.distinct_users()) / static_cast<double>(base.distinct_users()) - 1),
                now.distinct_users(), base.distinct_users());
    }
  } else if (target.kind() == v1::REACH) {
    std::set<int> roles(target.filter().roles().begin(), target.filter().roles().end());
    WP_ASSIGN_OR_RETURN(v1::ReachReport reach, reach_.Compute(ServiceCaller("UsageTargets"), start, day, roles));
    v1::ReachFigures figures = reach.region();
    for (const v1::AuthorityReach& a : reach.authorities()) {
      if (a.authority() == target.authority()) figures = a.figures();
    }
    if (figures.population_missing()) {
      const std::string whose = target.authority().empty()
                                    ? absl::StrJoin(reach.authorities_missing(), ", ")
                                    : target.authority();
      m = Unknown(absl::StrCat("no population figure for session ", reach.session(), " (", whose, ")"));
    } else if (figures.population() == 0) {
      m = Unknown(absl::StrCat("the population of session ", reach.session(), " is 0"));
    } else {
      m = Known(figures.reach_percent(), figures.distinct_users(), figures.population());
    }
  } else if (target.kind() == v1::POSITIVE_RATINGS) {
    WP_ASSIGN_OR_RETURN(v1::UsageFigures f,
                        measures_.Figures(target.filter(), target.authority(), start, day, "target."));
    if (f.suppressed()) {
      m = Unknown("fewer than 5 people rated (suppressed)");
    } else if (f.ratings() == 0) {
      m = Unknown("no ratings yet");
    } else {
      m = Known(100.0 * static_cast<double>(f.positive_ratings()) / static_cast<double>(f.ratings()),
                f.positive_ratings(), f.ratings());
    }
  } else {
    return absl::InternalError(absl::StrCat(target.name(), ": stored with kind ", target.kind()));
  }

  TrajectoryInput in;
  in.start_value = target.start_value();
  in.target_value = target.target_value();
  in.start_day = DayNumber(start);
  in.deadline_day = DayNumber(deadline);
  in.as_of_day = DayNumber(day);
  in.tolerance = target.amber_tolerance();
  in.deadline_passed = as_of > deadline;
  in.current_value = m.value;
  const Judgement j = Judge(in);
  status.set_expected_value(j.expected_value);
  status.set_amber_floor(j.amber_floor);
  if (!m.known) {
    status.set_rag(v1::RAG_UNKNOWN);
    status.set_reason(m.why_unknown);
    return status;
  }
  status.set_current_value(m.value);
  status.set_numerator(m.numerator);
  status.set_denominator(m.denominator);
  status.set_progress(j.progress);
  status.set_on_track(j.on_track);
  status.set_reached(j.reached);
  status.set_rag(static_cast<v1::Rag>(j.rag));
  status.set_reason(j.reason);
  if (j.reached && !calendar::IsSet(target.reached_on())) {
    WP_RETURN_IF_ERROR(RecordReached(caller, status));
    *status.mutable_target()->mutable_reached_on() = status.as_of();
  }
  return status;
}

absl::Status TargetEvaluator::RecordReached(const server::Caller& caller, const v1::TargetStatus& status) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(status.target().name(), "targets", "name"));
  // The service found it reached, whoever asked: it is the event's actor,
  // within the asker's trace.
  server::Caller service = ServiceCaller("TargetEvaluator");
  service.trace_id = caller.trace_id;
  service.traceparent = caller.traceparent;
  return db_.Write([&](store::Transaction& tx) -> absl::Status {
    // Only the first evaluation to get here records it (and publishes).
    WP_ASSIGN_OR_RETURN(int64_t changed,
                        tx.Execute("UPDATE usage_targets SET reached_day = ? WHERE target_id = ? AND reached_day IS NULL",
                                   {calendar::ToIsoText(status.as_of()), id}));
    if (changed == 0) return absl::OkStatus();
    v1::TargetReached event;
    *event.mutable_status() = status;
    *event.mutable_status()->mutable_target()->mutable_reached_on() = status.as_of();
    return EmitEvent(tx, service, "target", "reached", status.target().name(), event).status();
  });
}

absl::StatusOr<v1::EvaluateTargetsResponse> TargetEvaluator::EvaluateAll(const server::Caller& caller,
                                                                         const v1::EvaluateTargetsRequest& request) {
  WP_ASSIGN_OR_RETURN(absl::CivilDay as_of, AsOfOrToday(request.as_of()));
  WP_ASSIGN_OR_RETURN(std::vector<v1::Target> targets, store::ReadValue<std::vector<v1::Target>>(db_, LoadTargets));
  v1::EvaluateTargetsResponse out;
  for (const v1::Target& t : targets) {
    if (!MaySee(caller, t)) continue;
    WP_ASSIGN_OR_RETURN(*out.add_statuses(), Evaluate(caller, t, as_of));
  }
  return out;
}

absl::StatusOr<int> TargetEvaluator::CheckUnreached(absl::CivilDay as_of) {
  WP_ASSIGN_OR_RETURN(std::vector<v1::Target> targets, store::ReadValue<std::vector<v1::Target>>(db_, LoadTargets));
  const server::Caller service = ServiceCaller("TargetWatch");
  int reached = 0;
  for (const v1::Target& t : targets) {
    if (calendar::IsSet(t.reached_on())) continue;
    WP_ASSIGN_OR_RETURN(v1::TargetStatus status, Evaluate(service, t, as_of));
    reached += status.reached();
  }
  return reached;
}

absl::StatusOr<v1::TargetStatus> TargetEvaluator::Status(const server::Caller& caller,
                                                         const v1::GetTargetStatusRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(request.name(), "targets", "name"));
  WP_ASSIGN_OR_RETURN(absl::CivilDay as_of, AsOfOrToday(request.as_of()));
  WP_ASSIGN_OR_RETURN(v1::Target t,
                      store::ReadValue<v1::Target>(db_, [&](store::Transaction& tx) { return LoadTarget(tx, id); }));
  if (!MaySee(caller, t)) return absl::NotFoundError(absl::StrCat(request.name(), " does not exist"));
  return Evaluate(caller, t, as_of);
}

}  // namespace wp::westos
