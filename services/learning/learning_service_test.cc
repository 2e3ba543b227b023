// End to end: the learning binary as a real process on real nats-server,
// redis-server and store (each engine), with the workstreams binary
// publishing the workstream programmes link to. Every call goes through
// gRPC with a test token, as a client's would.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/nats_connection.h"
#include "libs/calendar/timestamps.h"
#include "libs/testing/policy_walk.h"
#include "libs/testing/service_stack.h"
#include "services/learning/access_policy.h"
#include "services/learning/core/events.h"
#include "wp/common/v1/event.pb.h"
#include "wp/learning/v1/evaluations.grpc.pb.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/registrations.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::learning {
namespace {

using wp::testing::Authorize;

constexpr char kWorkstream[] = "planPeriods/2022-23/workstreams/2";

class LearningServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(stack_.StartServers().ok());
    auto workstreams = stack_.StartService(WP_WORKSTREAMS_BIN, GetParam(), "workstreams");
    ASSERT_TRUE(workstreams.ok()) << workstreams.status();
    workstreams_ = *std::move(workstreams);
    auto learning = stack_.StartService(WP_LEARNING_BIN, GetParam(), "learning");
    ASSERT_TRUE(learning.ok()) << learning.status();
    learning_ = *std::move(learning);
    programmes_ = v1::ProgrammesService::NewStub(learning_->channel());
    practitioners_ = v1::PractitionersService::NewStub(learning_->channel());
    registrations_ = v1::RegistrationsService::NewStub(learning_->channel());
    evaluations_ = v1::EvaluationsService::NewStub(learning_->channel());
  }

  void TearDown() override {
    if (learning_) learning_->Stop();
    if (workstreams_) workstreams_->Stop();
    stack_.Stop();
  }

  // The workstream, created in the workstreams service; learning hears of
  // it over the bus.
  void CreateWorkstream() {
    auto stub = workstreams::v1::WorkstreamsService::NewStub(workstreams_->channel());
    grpc::ClientContext ctx;
    Authorize(&ctx, auth::Role::kOfficer, "officer-ann");
    workstreams::v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2022-23");
    request.mutable_workstream()->set_number(2);
    request.mutable_workstream()->set_title("Leadership, Empowerment and Improvement");
    workstreams::v1::Workstream made;
    grpc::Status s = stub->CreateWorkstream(&ctx, request, &made);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(made.name(), kWorkstream);
  }

  // Creates the programme once the workstream's event has arrived.
  v1::Programme CreateProgramme(const std::string& id, int min_events) {
    v1::CreateProgrammeRequest request;
    request.set_programme_id(id);
    request.mutable_programme()->set_title("Leadership Learning Sets");
    request.mutable_programme()->set_workstream(kWorkstream);
    request.mutable_programme()->set_completion_min_events(min_events);
    v1::Programme made;
    grpc::Status last;
    EXPECT_TRUE(bus::test_util::Eventually([&] {
      grpc::ClientContext ctx;
      Authorize(&ctx, auth::Role::kOfficer, "officer-ann");
      last = programmes_->CreateProgramme(&ctx, request, &made);
      return last.error_code() != grpc::StatusCode::FAILED_PRECONDITION;
    })) << "the workstream never reached learning: " << last.error_message();
    EXPECT_TRUE(last.ok()) << last.error_message();
    return made;
  }

  template <typename Call>
  grpc::Status AsOfficer(Call call) {
    grpc::ClientContext ctx;
    Authorize(&ctx, auth::Role::kOfficer, "officer-ann");
    return call(&ctx);
  }

  v1::LearningEvent Schedule(const std::string& id, absl::Time start, int capacity, const std::string& programme) {
    v1::ScheduleEventRequest request;
    request.set_event_id(id);
    v1::LearningEvent* e = request.mutable_event();
    e->set_title("Learning set: leading change");
    e->set_programme(programme);
    e->set_format(v1::LEARNING_SET);
    e->set_delivery(v1::VIRTUAL);
    *e->mutable_start_time() = calendar::TimestampOf(start);
    *e->mutable_end_time() = calendar::TimestampOf(start + absl::Hours(2));
    e->set_capacity(capacity);
    v1::LearningEvent made;
    grpc::Status s = AsOfficer([&](grpc::ClientContext* ctx) { return programmes_->ScheduleEvent(ctx, request, &made); });
    EXPECT_TRUE(s.ok()) << s.error_message();
    return made;
  }

  void AddPractitioner(const std::string& id) {
    v1::CreatePractitionerRequest request;
    request.set_practitioner_id(id);
    request.mutable_practitioner()->set_authority("REN");
    request.mutable_practitioner()->set_sector(v1::SECONDARY);
    request.mutable_practitioner()->set_role(v1::MIDDLE_LEADER);
    v1::Practitioner made;
    grpc::Status s =
        AsOfficer([&](grpc::ClientContext* ctx) { return practitioners_->CreatePractitioner(ctx, request, &made); });
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  v1::Registration Register(const std::string& event, const std::string& practitioner, bool after_cutoff = false) {
    v1::RegisterRequest request;
    request.set_event(event);
    request.set_practitioner("practitioners/" + practitioner);
    request.set_after_cutoff(after_cutoff);
    v1::Registration made;
    grpc::Status s = AsOfficer([&](grpc::ClientContext* ctx) { return registrations_->Register(ctx, request, &made); });
    EXPECT_TRUE(s.ok()) << s.error_message();
    return made;
  }

  // The types of the learning service's events on the bus, once `last_type`
  // has arrived.
  std::vector<std::string> BusTypesUntil(const std::string& last_type) {
    auto connection = bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(stack_.nats(), "learning-test"));
    EXPECT_TRUE(connection.ok()) << connection.status();
    if (!connection.ok()) return {};
    std::vector<std::string> types;
    EXPECT_TRUE(bus::test_util::Eventually([&] {
      auto messages = bus::test_util::ReadStream(**connection, bus::StreamNameFor(kServiceName));
      if (!messages.ok()) return false;
      types.clear();
      for (const auto& m : *messages) {
        wp::common::v1::Event event;
        if (event.ParseFromString(m.data)) types.push_back(event.type());
      }
      return !types.empty() && types.back() == last_type;
    })) << "no " << last_type << " on the bus";
    return types;
  }

  wp::testing::ServiceStack stack_;
  std::unique_ptr<wp::testing::ServiceProcess> workstreams_;
  std::unique_ptr<wp::testing::ServiceProcess> learning_;
  std::unique_ptr<v1::ProgrammesService::Stub> programmes_;
  std::unique_ptr<v1::PractitionersService::Stub> practitioners_;
  std::unique_ptr<v1::RegistrationsService::Stub> registrations_;
  std::unique_ptr<v1::EvaluationsService::Stub> evaluations_;
};

