#include "services/westos/targets/targets.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/targets/baselines.h"
#include "services/westos/targets/day_fields.h"
#include "services/westos/targets/resource_ids.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {
namespace {

using google::protobuf::util::TimeUtil;

constexpr double kMaxGrowthPercent = 100000;

absl::Status Invalid(absl::string_view field, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", reason));
}

absl::StatusOr<v1::Target> FromRow(const store::Row& row) {
  v1::Target t;
  if (!t.ParseFromString(row.Text(1))) {
    return absl::InternalError(absl::StrCat("targets/", row.Text(0), ": the stored definition does not parse"));
  }
  if (!row.IsNull(2)) {
    WP_ASSIGN_OR_RETURN(absl::CivilDay reached, StoredDay(row.Text(2)));
    *t.mutable_reached_on() = calendar::FromCivilDay(reached);
  }
  return t;
}

// A REACH target counts against the population, which is split only by
// authority and role (learners, teachers).
absl::Status CheckReachFilter(const v1::UsageFilter& f) {
  if (f.authorities_size() > 0) return Invalid("target.filter.authorities", "a REACH target names its authority in target.authority");
  if (f.sectors_size() > 0) return Invalid("target.filter.sectors", "the population is not split by sector");
  if (f.subjects_size() > 0) return Invalid("target.filter.subjects", "the population is not split by subject");
  if (f.levels_size() > 0) return Invalid("target.filter.levels", "the population is not split by level");
  if (f.content_ids_size() > 0) return Invalid("target.filter.content_ids", "the population is not split by content");
  if (f.simd_size() > 0) return Invalid("target.filter.simd", "the population is not split by SIMD quintile");
  for (int role : f.roles()) {
    if (role != v1::LEARNER && role != v1::TEACHER) {
      return Invalid("target.filter.roles", "only LEARNER and TEACHER have population figures");
    }
  }
  return absl::OkStatus();
}

}  // namespace

bool MaySee(const server::Caller& caller, const v1::Target& target) {
  if (caller.role != "authority_officer") return true;
  return std::find(caller.authorities.begin(), caller.authorities.end(), target.authority()) !=
         caller.authorities.end();
}

absl::StatusOr<std::vector<v1::Target>> LoadTargets(store::Transaction& tx) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT target_id, definition, reached_day FROM usage_targets ORDER BY target_id"));
  std::vector<v1::Target> out;
  for (const store::Row& row : rows) {
    WP_ASSIGN_OR_RETURN(v1::Target t, FromRow(row));
    out.push_back(std::move(t));
  }
  return out;
}

absl::StatusOr<v1::Target> LoadTarget(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT target_id, definition, reached_day FROM usage_targets WHERE target_id = ?", {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat("targets/", id, " does not exist"));
  return FromRow(rows[0]);
}

absl::StatusOr<v1::Target> Targets::Checked(const v1::CreateTargetRequest& request) {
  WP_RETURN_IF_ERROR(CheckResourceId(request.target_id(), "target_id"));
  v1::Target t = request.target();
  t.set_name(absl::StrCat("targets/", request.target_id()));
  t.clear_create_time();
  t.clear_reached_on();
  switch (t.kind()) {
    case v1::GROWTH:
    case v1::REACH:
    case v1::POSITIVE_RATINGS: break;
    case v1::TARGET_KIND_UNSPECIFIED: return Invalid("target.kind", "is required: GROWTH, REACH or POSITIVE_RATINGS");
    default: return Invalid("target.kind", absl::StrCat(t.kind(), " is not a kind of target"));
  }
  if (t.kind() == v1::GROWTH && t.baseline().empty()) return Invalid("target.baseline", "is required for GROWTH");
  if (t.kind() != v1::GROWTH && !t.baseline().empty()) return Invalid("target.baseline", "is only for GROWTH");
  if (!t.baseline().empty()) WP_RETURN_IF_ERROR(IdFromName(t.baseline(), "baselines", "target.baseline").status());
  WP_ASSIGN_OR_RETURN(absl::CivilDay start, RequiredDay(t.start_date(), "target.start_date"));
  WP_ASSIGN_OR_RETURN(absl::CivilDay deadline, RequiredDay(t.deadline(), "target.deadline"));
  if (deadline <= start) return Invalid("target.deadline", "must be after target.start_date");
  const double most = t.kind() == v1::GROWTH ? kMaxGrowthPercent : 100;
  if (!std::isfinite(t.target_value()) || t.target_value() <= 0 || t.target_value() > most) {
    return Invalid("target.target_value", absl::StrCat("must be above 0 and at most ", most, " (percent)"));
  }
  if (!std::isfinite(t.start_value()) || t.start_value() < 0 || t.start_value() >= t.target_value()) {
    return Invalid("target.start_value", "must be 0 or more and below target.target_value");
  }
  if (!std::isfinite(t.amber_tolerance()) || t.amber_tolerance() < 0 || t.amber_tolerance() >= 1) {
    return Invalid("target.amber_tolerance", "must be a fraction of the gap from 0 (the default 0.10) to below 1");
  }
  if (!t.authority().empty()) {
    absl::StatusOr<std::string> code = ParseAuthority(t.authority());
    if (!code.ok()) return Invalid("target.authority", "is not the code or name of an authority of the region");
    t.set_authority(*code);
  }
  if (t.kind() == v1::REACH) WP_RETURN_IF_ERROR(CheckReachFilter(t.filter()));
  if (t.kind() == v1::GROWTH && t.has_filter() && t.filter().ByteSizeLong() > 0) {
    return Invalid("target.filter", "a GROWTH target measures with its baseline's filter");
  }
  WP_RETURN_IF_ERROR(measures_.CheckFilter(t.filter(), "target."));
  return t;
}

