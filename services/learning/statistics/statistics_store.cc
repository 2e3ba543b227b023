#include "services/learning/statistics/statistics_store.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "libs/calendar/day_range.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/learning/catalogue/programme_rules.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

// The column a split groups by; "" for none.
const char* KeyColumn(v1::StatisticsSplit split) {
  switch (split) {
    case v1::BY_AUTHORITY:
      return "p.authority";
    case v1::BY_ESTABLISHMENT:
      return "p.establishment";
    case v1::BY_ROLE:
      return "p.role";
    default:
      return "";
  }
}

std::string KeyOf(const store::Row& row, v1::StatisticsSplit split) {
  if (split == v1::BY_ROLE) {
    const auto role = static_cast<v1::PractitionerRole>(row.Int(0));
    return v1::PractitionerRole_IsValid(role) ? v1::PractitionerRole_Name(role) : "";
  }
  return row.Text(0);
}

std::vector<store::Value> Join(std::vector<store::Value> a, const std::vector<store::Value>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Runs `select` (aggregates after the key column) over `from_where`, grouped
// by the split's column, and hands each row to `take` with its counts.
absl::Status ForEachGroup(store::Transaction& tx, const StatisticsScope& scope, bool split, const std::string& select,
                          const std::string& from_where, const std::vector<store::Value>& params,
                          std::map<std::string, StatisticsCounts>& out,
                          const std::function<void(const store::Row&, StatisticsCounts&)>& take) {
  const std::string key = split ? KeyColumn(scope.split) : "";
  const std::string sql = split ? absl::StrCat("SELECT ", key, ", ", select, " ", from_where, " GROUP BY ", key)
                                : absl::StrCat("SELECT '', ", select, " ", from_where);
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  for (const store::Row& row : rows) take(row, out[split ? KeyOf(row, scope.split) : ""]);
  return absl::OkStatus();
}

// Practitioners are joined (as p, to the rows of `alias`) only to filter or
// group by them.
std::string PractitionerJoin(const StatisticsScope& scope, bool split, const char* alias) {
  if (!split && scope.practitioner_where.empty()) return "";
  return absl::StrCat(" JOIN practitioners p ON p.id = ", alias, ".practitioner_id");
}

// Column `i` of an aggregate: NULL (no rows) is 0.
int64_t N(const store::Row& row, int i) { return row.IsNull(i) ? 0 : row.Int(i); }

// The counts summed over events, from each event's row of event_figures:
// one row per event in scope rather than every registration. Reach counts
// distinct people, so it still reads the attendances (an index-only scan of
// registrations_attended).
absl::Status CountFromEventFigures(store::Transaction& tx, const StatisticsScope& scope, StatisticsCounts& c) {
  WP_ASSIGN_OR_RETURN(
      store::Row row,
      tx.QueryOne(absl::StrCat("SELECT SUM(f.placed), SUM(f.attended), "
                               "SUM(CASE WHEN e.status = 3 THEN f.placed - f.attended ELSE 0 END), "
                               "SUM(CASE WHEN e.status = 3 THEN f.placed ELSE 0 END), SUM(f.waiting), "
                               "SUM(f.late_cancellations), SUM(f.pre_responses), SUM(f.post_responses), "
                               "SUM(f.rated_excellent), SUM(f.pairs), SUM(f.increased_knowledge), "
                               "SUM(f.increased_confidence), SUM(f.knowledge_change), SUM(f.understanding_change), "
                               "SUM(f.confidence_change) "
                               "FROM learning_events e JOIN event_figures f ON f.event_id = e.id WHERE ",
                               scope.event_where),
                  scope.event_params));
  c.registered = N(row, 0);
  c.attended = N(row, 1);
  c.no_shows = N(row, 2);
  c.placed_at_held = N(row, 3);
  c.waiting = N(row, 4);
  c.late_cancellations = N(row, 5);
  c.pre_responses = N(row, 6);
  c.post_responses = N(row, 7);
  c.rated_excellent = N(row, 8);
  c.pairs = N(row, 9);
  c.increased_knowledge = N(row, 10);
  c.increased_confidence = N(row, 11);
  c.knowledge_change_sum = N(row, 12);
  c.understanding_change_sum = N(row, 13);
  c.confidence_change_sum = N(row, 14);
  WP_ASSIGN_OR_RETURN(store::Row reached,
                      tx.QueryOne(absl::StrCat("SELECT COUNT(DISTINCT r.practitioner_id) FROM registrations r "
                                               "JOIN learning_events e ON e.id = r.event_id WHERE ",
                                               scope.event_where, " AND r.state = 1 AND r.attendance = 1"),
                                  scope.event_params));
  c.reached = N(reached, 0);
  return absl::OkStatus();
}

// The counts per group of practitioners (or of all, filtered by
// practitioner), from the registrations and evaluations themselves.
absl::Status CountFromRows(store::Transaction& tx, const StatisticsScope& scope, bool split,
                           std::map<std::string, StatisticsCounts>& out) {
  const std::string where = absl::StrCat(" WHERE ", scope.event_where, scope.practitioner_where);
  const std::vector<store::Value> params = Join(scope.event_params, scope.practitioner_params);
  auto joined = [&](const char* alias) { return PractitionerJoin(scope, split, alias); };

  WP_RETURN_IF_ERROR(ForEachGroup(
      tx, scope, split,
      absl::StrCat(
      "SUM(CASE WHEN r.state = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.state = 1 AND r.attendance = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.state = 1 AND e.status = 3 AND r.attendance <> 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.state = 1 AND e.status = 3 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.state = 2 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.state = 3 AND r.late_cancellation = 1 THEN 1 ELSE 0 END), "
      "COUNT(DISTINCT CASE WHEN r.state = 1 AND r.attendance = 1 THEN r.practitioner_id END), ",
      // Distinct people registered: for suppressing small splits only.
      split ? "COUNT(DISTINCT r.practitioner_id)" : "0"),
      absl::StrCat("FROM registrations r JOIN learning_events e ON e.id = r.event_id", joined("r"), where),
      params, out, [](const store::Row& row, StatisticsCounts& c) {
        c.registered = N(row, 1);
        c.attended = N(row, 2);
        c.no_shows = N(row, 3);
        c.placed_at_held = N(row, 4);
        c.waiting = N(row, 5);
        c.late_cancellations = N(row, 6);
        c.reached = N(row, 7);
        c.practitioners = N(row, 8);
      }));

  WP_RETURN_IF_ERROR(ForEachGroup(
      tx, scope, split,
      "SUM(CASE WHEN v.stage = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN v.stage = 2 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN v.stage = 2 AND v.overall_rating = 5 THEN 1 ELSE 0 END)",
      absl::StrCat("FROM evaluations v JOIN learning_events e ON e.id = v.event_id", joined("v"), where),
      params, out, [](const store::Row& row, StatisticsCounts& c) {
        c.pre_responses = N(row, 1);
        c.post_responses = N(row, 2);
        c.rated_excellent = N(row, 3);
      }));

  // Change is measured per person: the same practitioner's pre and post
  // responses to the same event.
  WP_RETURN_IF_ERROR(ForEachGroup(
      tx, scope, split,
      "COUNT(*), SUM(CASE WHEN b.knowledge > a.knowledge THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN b.confidence > a.confidence THEN 1 ELSE 0 END), SUM(b.knowledge - a.knowledge), "
      "SUM(b.understanding - a.understanding), SUM(b.confidence - a.confidence)",
      absl::StrCat("FROM evaluations a JOIN evaluations b ON b.event_id = a.event_id "
                   "AND b.practitioner_id = a.practitioner_id AND b.stage = 2 "
                   "JOIN learning_events e ON e.id = a.event_id",
                   joined("a"), where, " AND a.stage = 1"),
      params, out, [](const store::Row& row, StatisticsCounts& c) {
        c.pairs = N(row, 1);
        c.increased_knowledge = N(row, 2);
        c.increased_confidence = N(row, 3);
        c.knowledge_change_sum = N(row, 4);
        c.understanding_change_sum = N(row, 5);
        c.confidence_change_sum = N(row, 6);
      }));

  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<StatisticsScope> ScopeOf(const v1::GetStatisticsRequest& request, absl::CivilDay today) {
  FieldViolations v;
  StatisticsScope scope;
  scope.split = request.split();
  scope.event_where = "e.status <> 2";
  const int named = !request.event().empty() + !request.programme().empty() + !request.workstream().empty();
  if (named > 1) v.Add("event", "at most one of event, programme and workstream may be set");
  if (!request.event().empty()) {
    absl::StatusOr<std::string> id = EventIdOf(request.event(), "event");
    AddViolationsOf(id.status(), &v);
    scope.event_where += " AND e.id = ?";
    scope.event_params.push_back(id.ok() ? *id : "");
    scope.completions = false;
  } else if (!request.programme().empty()) {
    absl::StatusOr<std::string> id = ProgrammeIdOf(request.programme(), "programme");
    AddViolationsOf(id.status(), &v);
    scope.event_where += " AND e.programme_id = ?";
    scope.event_params.push_back(id.ok() ? *id : "");
    scope.completion_where = " AND c.programme_id = ?";
    scope.completion_params.push_back(id.ok() ? *id : "");
  } else if (!request.workstream().empty()) {
    if (!IsWorkstreamName(request.workstream())) {
      v.Add("workstream", "must be planPeriods/{period}/workstreams/{number}");
    }
    scope.event_where += " AND e.programme_id IN (SELECT id FROM programmes WHERE workstream = ?)";
    scope.event_params.push_back(request.workstream());
    scope.completion_where = " AND c.programme_id IN (SELECT id FROM programmes WHERE workstream = ?)";
    scope.completion_params.push_back(request.workstream());
  }
  if (!request.authority().empty()) {
    if (!region::IsAuthorityCode(request.authority())) {
      v.Add("authority", "must be one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
    }
    scope.practitioner_where = " AND p.authority = ?";
    scope.practitioner_params.push_back(request.authority());
    scope.authorities.push_back(request.authority());
  } else {
    for (const auto& a : region::kAuthorities) scope.authorities.emplace_back(a.code);
  }
  const calendar::DayRange days = calendar::CheckDayRange(request.from(), request.to(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (days.from) {
    scope.event_where += " AND e.start_us >= ?";
    scope.event_params.push_back(days.from_us);
    scope.completion_where += " AND c.complete_us >= ?";
    scope.completion_params.push_back(days.from_us);
  }
  if (days.to) {
    scope.event_where += " AND e.start_us < ?";
    scope.event_params.push_back(days.until_us);
    scope.completion_where += " AND c.complete_us < ?";
    scope.completion_params.push_back(days.until_us);
  }
  scope.population_day = days.to.value_or(today);
  return scope;
}

absl::StatusOr<std::map<std::string, StatisticsCounts>> CountStatistics(store::Transaction& tx,
                                                                        const StatisticsScope& scope, bool split) {
  std::map<std::string, StatisticsCounts> out;
  if (!split && scope.practitioner_where.empty()) {
    WP_RETURN_IF_ERROR(CountFromEventFigures(tx, scope, out[""]));
  } else {
    WP_RETURN_IF_ERROR(CountFromRows(tx, scope, split, out));
  }
  if (scope.completions) {
    WP_RETURN_IF_ERROR(ForEachGroup(
        tx, scope, split, "COUNT(*)",
        absl::StrCat("FROM programme_completions c", PractitionerJoin(scope, split, "c"), " WHERE 1 = 1", scope.completion_where,
                     scope.practitioner_where),
        Join(scope.completion_params, scope.practitioner_params), out,
        [](const store::Row& row, StatisticsCounts& c) { c.completions = N(row, 1); }));
  }

  if (!split) {
    WP_ASSIGN_OR_RETURN(store::Row events,
                        tx.QueryOne(absl::StrCat("SELECT COUNT(*), SUM(CASE WHEN e.status = 3 THEN 1 ELSE 0 END) "
                                                 "FROM learning_events e WHERE ",
                                                 scope.event_where),
                                    scope.event_params));
    out[""].events = N(events, 0);
    out[""].held_events = N(events, 1);
  }
  return out;
}

}  // namespace wp::learning
