// Test-only: the fixture the learning service's domain tests share, on a
// real store of each engine (value-parameterised over testing::Engine). It
// opens the schema, records one workstream and one network as the
// workstreams consumer would, fixes "now", and makes programmes, events
// and practitioners in one line each (failing the test when they cannot).
#ifndef WP_SERVICES_LEARNING_TESTING_LEARNING_FIXTURE_H_
#define WP_SERVICES_LEARNING_TESTING_LEARNING_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "libs/testing/test_store.h"
#include "wp/learning/v1/practitioners.pb.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning::testing {

inline constexpr char kWorkstream[] = "planPeriods/2022-23/workstreams/2";
inline constexpr char kNetwork[] = "networks/headteachers-forum";

class LearningFixture : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override;

  // A programme with the completion rule `min_events` (0: none).
  v1::Programme MakeProgramme(const std::string& id, int min_events = 0);
  // An event starting `starts_in` after now_ (negative: in the past), two
  // hours long, with `capacity` places; of `programme_id` unless empty.
  v1::LearningEvent MakeEvent(const std::string& id, absl::Duration starts_in, int capacity,
                              const std::string& programme_id = "");
  v1::Practitioner MakePractitioner(const std::string& id, const std::string& authority = "GCC",
                                    v1::PractitionerRole role = v1::CLASS_TEACHER);

  // Registers each practitioner (ids) on the event at `at`, past the cut-off
  // too, then records the `attended` ones as attended (the event must have
  // started by now_); fails the test when a call fails.
  void RegisterAndAttend(const std::string& event_id, const std::vector<std::string>& registered,
                         const std::vector<std::string>& attended, absl::Time at);

  // An event as ScheduleEvent takes it (nothing stored).
  v1::LearningEvent EventDraft(absl::Duration starts_in, int capacity) const;

  std::unique_ptr<store::Database> db_;
  server::Caller caller_;
  // 2 March 2026, 09:00 UTC: every test's "now".
  absl::Time now_;
};

}  // namespace wp::learning::testing

#endif  // WP_SERVICES_LEARNING_TESTING_LEARNING_FIXTURE_H_
