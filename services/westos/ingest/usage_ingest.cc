#include "services/westos/ingest/usage_ingest.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/calendar/dates.h"
#include "libs/region/authorities.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/ingest/event_keys.h"
#include "services/westos/ingest/usage_event_store.h"
#include "services/westos/rollups/periods.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {
namespace {

void Count(IngestTotals& totals, Outcome outcome) {
  switch (outcome) {
    case Outcome::kAccepted: ++totals.accepted; break;
    case Outcome::kDuplicate: ++totals.duplicates; break;
    case Outcome::kConflict: ++totals.conflicts; break;
    case Outcome::kRejected: ++totals.rejected; break;
  }
}

ItemResult Repeat(const std::string& event_id, bool same_content, absl::string_view where, bool retracted) {
  if (!same_content) {
    return {event_id, Outcome::kConflict, "event_id",
            absl::StrCat("already received ", where, " with different content; the first is kept")};
  }
  return {event_id, Outcome::kDuplicate, "",
          absl::StrCat("already received ", where, retracted ? " and since retracted" : "")};
}

StoredEvent ToStored(const UsageEvent& e, int64_t key, int64_t digest, int64_t user_num, int64_t establishment_num,
                     int64_t content_num) {
  StoredEvent s;
  s.key = key;
  s.event_id = e.event_id;
  s.digest = digest;
  s.day = DayNumberOf(e.occurred_at);
  s.occurred_us = absl::ToUnixMicros(e.occurred_at);
  s.user_num = user_num;
  s.role = static_cast<int>(e.role);
  s.authority = region::AuthorityNumber(e.authority);
  s.establishment_num = establishment_num;
  s.sector = static_cast<int>(e.sector);
  s.simd = e.simd;
  s.content_num = content_num;
  s.action = static_cast<int>(e.action);
  s.seconds = e.seconds;
  s.rating = e.rating;
  return s;
}

v1::UsageIngested::DayCount DayCountOf(int32_t day, int64_t count) {
  v1::UsageIngested::DayCount out;
  *out.mutable_day() = calendar::FromCivilDay(CivilDayOf(day));
  out.set_accepted(count);
  return out;
}

// Chooses the key of each new candidate and settles the ones already
// stored. Keys taken earlier in the batch count as taken.
class KeyAssigner {
 public:
  KeyAssigner(store::Transaction& tx, EventLocator& locator, absl::flat_hash_map<int64_t, KnownEvent> known)
      : tx_(tx), locator_(locator), known_(std::move(known)) {}

  // The stored event with this id, if any; else sets *free_key.
  absl::StatusOr<std::optional<KnownEvent>> Find(const std::string& event_id, int64_t key, int64_t* free_key) {
    auto it = known_.find(key);
    if (it == known_.end() && !taken_.contains(key)) {
      *free_key = key;
      return std::nullopt;
    }
    if (it != known_.end() && it->second.event_id == event_id) return it->second;
    // Another id holds this key (a hash collision): look through the probe range.
    WP_ASSIGN_OR_RETURN(std::vector<KnownEvent> near, locator_.FindNearKey(tx_, key));
    absl::flat_hash_set<int64_t> used;
    for (const KnownEvent& k : near) {
      if (k.event_id == event_id) return k;
      used.insert(k.key);
    }
    for (int64_t probe = key; probe < key + kKeyProbes; ++probe) {
      if (!used.contains(probe) && !taken_.contains(probe)) {
        *free_key = probe;
        return std::nullopt;
      }
    }
    return absl::InternalError(absl::StrCat("no free key near ", key, " for event id ", event_id));
  }

  void Take(int64_t key) { taken_.insert(key); }

 private:
  store::Transaction& tx_;
  EventLocator& locator_;
  absl::flat_hash_map<int64_t, KnownEvent> known_;
  absl::flat_hash_set<int64_t> taken_;
};

}  // namespace

void IngestTotals::Add(const IngestTotals& o) {
  accepted += o.accepted;
  duplicates += o.duplicates;
  conflicts += o.conflicts;
  rejected += o.rejected;
}

