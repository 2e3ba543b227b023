#include "services/learning/privacy/practitioner_privacy.h"

#include <string>
#include <vector>

#include "absl/random/random.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/evaluation_rows.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"
#include "services/learning/core/registration_rows.h"
#include "services/learning/practitioners/practitioner_store.h"

namespace wp::learning {
namespace {

constexpr size_t kMaxReasonBytes = 500;
// Retention erases in transactions of this many practitioners.
constexpr size_t kRetentionBatch = 200;

// "~" and 32 hex digits: no request can name it (not a practitioner id).
std::string AnonymousId() {
  static absl::BitGen* gen = new absl::BitGen();
  static absl::Mutex mu;
  std::string bytes(16, '\0');
  {
    absl::MutexLock lock(&mu);
    for (char& c : bytes) c = static_cast<char>(absl::Uniform<uint8_t>(*gen));
  }
  return absl::StrCat("~", absl::BytesToHexString(bytes));
}

// Re-keys one practitioner's rows to an anonymous id and publishes the
// erasure. NOT_FOUND when there is no such practitioner.
absl::StatusOr<v1::ErasePractitionerResponse> EraseIn(store::Transaction& tx, const server::Caller& caller,
                                                      const std::string& id, const std::string& reason,
                                                      absl::Time now) {
  WP_RETURN_IF_ERROR(LoadPractitioner(tx, id).status());
  const std::string anonymous = AnonymousId();
  v1::ErasePractitionerResponse counts;
  // Every row of the person moves to the same anonymous id, so pre/post
  // pairs stay paired and no event's figures (core/event_figures.h) change.
  WP_ASSIGN_OR_RETURN(int64_t registrations,
                      tx.Execute("UPDATE registrations SET practitioner_id = ? WHERE practitioner_id = ?",
                                 {anonymous, id}));
  WP_ASSIGN_OR_RETURN(int64_t evaluations,
                      tx.Execute("UPDATE evaluations SET practitioner_id = ?, comment = '' WHERE practitioner_id = ?",
                                 {anonymous, id}));
  WP_ASSIGN_OR_RETURN(int64_t completions,
                      tx.Execute("UPDATE programme_completions SET practitioner_id = ? WHERE practitioner_id = ?",
                                 {anonymous, id}));
  WP_RETURN_IF_ERROR(tx.Execute("UPDATE practitioners SET id = ?, establishment = '', version = version + 1, "
                                "update_us = ? WHERE id = ?",
                                {anonymous, calendar::Micros(now), id})
                         .status());
  counts.set_registrations(static_cast<int32_t>(registrations));
  counts.set_evaluations(static_cast<int32_t>(evaluations));
  counts.set_completions(static_cast<int32_t>(completions));
  v1::PractitionerErased payload;
  payload.set_registrations(counts.registrations());
  payload.set_evaluations(counts.evaluations());
  payload.set_completions(counts.completions());
  payload.set_reason(reason);
  // The subject is the collection, not the person.
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "practitioner", "erased", "practitioners", payload).status());
  return counts;
}

}  // namespace

absl::StatusOr<v1::PractitionerExport> PractitionerPrivacy::Export(const v1::ExportPractitionerRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, PractitionerIdOf(request.name(), "name"));
  return store::ReadValue<v1::PractitionerExport>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::PractitionerExport> {
        v1::PractitionerExport out;
        WP_ASSIGN_OR_RETURN(*out.mutable_practitioner(), LoadPractitioner(tx, id));
        WP_ASSIGN_OR_RETURN(std::vector<v1::Registration> registrations,
                            SelectRegistrations(tx, "r.practitioner_id = ?", {id}, "ORDER BY r.event_id"));
        for (v1::Registration& r : registrations) *out.add_registrations() = std::move(r);
        WP_ASSIGN_OR_RETURN(std::vector<v1::Evaluation> evaluations,
                            SelectEvaluations(tx, "practitioner_id = ?", {id}, "ORDER BY event_id, stage"));
        for (v1::Evaluation& e : evaluations) *out.add_evaluations() = std::move(e);
        WP_ASSIGN_OR_RETURN(auto completed, tx.Query("SELECT programme_id FROM programme_completions "
                                                     "WHERE practitioner_id = ? ORDER BY programme_id",
                                                     {id}));
        for (const store::Row& row : completed) out.add_completed_programmes(ProgrammeName(row.Text(0)));
        return out;
      });
}

