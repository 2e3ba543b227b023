#include "libs/changes/change_feed.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/changes/change_rows.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/outbox.h"

namespace wp::changes {
namespace {

namespace v1 = wp::common::v1;

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

// The position is older than the oldest held: the client must copy the data
// again. FAILED_PRECONDITION, with the same words as a field violation on
// after_position so that any gRPC client can show them.
absl::Status PrunedError(int64_t after, int64_t oldest) {
  const std::string why = absl::StrCat(
      "position ", after, " is no longer held: the oldest position held is ", oldest,
      "; copy the data again from the List RPCs and follow from GetChangeFeedBounds' newest_position");
  absl::Status field = InvalidField("after_position", why);
  absl::Status status = absl::FailedPreconditionError(field.message());
  if (auto payload = field.GetPayload(kBadRequestTypeUrl); payload.has_value()) {
    status.SetPayload(kBadRequestTypeUrl, *payload);
  }
  return status;
}

}  // namespace

ChangeFeed::ChangeFeed(store::Database& db, ChangeFeedOptions options)
    : db_(db), options_(std::move(options)) {}

absl::StatusOr<ChangeFeed::Filter> ChangeFeed::FilterOf(
    const google::protobuf::RepeatedPtrField<std::string>& types) const {
  FieldViolations violations;
  std::set<std::string> wanted;
  for (int i = 0; i < types.size(); ++i) {
    const std::string& type = types[i];
    const std::string field = absl::StrCat("entity_types[", i, "]");
    if (!IsEntityTypeName(type)) {
      violations.Add(field, absl::StrCat("\"", type, "\" is not an entity type (lower-case, e.g. plan_item)"));
    } else if (!options_.entity_types.empty() && options_.entity_types.count(type) == 0) {
      violations.Add(field, absl::StrCat("\"", type, "\" is not an entity type of ", options_.service,
                                         " (", absl::StrJoin(options_.entity_types, ", "), ")"));
    } else {
      wanted.insert(type);
    }
  }
  WP_RETURN_IF_ERROR(violations.ToStatus());
  Filter filter;
  for (const std::string& type : wanted) {
    filter.subject_prefixes.push_back(absl::StrCat("wp.", options_.service, ".", type, "."));
  }
  filter.key = absl::StrJoin(wanted, ",");
  return filter;
}

absl::StatusOr<ChangeFeed::Page> ChangeFeed::ReadPage(int64_t after, const Filter& filter,
                                                      int page_size, bool check_newest) const {
  Page page;
  std::vector<store::OutboxMessage> rows;
  store::OutboxBounds bounds;
  // One snapshot: the bounds and the rows agree.
  WP_RETURN_IF_ERROR(db_.Read([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(bounds, store::ReadOutboxBounds(tx));
    if (check_newest && after > bounds.newest) return absl::OkStatus();
    if (after + 1 < bounds.oldest) return absl::OkStatus();
    WP_ASSIGN_OR_RETURN(rows, store::ReadOutboxAfter(tx, after, filter.subject_prefixes, page_size + 1));
    return absl::OkStatus();
  }));
  if (check_newest && after > bounds.newest) {
    return InvalidField("after_position", absl::StrCat("position ", after, " is beyond the newest position (",
                                                       bounds.newest, "): it was never written here"));
  }
  if (after + 1 < bounds.oldest) return PrunedError(after, bounds.oldest);

  std::vector<v1::Change> fetched;
  fetched.reserve(rows.size());
  for (const store::OutboxMessage& row : rows) {
    WP_ASSIGN_OR_RETURN(v1::Change change, ChangeOf(row));
    fetched.push_back(std::move(change));
  }
  const int shown = paging::PageCount(fetched, page_size);
  page.more = static_cast<int>(fetched.size()) > shown;
  fetched.resize(shown);
  page.changes = std::move(fetched);
  // Everything up to the newest was looked at unless the page stopped early.
  page.resume_position = page.more ? page.changes.back().position() : std::max(after, bounds.newest);
  return page;
}

absl::StatusOr<v1::ListChangesResponse> ChangeFeed::List(const v1::ListChangesRequest& request) const {
  FieldViolations violations;
  absl::StatusOr<int> page_size = paging::PageSize(request.page_size(), kDefaultPageSize, kMaxPageSize);
  if (!page_size.ok()) AddViolationsOf(page_size.status(), &violations, "page_size");
  if (request.after_position() < 0) violations.Add("after_position", "must not be negative (0 is the start)");
  absl::StatusOr<Filter> filter = FilterOf(request.entity_types());
  if (!filter.ok()) AddViolationsOf(filter.status(), &violations, "entity_types");
  int64_t after = request.after_position();
  absl::StatusOr<std::vector<std::string>> token = paging::DecodePageToken(request.page_token(), 2);
  if (!token.ok()) {
    AddViolationsOf(token.status(), &violations, "page_token");
  } else if (!token->empty()) {
    if (!absl::SimpleAtoi((*token)[0], &after) || after < 0) {
      violations.Add("page_token", "is not a token this service returned");
    } else if (filter.ok() && (*token)[1] != filter->key) {
      violations.Add("page_token", "was made for other entity_types: send the same filter with it");
    }
  }
  WP_RETURN_IF_ERROR(violations.ToStatus());

  WP_ASSIGN_OR_RETURN(Page page, ReadPage(after, *filter, *page_size, /*check_newest=*/true));
  v1::ListChangesResponse response;
  for (v1::Change& change : page.changes) *response.add_changes() = std::move(change);
  response.set_resume_position(page.resume_position);
  response.set_store_id(options_.store_id);
  if (page.more) {
    response.set_next_page_token(
        paging::EncodePageToken({absl::StrCat(page.resume_position), filter->key}));
  }
  return response;
}

absl::StatusOr<v1::ChangeFeedBounds> ChangeFeed::Bounds() const {
  store::OutboxBounds bounds;
  WP_RETURN_IF_ERROR(db_.Read([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(bounds, store::ReadOutboxBounds(tx));
    return absl::OkStatus();
  }));
  v1::ChangeFeedBounds out;
  out.set_oldest_position(bounds.oldest);
  out.set_newest_position(bounds.newest);
  out.set_retention_events(options_.retention_events);
  out.set_store_id(options_.store_id);
  return out;
}

absl::Status ChangeFeed::Watch(const v1::WatchChangesRequest& request, const WriteFn& write,
                               const CancelledFn& cancelled) {
  FieldViolations violations;
  if (!request.has_after_position()) {
    violations.Add("after_position",
                   "is required: 0 for the start of the feed, or the resume_position last received");
  } else if (request.after_position() < 0) {
    violations.Add("after_position", "must not be negative (0 is the start)");
  }
  absl::StatusOr<Filter> filter = FilterOf(request.entity_types());
  if (!filter.ok()) AddViolationsOf(filter.status(), &violations, "entity_types");
  WP_RETURN_IF_ERROR(violations.ToStatus());

  int64_t position = request.after_position();
  bool first = true;
  absl::Time last_sent = absl::Now();
  while (true) {
    uint64_t seen;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return absl::OkStatus();
      seen = commits_;  // read before the rows: a commit after this wakes the wait below
    }
    if (cancelled()) return absl::CancelledError("the client cancelled the watch");
    WP_ASSIGN_OR_RETURN(Page page, ReadPage(position, *filter, kMaxPageSize, /*check_newest=*/first));
    first = false;
    position = page.resume_position;
    if (!page.changes.empty()) {
      v1::WatchChangesResponse response;
      for (v1::Change& change : page.changes) *response.add_changes() = std::move(change);
      response.set_resume_position(position);
      response.set_store_id(options_.store_id);
      if (!write(response)) return absl::CancelledError("the client went away");
      last_sent = absl::Now();
      if (page.more) continue;
    }
    const absl::Time heartbeat_at = last_sent + options_.heartbeat_interval;
    const absl::Time wake_at = std::min(absl::Now() + options_.poll_interval, heartbeat_at);
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_until(lock, absl::ToChronoTime(wake_at), [&] { return closed_ || commits_ != seen; });
      if (closed_) return absl::OkStatus();
    }
    if (absl::Now() >= heartbeat_at) {
      v1::WatchChangesResponse heartbeat;
      heartbeat.set_resume_position(position);
      heartbeat.set_store_id(options_.store_id);
      if (!write(heartbeat)) return absl::CancelledError("the client went away");
      last_sent = absl::Now();
    }
  }
}

void ChangeFeed::Notify() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++commits_;
  }
  cv_.notify_all();
}

void ChangeFeed::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

bool ChangeFeed::closed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

}  // namespace wp::changes
