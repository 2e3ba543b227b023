#include "tools/demo/learning_demo.h"

#include <chrono>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/calendar/timestamps.h"
#include "tools/demo/demo_calendar.h"
#include "wp/learning/v1/evaluations.grpc.pb.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/registrations.grpc.pb.h"

namespace wp::demo {
namespace {

namespace v1 = learning_v1;

constexpr char kProgrammeId[] = "improving-our-classrooms";

struct DemoPractitioner {
  const char* id;
  const char* authority;
  const char* establishment;
  v1::Sector sector;
  v1::PractitionerRole role;
};

constexpr DemoPractitioner kPractitioners[] = {
    {"GCC-T1001", "GCC", "GCC-PS-014", v1::PRIMARY, v1::CLASS_TEACHER},
    {"GCC-T1002", "GCC", "GCC-SS-003", v1::SECONDARY, v1::MIDDLE_LEADER},
    {"GCC-T1003", "GCC", "GCC-SS-003", v1::SECONDARY, v1::CLASS_TEACHER},
    {"NLC-T2001", "NLC", "NLC-PS-022", v1::PRIMARY, v1::DEPUTY_HEADTEACHER},
    {"NLC-T2002", "NLC", "NLC-PS-022", v1::PRIMARY, v1::CLASS_TEACHER},
    {"SLC-T3001", "SLC", "SLC-SS-007", v1::SECONDARY, v1::MIDDLE_LEADER},
    {"SLC-T3002", "SLC", "SLC-SS-007", v1::SECONDARY, v1::CLASS_TEACHER},
    {"REN-T4001", "REN", "REN-SS-002", v1::SECONDARY, v1::CLASS_TEACHER},
    {"EDC-T5001", "EDC", "EDC-SS-004", v1::SECONDARY, v1::HEADTEACHER},
    {"WDC-T6001", "WDC", "WDC-EY-011", v1::EARLY_YEARS, v1::EARLY_YEARS_PRACTITIONER},
};

// Knowledge, understanding, confidence; then (post only) rating and impact.
struct Answer {
  const char* practitioner;
  v1::Stage stage;
  int knowledge, understanding, confidence, rating, impact;
};

// Session 1's answers: docs/learning.md works the figures out from these.
constexpr Answer kSession1Answers[] = {
    {"GCC-T1001", v1::PRE, 2, 2, 2, 0, 0},  {"GCC-T1002", v1::PRE, 3, 3, 3, 0, 0},
    {"GCC-T1003", v1::PRE, 3, 3, 2, 0, 0},  {"NLC-T2001", v1::PRE, 2, 2, 3, 0, 0},
    {"SLC-T3001", v1::PRE, 1, 2, 2, 0, 0},  {"REN-T4001", v1::PRE, 3, 2, 3, 0, 0},
    {"GCC-T1001", v1::POST, 4, 3, 3, 5, 4}, {"GCC-T1002", v1::POST, 4, 4, 3, 4, 4},
    {"GCC-T1003", v1::POST, 3, 4, 4, 5, 5}, {"NLC-T2001", v1::POST, 3, 3, 2, 5, 3},
    {"SLC-T3001", v1::POST, 3, 2, 3, 3, 3}, {"EDC-T5001", v1::POST, 4, 4, 4, 4, 4},
};

std::string Practitioner(const std::string& id) { return "practitioners/" + id; }

v1::ScheduleEventRequest Schedule(const std::string& id, const std::string& title, absl::CivilDay day, int capacity,
                                  v1::EventFormat format, v1::Delivery delivery, bool in_programme) {
  v1::ScheduleEventRequest request;
  request.set_event_id(id);
  v1::LearningEvent* e = request.mutable_event();
  e->set_title(title);
  if (in_programme) e->set_programme(absl::StrCat("programmes/", kProgrammeId));
  e->set_format(format);
  e->set_delivery(delivery);
  e->add_sectors(v1::PRIMARY);
  e->add_sectors(v1::SECONDARY);
  const absl::Time start = absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), 16, 0, 0),
                                           absl::UTCTimeZone());
  *e->mutable_start_time() = calendar::TimestampOf(start);
  *e->mutable_end_time() = calendar::TimestampOf(start + absl::Hours(2));
  e->set_capacity(capacity);
  e->add_facilitators("Regional improvement team");
  e->set_location(delivery == v1::VIRTUAL ? "Online meeting" : "Regional learning centre");
  return request;
}

DemoSession Session(v1::ScheduleEventRequest schedule, std::vector<std::string> registered,
                    std::vector<std::string> cancelled, const std::vector<std::string>& attended, bool held) {
  DemoSession session;
  session.schedule = std::move(schedule);
  session.registered = std::move(registered);
  session.cancelled = std::move(cancelled);
  session.attendance.set_event("events/" + session.schedule.event_id());
  for (const std::string& id : attended) {
    v1::AttendanceEntry* entry = session.attendance.add_entries();
    entry->set_practitioner(Practitioner(id));
    entry->set_attended(true);
  }
  session.held = held;
  return session;
}

}  // namespace

