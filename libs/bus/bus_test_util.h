// Test-only helpers shared by the bus tests: polling with a generous
// deadline, reading a stream back, a SQLite database in a temp folder, and
// cnats' library shutdown at the end of each test binary.
//
// Not thread-safe beyond what each helper says; used from the test thread.
#ifndef WP_LIBS_BUS_BUS_TEST_UTIL_H_
#define WP_LIBS_BUS_BUS_TEST_UTIL_H_

#include <nats/nats.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "libs/bus/nats_connection.h"
#include "libs/bus/nats_status.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/server_process.h"

namespace wp::bus::test_util {

// Generous on purpose: CI machines are slow, and nothing here asserts time.
inline constexpr absl::Duration kPatience = absl::Seconds(20);

// Polls `done` until it returns true; false after `timeout`.
inline bool Eventually(const std::function<bool()>& done, absl::Duration timeout = kPatience) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    if (done()) return true;
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(10));
  }
}

struct StoredMessage {
  uint64_t sequence = 0;
  std::string subject;
  std::string msg_id;  // Nats-Msg-Id header
  std::string traceparent;  // traceparent header
  std::string data;
};

inline absl::StatusOr<uint64_t> StreamMessageCount(NatsConnection& conn,
                                                   const std::string& stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, conn.jetstream(), stream.c_str(), nullptr, &err);
  if (s != NATS_OK) return FromNats(s, "stream info", err);
  uint64_t n = info->State.Msgs;
  jsStreamInfo_Destroy(info);
  return n;
}

// Every message of the stream, in stream order.
inline absl::StatusOr<std::vector<StoredMessage>> ReadStream(NatsConnection& conn,
                                                             const std::string& stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, conn.jetstream(), stream.c_str(), nullptr, &err);
  if (s != NATS_OK) return FromNats(s, "stream info", err);
  const uint64_t first = info->State.FirstSeq;
  const uint64_t last = info->State.LastSeq;
  const uint64_t count = info->State.Msgs;
  jsStreamInfo_Destroy(info);
  std::vector<StoredMessage> out;
  if (count == 0) return out;
  for (uint64_t seq = first; seq <= last; ++seq) {
    natsMsg* msg = nullptr;
    s = js_GetMsg(&msg, conn.jetstream(), stream.c_str(), seq, nullptr, &err);
    if (s != NATS_OK) return FromNats(s, absl::StrCat("get message ", seq), err);
    StoredMessage m;
    m.sequence = seq;
    m.subject = natsMsg_GetSubject(msg);
    const char* id = nullptr;
    if (natsMsgHeader_Get(msg, "Nats-Msg-Id", &id) == NATS_OK && id != nullptr) m.msg_id = id;
    const char* tp = nullptr;
    if (natsMsgHeader_Get(msg, "traceparent", &tp) == NATS_OK && tp != nullptr) m.traceparent = tp;
    m.data.assign(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
    out.push_back(std::move(m));
  }
  return out;
}

inline std::unique_ptr<store::Database> OpenTestDatabase(
    const std::vector<store::Migration>& migrations = {}) {
  const std::string path = wp::testing::MakeTempDir("wp-bus") + "/test.db";
  absl::StatusOr<std::unique_ptr<store::Database>> db = store::OpenSqlite({path, 2}, migrations);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

inline NatsOptions TestNatsOptions(const wp::testing::NatsServer& server, const std::string& name) {
  NatsOptions o;
  o.url = server.url();
  o.name = name;
  o.reconnect_wait = absl::Milliseconds(100);
  return o;
}

// Releases cnats' threads once every test of the binary has run, so leak
// checkers and sanitizers see a clean exit.
class NatsLibraryEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { EXPECT_TRUE(ShutdownNatsLibrary().ok()); }
};

inline ::testing::Environment* const kNatsLibraryEnvironment =
    ::testing::AddGlobalTestEnvironment(new NatsLibraryEnvironment);

}  // namespace wp::bus::test_util

#endif  // WP_LIBS_BUS_BUS_TEST_UTIL_H_
