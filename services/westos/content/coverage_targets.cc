#include "services/westos/content/coverage_targets.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/fields/field_checks.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/westos/content/content_items.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/coverage.h"
#include "services/westos/content/levels.h"
#include "services/westos/events.h"

namespace wp::westos {
namespace {

constexpr size_t kMaxTargetIdBytes = 63;
constexpr size_t kMaxDisplayNameBytes = 200;
constexpr int kMaxMinPublished = 10000;
constexpr char kTargetColumns[] =
    "target_id, display_name, subject, level, sector, min_published, deadline, create_us";

std::string TargetName(const std::string& id) { return absl::StrCat("coverageTargets/", id); }

bool IsTargetId(absl::string_view id) {
  if (id.empty() || id.size() > kMaxTargetIdBytes || !absl::ascii_islower(static_cast<unsigned char>(id[0]))) {
    return false;
  }
  for (char c : id) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!absl::ascii_islower(u) && !absl::ascii_isdigit(u) && c != '-') return false;
  }
  return true;
}

absl::Status CheckTargetId(const std::string& id, absl::string_view field) {
  if (id.empty()) return InvalidField(field, "is required");
  if (!IsTargetId(id)) {
    return InvalidField(field, absl::StrCat("must be 1 to ", kMaxTargetIdBytes,
                                            " of a-z, 0-9 and '-', starting with a letter"));
  }
  return absl::OkStatus();
}

// Checks the caller's target and puts it in stored form.
absl::Status CompleteTarget(v1::CoverageTarget& t) {
  FieldViolations v;
  const std::string p = "coverage_target.";
  AddViolationsOf(CheckTargetId(t.target_id(), p + "target_id"), &v);
  fields::CheckUntrustedLine(t.display_name(), p + "display_name", kMaxDisplayNameBytes, /*required=*/false, &v);
  t.set_subject(std::string(absl::StripAsciiWhitespace(t.subject())));
  fields::CheckUntrustedLine(t.subject(), p + "subject", kMaxSubjectBytes, /*required=*/true, &v);
  if (!t.level().empty()) {
    absl::StatusOr<std::string> level = ParseLevel(p + "level", t.level());
    if (level.ok()) {
      t.set_level(*level);
    } else {
      AddViolationsOf(level.status(), &v, p + "level");
    }
  }
  if (!v1::Sector_IsValid(t.sector())) v.Add(p + "sector", absl::StrCat(t.sector(), " is not a sector"));
  if (t.min_published() < 0 || t.min_published() > kMaxMinPublished) {
    v.Add(p + "min_published", absl::StrCat(t.min_published(), " is not from 1 to ", kMaxMinPublished,
                                            " (0 means 1)"));
  }
  if (t.min_published() == 0) t.set_min_published(1);
  if (!calendar::IsSet(t.deadline())) {
    v.Add(p + "deadline", "is required");
  } else {
    AddViolationsOf(calendar::Validate(t.deadline(), p + "deadline", /*allow_month_only=*/false), &v,
                    p + "deadline");
  }
  return v.ToStatus();
}

v1::CoverageTarget TargetFrom(const store::Row& row) {
  v1::CoverageTarget t;
  t.set_target_id(row.Text(0));
  t.set_name(TargetName(t.target_id()));
  t.set_display_name(row.Text(1));
  t.set_subject(row.Text(2));
  t.set_level(row.Text(3));
  t.set_sector(static_cast<v1::Sector>(row.Int(4)));
  t.set_min_published(static_cast<int32_t>(row.Int(5)));
  if (auto d = calendar::FromIsoText(row.Text(6)); d.has_value()) *t.mutable_deadline() = *d;
  calendar::SetTimestamp(row.Int(7), t.mutable_create_time());
  return t;
}

absl::StatusOr<std::vector<v1::CoverageTarget>> LoadTargets(store::Transaction& tx, const std::string& subject) {
  std::string sql = absl::StrCat("SELECT ", kTargetColumns, " FROM coverage_targets");
  std::vector<store::Value> params;
  if (!subject.empty()) {
    absl::StrAppend(&sql, " WHERE subject = ?");
    params.push_back(subject);
  }
  absl::StrAppend(&sql, " ORDER BY deadline, target_id");
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows, tx.Query(sql, params));
  std::vector<v1::CoverageTarget> targets;
  targets.reserve(rows.size());
  for (const store::Row& row : rows) targets.push_back(TargetFrom(row));
  return targets;
}

absl::StatusOr<std::optional<v1::CoverageTarget>> FindTarget(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kTargetColumns, " FROM coverage_targets WHERE target_id = ?"),
                               {id}));
  if (rows.empty()) return std::nullopt;
  return TargetFrom(rows[0]);
}

absl::StatusOr<std::vector<CoverageItem>> LoadCoverageItems(store::Transaction& tx) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT subject, level, sector, commissioned_date, uploaded_date, published_date "
                               "FROM content_items WHERE status > 0"));
  std::vector<CoverageItem> items;
  items.reserve(rows.size());
  for (const store::Row& row : rows) {
    items.push_back({row.Text(0), row.Text(1), static_cast<int>(row.Int(2)), row.Text(3), row.Text(4), row.Text(5)});
  }
  return items;
}

}  // namespace