TEST_P(LearningServiceTest, FromScheduleToEvaluationOverGrpcAndTheBus) {
  CreateWorkstream();
  v1::Programme programme = CreateProgramme("leadership-sets", 1);
  ASSERT_EQ(programme.name(), "programmes/leadership-sets");
  // An event that started an hour ago, two places.
  v1::LearningEvent event = Schedule("set-1", absl::Now() - absl::Hours(1), 2, programme.name());
  for (const char* id : {"REN-1", "REN-2", "REN-3"}) AddPractitioner(id);
  EXPECT_EQ(Register(event.name(), "REN-1", true).state(), v1::PLACED);
  EXPECT_EQ(Register(event.name(), "REN-2", true).state(), v1::PLACED);
  v1::Registration waiting = Register(event.name(), "REN-3", true);
  EXPECT_EQ(waiting.state(), v1::WAITING);
  EXPECT_EQ(waiting.waiting_position(), 1);

  // REN-2 cancels (late: after the cut-off); REN-3 is promoted.
  v1::CancelRegistrationRequest cancel;
  cancel.set_name(event.name() + "/registrations/REN-2");
  v1::Registration cancelled;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return registrations_->CancelRegistration(ctx, cancel, &cancelled);
              }).ok());
  EXPECT_TRUE(cancelled.late_cancellation());

  v1::RecordAttendanceRequest attendance;
  attendance.set_event(event.name());
  for (const char* id : {"REN-1", "REN-3"}) {
    v1::AttendanceEntry* entry = attendance.add_entries();
    entry->set_practitioner(std::string("practitioners/") + id);
    entry->set_attended(true);
  }
  v1::RecordAttendanceResponse recorded;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return registrations_->RecordAttendance(ctx, attendance, &recorded);
              }).ok());
  EXPECT_EQ(recorded.recorded(), 2);

  v1::SubmitEvaluationRequest post;
  post.mutable_evaluation()->set_event(event.name());
  post.mutable_evaluation()->set_practitioner("practitioners/REN-1");
  post.mutable_evaluation()->set_stage(v1::POST);
  post.mutable_evaluation()->set_knowledge(4);
  post.mutable_evaluation()->set_understanding(4);
  post.mutable_evaluation()->set_confidence(5);
  post.mutable_evaluation()->set_overall_rating(5);
  post.mutable_evaluation()->set_expected_impact(4);
  v1::Evaluation submitted;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return evaluations_->SubmitEvaluation(ctx, post, &submitted);
              }).ok());

  v1::ListNonRespondersRequest who;
  who.set_event(event.name());
  who.set_stage(v1::POST);
  v1::ListNonRespondersResponse missing;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return evaluations_->ListNonResponders(ctx, who, &missing);
              }).ok());
  EXPECT_EQ(std::vector<std::string>(missing.practitioners().begin(), missing.practitioners().end()),
            std::vector<std::string>{"practitioners/REN-3"});

  EXPECT_EQ(BusTypesUntil("wp.learning.evaluation.submitted"),
            (std::vector<std::string>{
                "wp.learning.programme.created", "wp.learning.event.scheduled", "wp.learning.practitioner.created",
                "wp.learning.practitioner.created", "wp.learning.practitioner.created",
                "wp.learning.registration.created", "wp.learning.registration.created",
                "wp.learning.registration.created", "wp.learning.registration.cancelled",
                "wp.learning.registration.promoted", "wp.learning.attendance.recorded",
                "wp.learning.programme.completed", "wp.learning.programme.completed",
                "wp.learning.evaluation.submitted"}));

  // The programme's figures, as a dashboard reads them.
  auto statistics = v1::StatisticsService::NewStub(learning_->channel());
  grpc::ClientContext ctx;
  Authorize(&ctx, auth::Role::kPartner, "dashboard");
  v1::GetStatisticsRequest request;
  request.set_programme(programme.name());
  v1::Statistics figures;
  grpc::Status s = statistics->GetStatistics(&ctx, request, &figures);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(figures.totals().registered(), 2);  // REN-1, and REN-3 promoted
  EXPECT_EQ(figures.totals().attended(), 2);
  EXPECT_EQ(figures.totals().late_cancellations(), 1);
  EXPECT_EQ(figures.totals().post_responses(), 1);
  EXPECT_EQ(figures.totals().completions(), 2);
  EXPECT_EQ(figures.totals().practitioners_reached(), 2);

  // The same figures as a spreadsheet; the programme's survey summary; one
  // practitioner's attendance.
  grpc::ClientContext export_ctx;
  Authorize(&export_ctx, auth::Role::kPartner, "dashboard");
  v1::ExportStatisticsRequest export_request;
  *export_request.mutable_query() = request;
  v1::ExportStatisticsResponse sheet;
  s = statistics->ExportStatistics(&export_ctx, export_request, &sheet);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(sheet.content_type(), "text/csv; charset=utf-8");
  EXPECT_EQ(sheet.content().rfind("\xEF\xBB\xBFPractitioners,Events,Events held,Registered,", 0), 0u)
      << sheet.content();
  v1::ExportSurveySummaryRequest survey;
  survey.set_programme(programme.name());
  v1::ExportSurveySummaryResponse summary;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return evaluations_->ExportSurveySummary(ctx, survey, &summary);
              }).ok());
  EXPECT_NE(summary.content().find("Responses,Responses after,,,,,,,,1,"), std::string::npos) << summary.content();
  EXPECT_EQ(summary.content().find("REN-"), std::string::npos) << "no practitioner in a survey summary";
  v1::GetPractitionerAttendanceRequest whose;
  whose.set_practitioner("practitioners/REN-1");
  v1::PractitionerAttendance attendance_of;
  ASSERT_TRUE(AsOfficer([&](grpc::ClientContext* ctx) {
                return practitioners_->GetPractitionerAttendance(ctx, whose, &attendance_of);
              }).ok());
  ASSERT_EQ(attendance_of.entries_size(), 1);
  EXPECT_EQ(attendance_of.entries(0).attendance(), v1::ATTENDED);
  ASSERT_EQ(attendance_of.programmes_size(), 1);
  EXPECT_TRUE(attendance_of.programmes(0).completed());

  EXPECT_EQ(learning_->Stop(), 0);  // SIGTERM: drains and exits 0
  learning_.reset();
}