absl::StatusOr<v1::Target> Targets::Create(const server::Caller& caller, const v1::CreateTargetRequest& request) {
  WP_ASSIGN_OR_RETURN(v1::Target t, Checked(request));
  if (!MaySee(caller, t)) {
    return absl::PermissionDeniedError("target.authority: an authority officer may set targets only for their own authorities");
  }
  const int64_t create_us = absl::ToUnixMicros(absl::Now());
  *t.mutable_create_time() = TimeUtil::MicrosecondsToTimestamp(create_us);
  std::string baseline_id;
  if (!t.baseline().empty()) baseline_id = t.baseline().substr(sizeof("baselines/") - 1);
  return store::WriteValue<v1::Target>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Target> {
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> existing,
                        tx.Query("SELECT 1 FROM usage_targets WHERE target_id = ?", {request.target_id()}));
    if (!existing.empty()) return absl::AlreadyExistsError(absl::StrCat(t.name(), " already exists"));
    if (!baseline_id.empty()) {
      absl::StatusOr<v1::Baseline> baseline = LoadBaseline(tx, baseline_id);
      if (absl::IsNotFound(baseline.status())) {
        return absl::FailedPreconditionError(absl::StrCat("target.baseline: ", t.baseline(), " does not exist"));
      }
      WP_RETURN_IF_ERROR(baseline.status());
    }
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO usage_targets (target_id, definition, baseline_id, create_us) "
                                  "VALUES (?, ?, ?, ?)",
                                  {request.target_id(), store::Blob{t.SerializeAsString()}, baseline_id, create_us})
                           .status());
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "target", "created", t.name(), t).status());
    return t;
  });
}

absl::StatusOr<v1::Target> Targets::Get(const server::Caller& caller, const std::string& name) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(name, "targets", "name"));
  WP_ASSIGN_OR_RETURN(v1::Target t,
                      store::ReadValue<v1::Target>(db_, [&](store::Transaction& tx) { return LoadTarget(tx, id); }));
  // Not there for a caller who may not see it.
  if (!MaySee(caller, t)) return absl::NotFoundError(absl::StrCat(name, " does not exist"));
  return t;
}

absl::StatusOr<v1::ListTargetsResponse> Targets::List(const server::Caller& caller) {
  WP_ASSIGN_OR_RETURN(std::vector<v1::Target> all, store::ReadValue<std::vector<v1::Target>>(db_, LoadTargets));
  v1::ListTargetsResponse out;
  for (v1::Target& t : all) {
    if (MaySee(caller, t)) *out.add_targets() = std::move(t);
  }
  return out;
}

absl::Status Targets::Delete(const server::Caller& caller, const std::string& name) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(name, "targets", "name"));
  return db_.Write([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(v1::Target t, LoadTarget(tx, id));
    if (!MaySee(caller, t)) return absl::NotFoundError(absl::StrCat(name, " does not exist"));
    WP_RETURN_IF_ERROR(tx.Execute("DELETE FROM usage_targets WHERE target_id = ?", {id}).status());
    return EmitEvent(tx, caller, "target", "deleted", name, t).status();
  });
}

}  // namespace wp::westos
