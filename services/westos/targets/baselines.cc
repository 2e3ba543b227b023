#include "services/westos/targets/baselines.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/rollups/usage_query.h"
#include "services/westos/targets/day_fields.h"
#include "services/westos/targets/resource_ids.h"

namespace wp::westos {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kColumns[] = "baseline_id, title, from_day, to_day, filter, create_us";

absl::StatusOr<v1::Baseline> FromRow(const store::Row& row) {
  v1::Baseline b;
  b.set_name(absl::StrCat("baselines/", row.Text(0)));
  b.set_title(row.Text(1));
  WP_ASSIGN_OR_RETURN(absl::CivilDay from, StoredDay(row.Text(2)));
  WP_ASSIGN_OR_RETURN(absl::CivilDay to, StoredDay(row.Text(3)));
  *b.mutable_from() = calendar::FromCivilDay(from);
  *b.mutable_to() = calendar::FromCivilDay(to);
  if (!b.mutable_filter()->ParseFromString(row.Text(4))) {
    return absl::InternalError(absl::StrCat(b.name(), ": the stored filter does not parse"));
  }
  *b.mutable_create_time() = TimeUtil::MicrosecondsToTimestamp(row.Int(5));
  return b;
}

}  // namespace

absl::StatusOr<v1::Baseline> LoadBaseline(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kColumns, " FROM usage_baselines WHERE baseline_id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat("baselines/", id, " does not exist"));
  return FromRow(rows[0]);
}

absl::StatusOr<v1::Baseline> Baselines::Create(const server::Caller& caller, const v1::CreateBaselineRequest& request) {
  WP_RETURN_IF_ERROR(CheckResourceId(request.baseline_id(), "baseline_id"));
  const v1::Baseline& in = request.baseline();
  WP_ASSIGN_OR_RETURN(absl::CivilDay from, RequiredDay(in.from(), "baseline.from"));
  WP_ASSIGN_OR_RETURN(absl::CivilDay to, RequiredDay(in.to(), "baseline.to"));
  if (to < from) return absl::InvalidArgumentError("baseline.to: is before baseline.from");
  if (to - from + 1 > kMaxQueryDays) {
    return absl::InvalidArgumentError(absl::StrCat("baseline.to: the range covers more than ", kMaxQueryDays, " days"));
  }
  WP_RETURN_IF_ERROR(measures_.CheckFilter(in.filter(), "baseline."));

  v1::Baseline out;
  out.set_name(absl::StrCat("baselines/", request.baseline_id()));
  out.set_title(in.title());
  *out.mutable_from() = calendar::FromCivilDay(from);
  *out.mutable_to() = calendar::FromCivilDay(to);
  *out.mutable_filter() = in.filter();
  const int64_t create_us = absl::ToUnixMicros(absl::Now());
  *out.mutable_create_time() = TimeUtil::MicrosecondsToTimestamp(create_us);
  return store::WriteValue<v1::Baseline>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Baseline> {
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> existing,
                        tx.Query("SELECT 1 FROM usage_baselines WHERE baseline_id = ?", {request.baseline_id()}));
    if (!existing.empty()) return absl::AlreadyExistsError(absl::StrCat(out.name(), " already exists"));
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO usage_baselines (baseline_id, title, from_day, to_day, filter, "
                                  "create_us) VALUES (?, ?, ?, ?, ?, ?)",
                                  {request.baseline_id(), out.title(), calendar::DayText(from),
                                   calendar::DayText(to), store::Blob{out.filter().SerializeAsString()}, create_us})
                           .status());
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "baseline", "created", out.name(), out).status());
    return out;
  });
}

absl::StatusOr<v1::Baseline> Baselines::Get(const std::string& name) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(name, "baselines", "name"));
  return store::ReadValue<v1::Baseline>(db_, [&](store::Transaction& tx) { return LoadBaseline(tx, id); });
}

absl::StatusOr<v1::ListBaselinesResponse> Baselines::List() {
  return store::ReadValue<v1::ListBaselinesResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListBaselinesResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                            tx.Query(absl::StrCat("SELECT ", kColumns, " FROM usage_baselines ORDER BY baseline_id")));
        v1::ListBaselinesResponse out;
        for (const store::Row& row : rows) {
          WP_ASSIGN_OR_RETURN(*out.add_baselines(), FromRow(row));
        }
        return out;
      });
}

absl::Status Baselines::Delete(const server::Caller& caller, const std::string& name) {
  WP_ASSIGN_OR_RETURN(std::string id, IdFromName(name, "baselines", "name"));
  return db_.Write([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(v1::Baseline baseline, LoadBaseline(tx, id));
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> users,
                        tx.Query("SELECT target_id FROM usage_targets WHERE baseline_id = ? ORDER BY target_id", {id}));
    if (!users.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat(name, " is the baseline of targets/", users[0].Text(0), "; delete that target first"));
    }
    WP_RETURN_IF_ERROR(tx.Execute("DELETE FROM usage_baselines WHERE baseline_id = ?", {id}).status());
    return EmitEvent(tx, caller, "baseline", "deleted", name, baseline).status();
  });
}

}  // namespace wp::westos