TEST_P(LearningServiceTest, CheckInListAndEvaluationsImportedFromCsv) {
  CreateWorkstream();
  v1::Programme programme = CreateProgramme("leadership-sets", 0);
  v1::LearningEvent event = Schedule("set-2", absl::Now() - absl::Hours(1), 5, programme.name());
  for (const char* id : {"REN-1", "REN-2"}) AddPractitioner(id);
  Register(event.name(), "REN-1", true);

  v1::ImportAttendanceRequest attendance;
  attendance.set_event(event.name());
  attendance.set_content("Practitioner,Attended\r\nREN-1,yes\r\nREN-2,y\r\nREN-9,yes\r\n");
  v1::ImportAttendanceResponse recorded;
  grpc::Status s =
      AsOfficer([&](grpc::ClientContext* ctx) { return registrations_->ImportAttendance(ctx, attendance, &recorded); });
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(recorded.recorded(), 2);  // REN-2 a walk-in
  EXPECT_EQ(recorded.rejected(), 1);
  ASSERT_EQ(recorded.results_size(), 3);
  EXPECT_EQ(recorded.results(2).line(), 4);
  EXPECT_EQ(recorded.results(2).field(), "practitioner");

  v1::ImportEvaluationsRequest post;
  post.set_event(event.name());
  post.set_stage(v1::POST);
  post.set_content(
      "practitioner,knowledge,understanding,confidence,overall_rating,expected_impact,comment\n"
      "REN-1,4,4,5,5,4,\"Clear, useful\"\n"
      "REN-2,4,4,5,9,4,\n");
  v1::ImportEvaluationsResponse submitted;
  s = AsOfficer([&](grpc::ClientContext* ctx) { return evaluations_->ImportEvaluations(ctx, post, &submitted); });
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(submitted.submitted(), 1);
  EXPECT_EQ(submitted.rejected(), 1);
  ASSERT_EQ(submitted.results_size(), 2);
  EXPECT_EQ(submitted.results(1).field(), "overall_rating");

  // A file without its header is refused on `content`, naming the problem.
  post.set_content("REN-1,4,4,5,5,4\n");
  s = AsOfficer([&](grpc::ClientContext* ctx) { return evaluations_->ImportEvaluations(ctx, post, &submitted); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("content"), std::string::npos) << s.error_message();

  // Text not in UTF-8 reaches the service (content is bytes) and is refused naming its line.
  attendance.set_content("practitioner\nREN-\xFF\n");
  s = AsOfficer([&](grpc::ClientContext* ctx) { return registrations_->ImportAttendance(ctx, attendance, &recorded); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("line 2: is not valid UTF-8"), std::string::npos) << s.error_message();

  const std::vector<std::string> types = BusTypesUntil("wp.learning.evaluation.submitted");
  EXPECT_EQ(std::count(types.begin(), types.end(), "wp.learning.attendance.recorded"), 1);
  EXPECT_EQ(std::count(types.begin(), types.end(), "wp.learning.evaluation.submitted"), 1);
}

TEST_P(LearningServiceTest, BadInputIsRefusedWithTheField) {
  v1::ScheduleEventRequest request;
  request.set_event_id("Bad Id");
  request.mutable_event()->set_title("A conference");
  request.mutable_event()->set_capacity(-3);
  v1::LearningEvent made;
  grpc::Status s = AsOfficer([&](grpc::ClientContext* ctx) { return programmes_->ScheduleEvent(ctx, request, &made); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("event_id"), std::string::npos) << s.error_message();
  EXPECT_NE(s.error_message().find("event.capacity"), std::string::npos) << s.error_message();
  EXPECT_FALSE(s.error_details().empty()) << "field violations travel as google.rpc.BadRequest";

  // A request over its declared limits is refused before the service runs.
  v1::RecordAttendanceRequest huge;
  huge.set_event("events/set-1");
  for (int i = 0; i < 5001; ++i) huge.add_entries()->set_practitioner("practitioners/P");
  v1::RecordAttendanceResponse response;
  s = AsOfficer([&](grpc::ClientContext* ctx) { return registrations_->RecordAttendance(ctx, huge, &response); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::GetEventRequest missing;
  missing.set_name("events/none-such");
  s = AsOfficer([&](grpc::ClientContext* ctx) { return programmes_->GetEvent(ctx, missing, &made); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  v1::ExportSurveySummaryRequest both;
  both.set_event("events/set-1");
  both.set_programme("programmes/leadership-sets");
  v1::ExportSurveySummaryResponse summary;
  s = AsOfficer([&](grpc::ClientContext* ctx) { return evaluations_->ExportSurveySummary(ctx, both, &summary); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("event"), std::string::npos) << s.error_message();
}

TEST_P(LearningServiceTest, EveryRpcIsInThePolicyAndEnforced) {
  wp::testing::ExpectEveryRpcGuarded(learning_->channel(),
                                     {"wp.learning.v1.ProgrammesService", "wp.learning.v1.PractitionersService",
                                      "wp.learning.v1.RegistrationsService", "wp.learning.v1.EvaluationsService",
                                      "wp.learning.v1.StatisticsService"},
                                     AccessPolicy());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(LearningServiceTest);

}  // namespace
}  // namespace wp::learning