absl::StatusOr<BatchResult> UsageIngest::Ingest(const server::Caller& caller, const std::vector<IngestItem>& items,
                                                const PreparedBatch& prepared) {
  // Hashing and checks within the batch were done before taking the writer,
  // so that streams overlap them.
  PreparedBatch stored;
  std::vector<std::pair<int64_t, int64_t>> added;
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
    stored = prepared;  // the body may run again (PostgreSQL)
    added.clear();
    return StoreIn(tx, caller, items, stored, &added);
  }));
  locator_.Learn(added);
  return Finish(std::move(stored));
}

absl::StatusOr<BatchResult> UsageIngest::IngestIn(store::Transaction& tx, const server::Caller& caller,
                                                  const std::vector<IngestItem>& items) {
  PreparedBatch prepared = Prepare(items);
  std::vector<std::pair<int64_t, int64_t>> added;
  WP_RETURN_IF_ERROR(StoreIn(tx, caller, items, prepared, &added));
  // Not learned: the caller's transaction may yet roll back; the next
  // write's catch-up reads these rows if it commits.
  return Finish(std::move(prepared));
}

UsageIngest::PreparedBatch UsageIngest::Prepare(const std::vector<IngestItem>& items) {
  PreparedBatch prepared;
  BatchResult& batch = prepared.batch;
  batch.results.resize(items.size());
  // Rejections and repeats within the batch need no store.
  std::vector<Candidate> candidates;
  absl::flat_hash_map<absl::string_view, const Candidate*> first_of_id;
  candidates.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const IngestItem& item = items[i];
    if (!item.event.has_value()) {
      batch.results[i] = {item.event_id, Outcome::kRejected, item.field, item.reason};
      continue;
    }
    const int64_t digest = static_cast<int64_t>(UsageEventDigest(*item.event));
    candidates.push_back({i, EventKey(item.event->event_id), digest});
  }
  std::vector<Candidate>& unique = prepared.unique;
  unique.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    const std::string& id = items[c.index].event->event_id;
    auto [it, inserted] = first_of_id.try_emplace(id, &c);
    if (inserted) {
      unique.push_back(c);
    } else {
      batch.results[c.index] = Repeat(id, it->second->digest == c.digest, "earlier in this batch", false);
    }
  }

  return prepared;
}