absl::StatusOr<v1::ErasePractitionerResponse> PractitionerPrivacy::Erase(const server::Caller& caller,
                                                                         const v1::ErasePractitionerRequest& request) {
  FieldViolations v;
  absl::StatusOr<std::string> id = PractitionerIdOf(request.name(), "name");
  AddViolationsOf(id.status(), &v);
  fields::CheckRequiredLine(request.reason(), "reason", kMaxReasonBytes, &v);
  if (id.ok() && absl::StrContains(request.reason(), *id)) {
    v.Add("reason", "must not contain the practitioner's id (the reason is kept; the id is not)");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::ErasePractitionerResponse>(
      db_, [&](store::Transaction& tx) { return EraseIn(tx, caller, *id, request.reason(), now); });
}

absl::StatusOr<v1::ApplyRetentionResponse> PractitionerPrivacy::ApplyRetention(
    const server::Caller& caller, const v1::ApplyRetentionRequest& request, absl::CivilDay today) {
  WP_RETURN_IF_ERROR(calendar::Validate(request.inactive_before(), "inactive_before", /*allow_month_only=*/false));
  const absl::CivilDay before(request.inactive_before().year(), request.inactive_before().month(),
                              request.inactive_before().day());
  if (before > today) return InvalidField("inactive_before", "must not be after today");
  const int64_t before_us = calendar::Micros(absl::FromCivil(before, absl::UTCTimeZone()));
  const std::string reason = absl::StrCat("retention: inactive before ", absl::FormatCivilTime(before));
  // Not erased already, not changed since, and no event ending since.
  const char* kInactive =
      "SELECT p.id FROM practitioners p WHERE p.id NOT LIKE '~%' AND p.update_us < ? AND NOT EXISTS ("
      "SELECT 1 FROM registrations r JOIN learning_events e ON e.id = r.event_id "
      "WHERE r.practitioner_id = p.id AND e.end_us >= ?) ORDER BY p.id";
  v1::ApplyRetentionResponse response;
  response.set_dry_run(request.dry_run());
  if (request.dry_run()) {
    WP_RETURN_IF_ERROR(db_.Read([&](store::Transaction& tx) -> absl::Status {
      WP_ASSIGN_OR_RETURN(auto ids, tx.Query(kInactive, {before_us, before_us}));
      for (const store::Row& row : ids) {
        WP_ASSIGN_OR_RETURN(store::Row n, tx.QueryOne("SELECT (SELECT COUNT(*) FROM registrations WHERE "
                                                      "practitioner_id = ?), (SELECT COUNT(*) FROM evaluations "
                                                      "WHERE practitioner_id = ?)",
                                                      {row.Text(0), row.Text(0)}));
        response.set_practitioners(response.practitioners() + 1);
        response.set_registrations(response.registrations() + static_cast<int32_t>(n.Int(0)));
        response.set_evaluations(response.evaluations() + static_cast<int32_t>(n.Int(1)));
      }
      return absl::OkStatus();
    }));
    return response;
  }
  // In batches, each its own transaction, until nobody inactive is left.
  while (true) {
    // Counted inside, added after the commit: a retried transaction counts once.
    v1::ApplyRetentionResponse batch;
    WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
      batch.Clear();
      WP_ASSIGN_OR_RETURN(auto ids, tx.Query(absl::StrCat(kInactive, " LIMIT ?"),
                                             {before_us, before_us, static_cast<int64_t>(kRetentionBatch)}));
      for (const store::Row& row : ids) {
        WP_ASSIGN_OR_RETURN(v1::ErasePractitionerResponse counts,
                            EraseIn(tx, caller, row.Text(0), reason, absl::Now()));
        batch.set_practitioners(batch.practitioners() + 1);
        batch.set_registrations(batch.registrations() + counts.registrations());
        batch.set_evaluations(batch.evaluations() + counts.evaluations());
      }
      return absl::OkStatus();
    }));
    response.set_practitioners(response.practitioners() + batch.practitioners());
    response.set_registrations(response.registrations() + batch.registrations());
    response.set_evaluations(response.evaluations() + batch.evaluations());
    if (batch.practitioners() < static_cast<int>(kRetentionBatch)) break;
  }
  return response;
}

}  // namespace wp::learning