LearningDemo BuildLearningDemo(absl::CivilDay today) {
  LearningDemo demo;
  demo.programme.set_programme_id(kProgrammeId);
  v1::Programme* p = demo.programme.mutable_programme();
  p->set_title("Improving Our Classrooms");
  p->set_description("Four sessions on questioning, feedback and pace in the classroom, with work between sessions.");
  // Workstream 3 (curriculum and learning, teaching and assessment) of the
  // plan of the load day's session, which the current plan demo creates.
  p->set_workstream(absl::StrCat("planPeriods/", CurrentSession(today), "/workstreams/3"));
  p->set_completion_min_events(3);

  for (const DemoPractitioner& d : kPractitioners) {
    v1::CreatePractitionerRequest request;
    request.set_practitioner_id(d.id);
    request.mutable_practitioner()->set_authority(d.authority);
    request.mutable_practitioner()->set_establishment(d.establishment);
    request.mutable_practitioner()->set_sector(d.sector);
    request.mutable_practitioner()->set_role(d.role);
    demo.practitioners.push_back(request);
  }

  auto session = [&](int n, int days_ago) {
    return Schedule(absl::StrCat("ioc-session-", n), absl::StrCat("Improving Our Classrooms: session ", n),
                    today - days_ago, 8, v1::COURSE_SESSION, v1::IN_PERSON, /*in_programme=*/true);
  };
  // Session 1: ten register for eight places, two wait; SLC-T3002 does not come.
  DemoSession s1 = Session(session(1, 49),
                           {"GCC-T1001", "GCC-T1002", "GCC-T1003", "NLC-T2001", "SLC-T3001", "SLC-T3002", "REN-T4001",
                            "EDC-T5001", "WDC-T6001", "NLC-T2002"},
                           {}, {"GCC-T1001", "GCC-T1002", "GCC-T1003", "NLC-T2001", "SLC-T3001", "REN-T4001", "EDC-T5001"},
                           true);
  for (const Answer& a : kSession1Answers) {
    v1::Evaluation e;
    e.set_event("events/ioc-session-1");
    e.set_practitioner(Practitioner(a.practitioner));
    e.set_stage(a.stage);
    e.set_knowledge(a.knowledge);
    e.set_understanding(a.understanding);
    e.set_confidence(a.confidence);
    e.set_overall_rating(a.rating);
    e.set_expected_impact(a.impact);
    s1.evaluations.push_back(e);
  }
  demo.sessions.push_back(std::move(s1));
  // Session 2: GCC-T1003 does not come; WDC-T6001 walks in.
  demo.sessions.push_back(Session(session(2, 35),
                                  {"GCC-T1001", "GCC-T1002", "GCC-T1003", "NLC-T2001", "SLC-T3001", "SLC-T3002",
                                   "REN-T4001", "EDC-T5001"},
                                  {},
                                  {"GCC-T1001", "GCC-T1002", "NLC-T2001", "SLC-T3001", "SLC-T3002", "REN-T4001",
                                   "EDC-T5001", "WDC-T6001"},
                                  true));
  // Session 3: REN-T4001 cancels after the cut-off (a late cancellation).
  demo.sessions.push_back(Session(
      session(3, 21), {"GCC-T1001", "GCC-T1002", "GCC-T1003", "NLC-T2001", "SLC-T3001", "REN-T4001", "EDC-T5001"},
      {"REN-T4001"}, {"GCC-T1001", "GCC-T1002", "GCC-T1003", "NLC-T2001", "SLC-T3001", "EDC-T5001"}, true));
  // Session 4: SLC-T3002 does not come.
  demo.sessions.push_back(Session(session(4, 7),
                                  {"GCC-T1001", "GCC-T1002", "NLC-T2001", "SLC-T3001", "SLC-T3002", "EDC-T5001"}, {},
                                  {"GCC-T1001", "GCC-T1002", "NLC-T2001", "SLC-T3001", "EDC-T5001"}, true));
  // A conference ahead: three places, five registrations; SLC-T3002's place
  // goes to WDC-T6001, the first waiting.
  demo.sessions.push_back(Session(Schedule("west-conference", "West Partnership learning conference", today + 14, 3,
                                           v1::CONFERENCE, v1::HYBRID, /*in_programme=*/false),
                                  {"GCC-T1003", "SLC-T3002", "REN-T4001", "WDC-T6001", "NLC-T2002"}, {"SLC-T3002"}, {},
                                  false));
  return demo;
}