absl::Status UsageIngest::StoreIn(store::Transaction& tx, const server::Caller& caller,
                                  const std::vector<IngestItem>& items, PreparedBatch& prepared,
                                  std::vector<std::pair<int64_t, int64_t>>* added) {
  BatchResult& batch = prepared.batch;
  const std::vector<Candidate>& unique = prepared.unique;
  std::vector<int64_t> keys;
  keys.reserve(unique.size());
  for (const Candidate& c : unique) keys.push_back(c.key);
  WP_ASSIGN_OR_RETURN(std::vector<KnownEvent> found, locator_.FindByKeys(tx, keys));
  absl::flat_hash_map<int64_t, KnownEvent> known;
  for (KnownEvent& k : found) known.emplace(k.key, std::move(k));
  KeyAssigner assigner(tx, locator_, std::move(known));

  // Settle every candidate: a repeat of a stored event, or new with its key.
  std::vector<std::pair<const Candidate*, int64_t>> fresh;
  std::vector<std::string> users, establishments, contents;
  for (const Candidate& c : unique) {
    const UsageEvent& e = *items[c.index].event;
    int64_t free_key = 0;
    WP_ASSIGN_OR_RETURN(std::optional<KnownEvent> stored, assigner.Find(e.event_id, c.key, &free_key));
    if (stored.has_value()) {
      batch.results[c.index] = Repeat(e.event_id, stored->digest == c.digest, "before", stored->retracted);
      continue;
    }
    assigner.Take(free_key);
    fresh.push_back({&c, free_key});
    users.push_back(e.user_id);
    if (!e.establishment.empty()) establishments.push_back(e.establishment);
    contents.push_back(e.content_id);
  }
  WP_ASSIGN_OR_RETURN(auto user_nums, NumberTexts(tx, kUsers, users));
  WP_ASSIGN_OR_RETURN(auto establishment_nums, NumberTexts(tx, kEstablishments, establishments));
  WP_ASSIGN_OR_RETURN(auto content_nums, NumberTexts(tx, kContent, contents));

  std::vector<StoredEvent> rows;
  rows.reserve(fresh.size());
  absl::flat_hash_map<int32_t, int64_t> per_day;
  for (const auto& [c, key] : fresh) {
    const UsageEvent& e = *items[c->index].event;
    const int64_t establishment = e.establishment.empty() ? 0 : establishment_nums.at(e.establishment);
    rows.push_back(ToStored(e, key, c->digest, user_nums.at(e.user_id), establishment, content_nums.at(e.content_id)));
    ++per_day[rows.back().day];
    batch.results[c->index] = {e.event_id, Outcome::kAccepted, "", ""};
  }
  const std::optional<int64_t> first_seq = locator_.FirstNewSeq();
  WP_RETURN_IF_ERROR(InsertEvents(tx, rows, first_seq));
  if (first_seq.has_value()) {
    for (size_t i = 0; i < rows.size(); ++i) added->push_back({rows[i].key, *first_seq + static_cast<int64_t>(i)});
  }
  if (rows.empty()) return absl::OkStatus();
  WP_RETURN_IF_ERROR(RecordDayChanges(tx, per_day));
  v1::UsageIngested event;
  event.set_accepted(static_cast<int64_t>(rows.size()));
  for (const auto& [day, count] : per_day) *event.add_days() = DayCountOf(day, count);
  return EmitEvent(tx, caller, "usage", "ingested", "usage", event).status();
}

BatchResult UsageIngest::Finish(PreparedBatch prepared) {
  BatchResult batch = std::move(prepared.batch);
  for (const ItemResult& r : batch.results) Count(batch.totals, r.outcome);
  return batch;
}

absl::StatusOr<RetractionResult> UsageIngest::Retract(const server::Caller& caller,
                                                      const std::vector<std::string>& event_ids,
                                                      const std::string& reason) {
  RetractionResult result;
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(result, RetractIn(tx, caller, event_ids, reason));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<RetractionResult> UsageIngest::RetractIn(store::Transaction& tx, const server::Caller& caller,
                                                        const std::vector<std::string>& event_ids,
                                                        const std::string& reason) {
  RetractionResult result;
  absl::Status written = [&]() -> absl::Status {
    result.states.assign(event_ids.size(), RetractionState::kNotFound);
    absl::flat_hash_map<int32_t, int64_t> per_day;
    for (size_t i = 0; i < event_ids.size(); ++i) {
      WP_ASSIGN_OR_RETURN(std::vector<KnownEvent> near, locator_.FindNearKey(tx, EventKey(event_ids[i])));
      for (const KnownEvent& k : near) {
        if (k.event_id != event_ids[i]) continue;
        if (k.purged) {
          result.states[i] = RetractionState::kPurged;
          continue;
        }
        WP_ASSIGN_OR_RETURN(bool changed, MarkRetracted(tx, k.seq));
        result.states[i] = changed ? RetractionState::kRetracted : RetractionState::kAlreadyRetracted;
        if (changed) {
          --per_day[k.day];
          ++result.retracted;
        }
      }
    }
    if (result.retracted == 0) return absl::OkStatus();
    WP_RETURN_IF_ERROR(RecordDayChanges(tx, per_day));
    v1::UsageRetracted event;
    event.set_retracted(result.retracted);
    event.set_reason(reason);
    for (const auto& [day, delta] : per_day) *event.add_days() = DayCountOf(day, -delta);
    return EmitEvent(tx, caller, "usage", "retracted", "usage", event).status();
  }();
  WP_RETURN_IF_ERROR(written);
  return result;
}

}  // namespace wp::westos
