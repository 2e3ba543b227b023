#include "services/westos/statements/statement_intake.h"

#include <optional>
#include <utility>
#include <variant>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/event_keys.h"
#include "services/westos/ingest/usage_event_store.h"

namespace wp::westos {
namespace {

bool IsUuid(absl::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !absl::ascii_isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

StatementOutcome Rejected(std::string statement_id, std::string field, std::string reason) {
  return {std::move(statement_id), Outcome::kRejected, std::move(field), std::move(reason), false};
}

// The mapper's "field: reason; field: reason" as the first field and the rest.
StatementOutcome FromError(const std::string& statement_id, const XapiError& error) {
  StatementOutcome out;
  const size_t colon = error.message.find(": ");
  if (colon == std::string::npos) {
    out = Rejected(statement_id, "", error.message);
  } else {
    out = Rejected(statement_id, error.message.substr(0, colon), error.message.substr(colon + 2));
  }
  out.unknown_verb = error.kind == XapiErrorKind::kUnknownVerb;
  return out;
}

// The usage event's field names, as the statement's.
StatementOutcome FromItem(const std::string& statement_id, const ItemResult& r) {
  return {statement_id, r.outcome, r.field == "event_id" ? "id" : r.field, r.reason, false};
}

// Whether a usage event (from any source) holds this id.
absl::StatusOr<bool> IsUsageEventId(store::Transaction& tx, EventLocator& locator, const std::string& id) {
  WP_ASSIGN_OR_RETURN(std::vector<KnownEvent> near, locator.FindNearKey(tx, EventKey(id)));
  for (const KnownEvent& k : near) {
    if (k.event_id == id) return true;
  }
  return false;
}

struct PendingVoid {
  size_t index;
  std::string target;
};

}  // namespace

absl::StatusOr<StatementBatch> StatementIntake::Send(const server::Caller& caller, absl::string_view text,
                                                     absl::Time now) {
  WP_ASSIGN_OR_RETURN(std::vector<XapiStatementResult> mapped, ParseXapiStatements(mapping_, text, now));
  const int64_t stored_us = absl::ToUnixMicros(now);
  StatementBatch batch;
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
    batch = StatementBatch{};
    batch.results.resize(mapped.size());
    // An id taken by a voiding statement is not free for an event.
    std::vector<std::string> event_ids;
    for (const XapiStatementResult& m : mapped) {
      if (std::holds_alternative<UsageEvent>(m.outcome)) event_ids.push_back(m.statement_id);
    }
    WP_ASSIGN_OR_RETURN(std::vector<std::string> voiding_ids, FindVoidingStatements(tx, event_ids));
    const absl::flat_hash_set<std::string> taken_by_voiding(voiding_ids.begin(), voiding_ids.end());

    // Events first, all in one ingest batch; then voidings, in order, so a
    // voiding may name a statement earlier in the same call.
    std::vector<IngestItem> items;
    std::vector<size_t> item_of;  // statement index of each item
    std::vector<PendingVoid> voidings;
    for (size_t i = 0; i < mapped.size(); ++i) {
      const XapiStatementResult& m = mapped[i];
      if (const auto* error = std::get_if<XapiError>(&m.outcome)) {
        batch.results[i] = FromError(m.statement_id, *error);
      } else if (const auto* voiding = std::get_if<Voiding>(&m.outcome)) {
        voidings.push_back({i, voiding->voided_id});
      } else if (m.json.find('\0') != std::string::npos) {
        batch.results[i] = Rejected(m.statement_id, "statement", "contains a NUL byte");
      } else if (taken_by_voiding.contains(m.statement_id)) {
        batch.results[i] = {m.statement_id, Outcome::kConflict, "id",
                            "already received as a voiding statement; the first is kept", false};
      } else {
        IngestItem item;
        item.event_id = m.statement_id;
        item.event = std::get<UsageEvent>(m.outcome);
        items.push_back(std::move(item));
        item_of.push_back(i);
      }
    }
    WP_ASSIGN_OR_RETURN(BatchResult ingested, ingest_.IngestIn(tx, caller, items));
    for (size_t k = 0; k < items.size(); ++k) {
      const size_t i = item_of[k];
      batch.results[i] = FromItem(mapped[i].statement_id, ingested.results[k]);
      if (ingested.results[k].outcome != Outcome::kAccepted) continue;
      WP_RETURN_IF_ERROR(InsertStatement(tx, {mapped[i].statement_id, "", "", stored_us, mapped[i].json}));
    }

    std::vector<std::string> retract;
    for (const PendingVoid& v : voidings) {
      const XapiStatementResult& m = mapped[v.index];
      StatementOutcome& out = batch.results[v.index];
      out.statement_id = m.statement_id;
      WP_ASSIGN_OR_RETURN(std::optional<StoredXapiStatement> same_id, FindStatement(tx, m.statement_id));
      if (same_id.has_value()) {
        out = same_id->voids == v.target
                  ? StatementOutcome{m.statement_id, Outcome::kDuplicate, "", "already received before", false}
                  : StatementOutcome{m.statement_id, Outcome::kConflict, "id",
                                     "already received before with different content; the first is kept", false};
        continue;
      }
      WP_ASSIGN_OR_RETURN(bool is_event_id, IsUsageEventId(tx, ingest_.locator(), m.statement_id));
      if (is_event_id) {
        out = {m.statement_id, Outcome::kConflict, "id", "already received as a usage event; the first is kept",
               false};
        continue;
      }
      WP_ASSIGN_OR_RETURN(std::optional<StoredXapiStatement> target, FindStatement(tx, v.target));
      if (!target.has_value()) {
        out = Rejected(m.statement_id, "object.id",
                       absl::StrCat("no statement ", v.target, " has been received; send the voiding after it"));
        continue;
      }
      if (!target->voids.empty()) {
        out = Rejected(m.statement_id, "object.id", "names a voiding statement: a voiding statement cannot be voided");
        continue;
      }
      WP_RETURN_IF_ERROR(InsertStatement(tx, {m.statement_id, v.target, "", stored_us, m.json}));
      WP_ASSIGN_OR_RETURN(bool newly_voided, MarkStatementVoided(tx, v.target, m.statement_id));
      if (newly_voided) retract.push_back(v.target);
      out = {m.statement_id, Outcome::kAccepted, "", newly_voided ? "" : "the statement was voided already", false};
    }
    if (retract.empty()) return absl::OkStatus();
    const std::string reason =
        retract.size() == 1 ? absl::StrCat("voided by an xAPI statement: ", retract.front())
                            : absl::StrCat("voided by ", retract.size(), " xAPI statements");
    WP_ASSIGN_OR_RETURN(RetractionResult retracted, ingest_.RetractIn(tx, caller, retract, reason));
    batch.voided = retracted.retracted;
    return absl::OkStatus();
  }));
  for (const StatementOutcome& r : batch.results) {
    switch (r.outcome) {
      case Outcome::kAccepted: ++batch.totals.accepted; break;
      case Outcome::kDuplicate: ++batch.totals.duplicates; break;
      case Outcome::kConflict: ++batch.totals.conflicts; break;
      case Outcome::kRejected: ++batch.totals.rejected; break;
    }
    if (r.unknown_verb) ++batch.unknown_verbs;
  }
  return batch;
}

absl::StatusOr<StoredXapiStatement> StatementIntake::Get(absl::string_view statement_id) {
  if (!IsUuid(statement_id)) {
    return InvalidField("statement_id", "is not a UUID (8-4-4-4-12 hexadecimal digits)");
  }
  const std::string id = absl::AsciiStrToLower(statement_id);
  std::optional<StoredXapiStatement> found;
  WP_RETURN_IF_ERROR(db_.Read([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(found, FindStatement(tx, id));
    return absl::OkStatus();
  }));
  if (!found.has_value()) return absl::NotFoundError(absl::StrCat("statement_id: no statement ", id));
  return *std::move(found);
}

}  // namespace wp::westos