absl::StatusOr<LearningLoadCounts> LoadLearningDemo(const LearningDemo& demo,
                                                    const std::shared_ptr<grpc::Channel>& channel,
                                                    const std::string& token) {
  auto programmes = v1::ProgrammesService::NewStub(channel);
  auto practitioners = v1::PractitionersService::NewStub(channel);
  auto registrations = v1::RegistrationsService::NewStub(channel);
  auto evaluations = v1::EvaluationsService::NewStub(channel);
  // Each call with the token and a deadline; an error names the step.
  auto call = [&](const std::string& what, const std::function<grpc::Status(grpc::ClientContext*)>& rpc,
                  bool already_fine = true) -> absl::Status {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    grpc::Status s = rpc(&ctx);
    if (s.ok() || (already_fine && s.error_code() == grpc::StatusCode::ALREADY_EXISTS)) return absl::OkStatus();
    return absl::Status(static_cast<absl::StatusCode>(s.error_code()), absl::StrCat(what, ": ", s.error_message()));
  };
  LearningLoadCounts counts;

  // The workstream arrives over the bus: retry while learning has not heard of it.
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (true) {
    v1::Programme made;
    absl::Status s = call("programme", [&](grpc::ClientContext* ctx) {
      return programmes->CreateProgramme(ctx, demo.programme, &made);
    });
    if (s.ok()) break;
    if (s.code() != absl::StatusCode::kFailedPrecondition || absl::Now() > deadline) return s;
    absl::SleepFor(absl::Milliseconds(250));
  }
  for (const v1::CreatePractitionerRequest& request : demo.practitioners) {
    v1::Practitioner made;
    absl::Status s = call("practitioner " + request.practitioner_id(), [&](grpc::ClientContext* ctx) {
      return practitioners->CreatePractitioner(ctx, request, &made);
    });
    if (!s.ok()) return s;
    ++counts.practitioners;
  }
  for (const DemoSession& session : demo.sessions) {
    const std::string event = "events/" + session.schedule.event_id();
    v1::LearningEvent scheduled;
    if (absl::Status s = call(event, [&](grpc::ClientContext* ctx) {
          return programmes->ScheduleEvent(ctx, session.schedule, &scheduled);
        });
        !s.ok()) {
      return s;
    }
    ++counts.events;
    v1::GetEventRequest get_event;
    get_event.set_name(event);
    if (absl::Status s = call(event, [&](grpc::ClientContext* ctx) {
          return programmes->GetEvent(ctx, get_event, &scheduled);
        });
        !s.ok()) {
      return s;
    }
    if (scheduled.status() != v1::SCHEDULED) continue;  // loaded before
    const bool started = absl::Now() > absl::FromUnixSeconds(scheduled.start_time().seconds());
    for (const std::string& id : session.registered) {
      // Registered before (perhaps cancelled since): leave it as it is.
      v1::GetRegistrationRequest get;
      get.set_name(event + "/registrations/" + id);
      v1::Registration existing;
      if (call("registration", [&](grpc::ClientContext* ctx) {
            return registrations->GetRegistration(ctx, get, &existing);
          }).ok()) {
        continue;
      }
      v1::RegisterRequest request;
      request.set_event(event);
      request.set_practitioner(Practitioner(id));
      request.set_after_cutoff(started);
      v1::Registration made;
      if (absl::Status s = call("registration of " + id + " on " + event, [&](grpc::ClientContext* ctx) {
            return registrations->Register(ctx, request, &made);
          });
          !s.ok()) {
        return s;
      }
      ++counts.registrations;
    }
    for (const std::string& id : session.cancelled) {
      v1::CancelRegistrationRequest request;
      request.set_name(event + "/registrations/" + id);
      v1::Registration made;
      if (absl::Status s = call("cancellation of " + id + " on " + event, [&](grpc::ClientContext* ctx) {
            return registrations->CancelRegistration(ctx, request, &made);
          });
          !s.ok()) {
        return s;
      }
    }
    if (session.attendance.entries_size() > 0) {
      v1::RecordAttendanceResponse recorded;
      if (absl::Status s = call("attendance at " + event, [&](grpc::ClientContext* ctx) {
            return registrations->RecordAttendance(ctx, session.attendance, &recorded);
          });
          !s.ok()) {
        return s;
      }
      if (recorded.rejected() > 0) return absl::InternalError(absl::StrCat("attendance at ", event, ": rejected entries"));
      counts.attendance_recorded += recorded.recorded();
    }
    if (session.held) {
      v1::MarkEventHeldRequest request;
      request.set_name(event);
      v1::LearningEvent held;
      if (absl::Status s = call("holding " + event, [&](grpc::ClientContext* ctx) {
            return programmes->MarkEventHeld(ctx, request, &held);
          });
          !s.ok()) {
        return s;
      }
    }
    for (const v1::Evaluation& evaluation : session.evaluations) {
      v1::SubmitEvaluationRequest request;
      *request.mutable_evaluation() = evaluation;
      v1::Evaluation made;
      if (absl::Status s = call("evaluation of " + evaluation.practitioner(), [&](grpc::ClientContext* ctx) {
            return evaluations->SubmitEvaluation(ctx, request, &made);
          });
          !s.ok()) {
        return s;
      }
      ++counts.evaluations;
    }
  }
  return counts;
}

}  // namespace wp::demo
