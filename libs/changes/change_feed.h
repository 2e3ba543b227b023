// The change feed of one service: every change it committed, in order, read
// from its outbox (libs/store/outbox.h), for systems that keep a copy of its
// data. See proto/wp/common/v1/changes.proto for the API and docs/api.md for
// the semantics (positions, retention, tombstones, errors).
//
//   ChangeFeed feed(db, {.service = "workstreams", .entity_types = {...}});
//   db.SetCommitListener([&] { feed.Notify(); });  // the runtime does this
//   feed.List(request);                            // a page
//   feed.Watch(request, write, cancelled);         // blocks, streaming
//   feed.Close();                                  // before the server drains
//
// Thread-safety: thread-safe. Watch() blocks its calling thread until the
// client goes, the write fails, or Close() is called; Notify() and Close()
// never block for long and may be called from any thread (Notify() from the
// commit listener).
#ifndef WP_LIBS_CHANGES_CHANGE_FEED_H_
#define WP_LIBS_CHANGES_CHANGE_FEED_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/common/v1/changes.pb.h"

namespace wp::changes {

struct ChangeFeedOptions {
  // The service whose events these are ("workstreams"): event types are
  // wp.<service>.<entity>.<verb>.
  std::string service;
  // The entity types a filter may name; any well-formed name when empty.
  std::set<std::string> entity_types;
  // The store's identity (store::StoreIdentity), sent with every answer: a
  // store restored from a backup has a new one, and its positions start
  // again from the backup's.
  std::string store_id;
  // Reported by GetChangeFeedBounds: at least this many of the newest
  // changes are kept (the relay's pruning; -1 keeps all).
  int64_t retention_events = 100000;
  // A watch with nothing to send sends an empty message this often, so that
  // a client that has gone is noticed (the write fails) and a client can
  // tell a quiet feed from a dead connection.
  absl::Duration heartbeat_interval = absl::Seconds(30);
  // A watch also looks for new changes this often in case a Notify() was
  // missed (a row written by another process), and checks its client.
  absl::Duration poll_interval = absl::Seconds(1);
};

class ChangeFeed {
 public:
  // Sends one message of a watch; false when the client is gone.
  using WriteFn = std::function<bool(const wp::common::v1::WatchChangesResponse&)>;
  // True once the client has cancelled the call.
  using CancelledFn = std::function<bool()>;

  // `db` must outlive the feed.
  ChangeFeed(store::Database& db, ChangeFeedOptions options);
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;

  // One page of changes after request.after_position (or the page token).
  // INVALID_ARGUMENT naming the field for a negative position, a position
  // beyond the newest, a bad page token or an unknown entity type;
  // FAILED_PRECONDITION when the position was pruned (the message and the
  // field violation on after_position give the oldest position held).
  absl::StatusOr<wp::common::v1::ListChangesResponse> List(
      const wp::common::v1::ListChangesRequest& request) const;

  // The oldest and newest positions held, and the retention.
  absl::StatusOr<wp::common::v1::ChangeFeedBounds> Bounds() const;

  // Sends what is stored after request.after_position, then each change as
  // it is committed, and a heartbeat when quiet. Returns OK when Close() was
  // called (the server is shutting down), CANCELLED when the client went
  // away, and the errors of List() (checked first, and again as it reads:
  // a client slower than the retention gets FAILED_PRECONDITION).
  absl::Status Watch(const wp::common::v1::WatchChangesRequest& request, const WriteFn& write,
                     const CancelledFn& cancelled);

  // New changes were committed: wakes every watch.
  void Notify();
  // Ends every watch (now and later) promptly; for shutdown.
  void Close();
  bool closed() const;

 private:
  struct Page {
    std::vector<wp::common::v1::Change> changes;
    int64_t resume_position = 0;
    bool more = false;  // more changes (of the filter) follow
  };
  struct Filter {
    std::vector<std::string> subject_prefixes;  // empty: every change
    std::string key;                            // sorted types, for page tokens
  };

  absl::StatusOr<Filter> FilterOf(const google::protobuf::RepeatedPtrField<std::string>& types) const;
  // Changes after `after`, at most `page_size` (and kMaxPageBytes). When
  // `check_newest`, a position beyond the newest is INVALID_ARGUMENT.
  absl::StatusOr<Page> ReadPage(int64_t after, const Filter& filter, int page_size,
                                bool check_newest) const;

  store::Database& db_;
  const ChangeFeedOptions options_;

  // std primitives rather than absl::Mutex so ThreadSanitizer (which cannot
  // see inside the prebuilt absl library) can check this class.
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t commits_ = 0;  // guarded by mu_: Notify() calls so far
  bool closed_ = false;   // guarded by mu_
};

}  // namespace wp::changes

#endif  // WP_LIBS_CHANGES_CHANGE_FEED_H_
