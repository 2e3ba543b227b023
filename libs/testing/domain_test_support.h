// Test-only helpers shared by the unit tests of services' domain
// classes: dates, field names of a status, a caller, and reading the events
// a change wrote to the outbox of a store of either engine.
#ifndef WP_LIBS_TESTING_DOMAIN_TEST_SUPPORT_H_
#define WP_LIBS_TESTING_DOMAIN_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "libs/bus/event_writer.h"
#include "libs/cache/data_generation.h"
#include "libs/server/request_context.h"
#include "libs/status/field_errors.h"
#include "libs/store/database.h"
#include "libs/store/outbox.h"
#include "wp/common/v1/date.pb.h"
#include "wp/common/v1/event.pb.h"

namespace wp::test_support {

inline wp::common::v1::Date Day(int year, int month, int day) {
  wp::common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// Month precision: "June 2019".
inline wp::common::v1::Date Month(int year, int month) { return Day(year, month, 0); }

// The fields an INVALID_ARGUMENT names, in order.
inline std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

// An officer, as the authentication interceptor would admit one.
inline server::Caller OfficerCaller(const std::string& actor, const std::string& trace_id) {
  server::Caller caller;
  caller.actor = actor;
  caller.trace_id = trace_id;
  caller.role = "officer";
  return caller;
}

inline int64_t LastSeq(store::Database& db) {
  auto seq = store::LastOutboxSeq(db);
  EXPECT_TRUE(seq.ok()) << seq.status();
  return seq.ok() ? *seq : -1;
}

// Advances `generation` to the outbox position after every commit to `db`,
// as the service runtime's commit listener does (libs/runtime), for tests
// that run domain classes without the runtime. `db` and `generation` must
// outlive the listener (clear it with db.SetCommitListener(nullptr)).
inline void FollowCommits(store::Database& db, cache::DataGeneration& generation) {
  db.SetCommitListener([&db, &generation] { bus::AdvanceToLastEvent(db, generation); });
}

// Events in the outbox written after position `after`, oldest first; each
// checked to carry its own outbox position and its subject as type.
inline std::vector<wp::common::v1::Event> EventsAfter(store::Database& db, int64_t after) {
  std::vector<wp::common::v1::Event> events;
  auto messages = store::FetchUnsent(db, 100000);
  EXPECT_TRUE(messages.ok()) << messages.status();
  if (!messages.ok()) return events;
  for (const store::OutboxMessage& m : *messages) {
    if (m.seq <= after) continue;
    wp::common::v1::Event event;
    EXPECT_TRUE(event.ParseFromString(m.payload)) << "outbox row " << m.seq;
    EXPECT_EQ(event.source_sequence(), m.seq);
    EXPECT_EQ(event.type(), m.subject);
    events.push_back(event);
  }
  return events;
}

// Follows next_page_token through a List method: `list(request)` answers one
// page (an absl::StatusOr of the response), `keep(page, &items)` takes from it
// what the test compares. Stops after `max_pages`; counts pages in *pages.
template <typename Item, typename Request, typename List, typename Keep>
std::vector<Item> AllPages(Request request, List list, Keep keep, int* pages, int max_pages = 20) {
  std::vector<Item> items;
  *pages = 0;
  do {
    auto page = list(request);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) break;
    keep(*page, &items);
    request.set_page_token(page->next_page_token());
    ++*pages;
  } while (!request.page_token().empty() && *pages < max_pages);
  return items;
}

}  // namespace wp::test_support

#endif  // WP_LIBS_TESTING_DOMAIN_TEST_SUPPORT_H_
