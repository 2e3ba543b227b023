// The learning service's demo: the Improving Our Classrooms programme
// (completion: 3 of its 4 sessions) with ten practitioners across the
// authorities, four held sessions in the weeks before `today` with
// registrations, a no-show, a walk-in, a late cancellation, attendance and
// pre/post evaluations, and a conference ahead with a waiting list and a
// promotion. Small on purpose: docs/learning.md works its figures out by
// hand. Dates are relative to `today`; loading again changes nothing.
#ifndef WP_TOOLS_DEMO_LEARNING_DEMO_H_
#define WP_TOOLS_DEMO_LEARNING_DEMO_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "grpcpp/channel.h"
#include "wp/learning/v1/evaluations.pb.h"
#include "wp/learning/v1/practitioners.pb.h"
#include "wp/learning/v1/programmes.pb.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::demo {

namespace learning_v1 = wp::learning::v1;

// One event's story, in the order it is told to the service.
struct DemoSession {
  learning_v1::ScheduleEventRequest schedule;
  // Registered in this order (places first, then the waiting list).
  std::vector<std::string> registered;
  // Cancelled after registering, in this order.
  std::vector<std::string> cancelled;
  // The check-in list (empty for an event still ahead).
  learning_v1::RecordAttendanceRequest attendance;
  bool held = false;
  std::vector<learning_v1::Evaluation> evaluations;
};

struct LearningDemo {
  learning_v1::CreateProgrammeRequest programme;
  std::vector<learning_v1::CreatePractitionerRequest> practitioners;
  std::vector<DemoSession> sessions;
};

LearningDemo BuildLearningDemo(absl::CivilDay today);

struct LearningLoadCounts {
  int practitioners = 0;
  int events = 0;
  int registrations = 0;
  int attendance_recorded = 0;
  int evaluations = 0;
};

// Sends the demo to a learning service at `channel`, skipping what is
// there already. Waits (up to a minute) for the workstream the programme
// links to, which reaches learning over the bus from the workstreams part.
absl::StatusOr<LearningLoadCounts> LoadLearningDemo(const LearningDemo& demo,
                                                    const std::shared_ptr<grpc::Channel>& channel,
                                                    const std::string& token);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_LEARNING_DEMO_H_