absl::StatusOr<v1::CoverageTarget> CoverageTargets::Create(const server::Caller& caller,
                                                           const v1::CreateCoverageTargetRequest& request,
                                                           absl::Time now) {
  v1::CoverageTarget target = request.coverage_target();
  target.clear_name();
  target.clear_create_time();
  WP_RETURN_IF_ERROR(CompleteTarget(target));
  return store::WriteValue<v1::CoverageTarget>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::CoverageTarget> {
    WP_ASSIGN_OR_RETURN(std::optional<v1::CoverageTarget> existing, FindTarget(tx, target.target_id()));
    if (existing.has_value()) {
      return absl::AlreadyExistsError(
          absl::StrCat("coverage_target.target_id: \"", target.target_id(), "\" is already a target"));
    }
    WP_ASSIGN_OR_RETURN(store::Row count, tx.QueryOne("SELECT COUNT(*) FROM coverage_targets"));
    if (count.Int(0) >= kMaxCoverageTargets) {
      return absl::FailedPreconditionError(
          absl::StrCat("there are already ", kMaxCoverageTargets, " coverage targets; delete some first"));
    }
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO coverage_targets (target_id, display_name, subject, level, sector, "
                                  "min_published, deadline, create_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  {target.target_id(), target.display_name(), target.subject(), target.level(),
                                   int64_t{target.sector()}, int64_t{target.min_published()},
                                   calendar::ToIsoText(target.deadline()), calendar::Micros(now)})
                           .status());
    WP_ASSIGN_OR_RETURN(std::optional<v1::CoverageTarget> stored, FindTarget(tx, target.target_id()));
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "coverage_target", "created", stored->name(), *stored).status());
    return *stored;
  });
}

absl::StatusOr<v1::ListCoverageTargetsResponse> CoverageTargets::List(const v1::ListCoverageTargetsRequest& request) {
  FieldViolations v;
  fields::CheckUntrustedLine(request.subject(), "subject", kMaxSubjectBytes, /*required=*/false, &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return store::ReadValue<v1::ListCoverageTargetsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListCoverageTargetsResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::CoverageTarget> targets,
                            LoadTargets(tx, std::string(absl::StripAsciiWhitespace(request.subject()))));
        v1::ListCoverageTargetsResponse response;
        for (v1::CoverageTarget& t : targets) *response.add_coverage_targets() = std::move(t);
        return response;
      });
}

absl::Status CoverageTargets::Delete(const server::Caller& caller, const v1::DeleteCoverageTargetRequest& request) {
  WP_RETURN_IF_ERROR(CheckTargetId(request.target_id(), "target_id"));
  return db_.Write([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(std::optional<v1::CoverageTarget> existing, FindTarget(tx, request.target_id()));
    if (!existing.has_value()) {
      return absl::NotFoundError(absl::StrCat("target_id: \"", request.target_id(), "\" is not a coverage target"));
    }
    WP_RETURN_IF_ERROR(
        tx.Execute("DELETE FROM coverage_targets WHERE target_id = ?", {request.target_id()}).status());
    return EmitEvent(tx, caller, "coverage_target", "deleted", existing->name(), *existing).status();
  });
}

absl::StatusOr<v1::CoverageReport> CoverageTargets::Report(const v1::GetCoverageReportRequest& request,
                                                           absl::Time now) {
  absl::CivilDay as_of = UtcDay(now);
  if (calendar::IsSet(request.as_of())) {
    WP_RETURN_IF_ERROR(calendar::Validate(request.as_of(), "as_of", /*allow_month_only=*/false));
    as_of = calendar::LastDayCovered(request.as_of());
  }
  int at_risk_days = request.at_risk_days() == 0 ? kDefaultAtRiskDays : request.at_risk_days();
  if (at_risk_days < 0 || at_risk_days > kMaxAtRiskDays) {
    return InvalidField("at_risk_days", absl::StrCat(request.at_risk_days(), " is not from 1 to ", kMaxAtRiskDays,
                                                     " (0 means ", kDefaultAtRiskDays, ")"));
  }
  return store::ReadValue<v1::CoverageReport>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::CoverageReport> {
    WP_ASSIGN_OR_RETURN(std::vector<v1::CoverageTarget> targets, LoadTargets(tx, ""));
    WP_ASSIGN_OR_RETURN(std::vector<CoverageItem> items, LoadCoverageItems(tx));
    v1::CoverageReport report;
    *report.mutable_as_of() = calendar::FromCivilDay(as_of);
    report.set_at_risk_days(at_risk_days);
    for (const v1::CoverageTarget& target : targets) {
      v1::TargetCoverage* t = report.add_targets();
      *t = AssessTarget(target, items, as_of, at_risk_days);
      switch (t->state()) {
        case v1::MET: report.set_met(report.met() + 1); break;
        case v1::LATE: report.set_late(report.late() + 1); break;
        case v1::AT_RISK: report.set_at_risk(report.at_risk() + 1); break;
        default: report.set_on_track(report.on_track() + 1); break;
      }
    }
    return report;
  });
}

}  // namespace wp::westos
