// End-to-end tests of the governance service binary against a real
// nats-server (JetStream), redis-server and store (a SQLite file or a
// PostgreSQL database: each test runs on both), all started here:
// a plan's journey through held meetings with its events on the bus, quorum,
// clear errors, the budget summary served from Redis and never stale,
// nothing acknowledged lost to a crash, and the workstreams service showing
// Board sponsors that came from governance events.
#include <hiredis/hiredis.h>

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/event.pb.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::governance {
namespace {

using bus::test_util::Eventually;
using wp::testing::ServiceOptions;
using wp::testing::ServiceProcess;

constexpr char kStream[] = "WP_GOVERNANCE";

wp::common::v1::Date Day(int y, int m, int d) {
  wp::common::v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

class GovernanceServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    data_dir_ = wp::testing::MakeTempDir("wp-governance");
    // A restarted governance keeps this store.
    absl::StatusOr<std::string> store_url = wp::testing::TestStoreUrl(GetParam(), "governance");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    store_url_ = *store_url;
    governance_ = Start(WP_GOVERNANCE_BIN, data_dir_, store_url_, {"--overdue_check_seconds=1"});
    ASSERT_NE(governance_, nullptr);
    auto connection = bus::NatsConnection::Connect(bus::test_util::TestNatsOptions(nats_, "test-reader"));
    ASSERT_TRUE(connection.ok()) << connection.status();
    reader_ = std::move(*connection);
  }

  void TearDown() override {
    reader_.reset();
    if (workstreams_) workstreams_->Stop();
    if (governance_) governance_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  // `store_url`: "" for SQLite under data_dir (see TestStoreUrl).
  std::unique_ptr<ServiceProcess> Start(const std::string& binary, const std::string& data_dir,
                                        const std::string& store_url, std::vector<std::string> flags = {}) {
    ServiceOptions options;
    options.binary = binary;
    options.data_dir = data_dir;
    options.store_url = store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    options.extra_flags = std::move(flags);
    auto service = std::make_unique<ServiceProcess>(options);
    absl::Status s = service->Start();
    EXPECT_TRUE(s.ok()) << s;
    return s.ok() ? std::move(service) : nullptr;
  }

  static void Prepare(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kOfficer, "integration-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  v1::GovernanceService::Stub& Gov() {
    if (!gov_) gov_ = v1::GovernanceService::NewStub(governance_->channel());
    return *gov_;
  }
  v1::PlansService::Stub& Plans() {
    if (!plans_) plans_ = v1::PlansService::NewStub(governance_->channel());
    return *plans_;
  }
  void Restarted() {
    gov_.reset();
    plans_.reset();
  }

  // Runs one unary call with an officer's token and converts the status.
  template <typename Response, typename Fn>
  absl::StatusOr<Response> Run(Fn fn) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    Response response;
    grpc::Status s = fn(&ctx, &response);
    if (!s.ok()) return FromGrpcStatus(s);
    return response;
  }

  // plans/2022-23/budgetLines/coaching: £50,000 for workstream 2 of 2022-23.
  absl::StatusOr<v1::BudgetLine> CreateCoachingLine() {
    v1::CreateBudgetLineRequest line;
    line.set_parent("plans/2022-23");
    line.set_budget_line_id("coaching");
    line.mutable_budget_line()->set_financial_year("2022-23");
    line.mutable_budget_line()->set_workstream_number(2);
    line.mutable_budget_line()->set_title("Executive coaching");
    line.mutable_budget_line()->set_allocated_pence(5000000);
    line.set_approving_body("bodies/finance-sub-group");
    return Run<v1::BudgetLine>([&](grpc::ClientContext* ctx, v1::BudgetLine* out) {
      return Plans().CreateBudgetLine(ctx, line, out);
    });
  }

  absl::StatusOr<v1::Person> CreatePerson(const std::string& id, const std::string& display_name,
                                          const std::string& authority) {
    v1::CreatePersonRequest request;
    request.set_person_id(id);
    request.mutable_person()->set_display_name(display_name);
    request.mutable_person()->set_authority(authority);
    return Run<v1::Person>([&](grpc::ClientContext* ctx, v1::Person* out) {
      return Gov().CreatePerson(ctx, request, out);
    });
  }

  absl::StatusOr<v1::Membership> Seat(const std::string& body, const std::string& person,
                                      v1::Membership::Role role, const std::string& authority,
                                      bool advisory = false) {
    v1::CreateMembershipRequest request;
    request.set_parent("bodies/" + body);
    request.mutable_membership()->set_person("people/" + person);
    request.mutable_membership()->set_role(role);
    request.mutable_membership()->set_authority(authority);
    request.mutable_membership()->set_advisory(advisory);
    *request.mutable_membership()->mutable_start_date() = Day(2020, 8, 1);
    return Run<v1::Membership>([&](grpc::ClientContext* ctx, v1::Membership* out) {
      return Gov().CreateMembership(ctx, request, out);
    });
  }

  // Five directors on the Board (its quorum) and five conveners on the
  // Committee, the first of them its chair.
  void SeatBoardAndCommittee() {
    const std::vector<std::string> codes = {"EDC", "ERC", "GCC", "INV", "NLC"};
    for (size_t i = 0; i < codes.size(); ++i) {
      const std::string director = absl::StrCat("director-", absl::AsciiStrToLower(codes[i]));
      ASSERT_TRUE(CreatePerson(director, absl::StrCat("Director of Education ", codes[i]), codes[i]).ok());
      ASSERT_TRUE(Seat("board", director, v1::Membership::DIRECTOR, codes[i]).ok());
      const std::string convener = absl::StrCat("convener-", absl::AsciiStrToLower(codes[i]));
      ASSERT_TRUE(CreatePerson(convener, absl::StrCat("Education Convener ", codes[i]), codes[i]).ok());
      ASSERT_TRUE(Seat("regional-education-committee", convener,
                       i == 0 ? v1::Membership::CHAIR : v1::Membership::CONVENER, codes[i])
                      .ok());
    }
  }

  absl::StatusOr<v1::Meeting> Schedule(const std::string& body, const wp::common::v1::Date& day) {
    v1::ScheduleMeetingRequest request;
    request.set_parent("bodies/" + body);
    *request.mutable_meeting()->mutable_meeting_date() = day;
    return Run<v1::Meeting>([&](grpc::ClientContext* ctx, v1::Meeting* out) {
      return Gov().ScheduleMeeting(ctx, request, out);
    });
  }

  absl::StatusOr<v1::Meeting> Hold(const v1::Meeting& meeting, const std::vector<std::string>& present) {
    v1::RecordMeetingHeldRequest request;
    request.set_name(meeting.name());
    for (const std::string& p : present) request.mutable_attendance()->add_present("people/" + p);
    return Run<v1::Meeting>([&](grpc::ClientContext* ctx, v1::Meeting* out) {
      return Gov().RecordMeetingHeld(ctx, request, out);
    });
  }

  absl::StatusOr<v1::Meeting> HeldMeeting(const std::string& body, const std::string& prefix,
                                          const wp::common::v1::Date& day) {
    auto meeting = Schedule(body, day);
    if (!meeting.ok()) return meeting.status();
    std::vector<std::string> present;
    for (const char* code : {"edc", "erc", "gcc", "inv", "nlc"}) present.push_back(prefix + code);
    return Hold(*meeting, present);
  }

  absl::StatusOr<v1::Plan> CreatePlan(const std::string& id, const std::string& span) {
    v1::CreatePlanRequest request;
    request.set_plan_id(id);
    request.mutable_plan()->set_title("Regional Improvement Plan " + span);
    request.mutable_plan()->set_session_span(span);
    int number = 1;
    for (const char* title : {"Wellbeing for Learning", "Leadership, Empowerment and Improvement",
                              "Curriculum and Learning, Teaching and Assessment"}) {
      v1::PlanWorkstream* ws = request.mutable_plan()->add_workstreams();
      ws->set_number(number++);
      ws->set_title(title);
    }
    return Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
      return Plans().CreatePlan(ctx, request, out);
    });
  }

  std::vector<std::string> EventTypes() {
    std::vector<std::string> types;
    auto messages = bus::test_util::ReadStream(*reader_, kStream);
    if (!messages.ok()) return types;
    for (const auto& m : *messages) types.push_back(m.subject);
    return types;
  }

  bool Published(const std::string& type) {
    const std::vector<std::string> types = EventTypes();
    return std::find(types.begin(), types.end(), type) != types.end();
  }

  std::vector<std::string> CachedKeys(const std::string& pattern) {
    std::vector<std::string> keys;
    redisContext* c = redisConnect("127.0.0.1", redis_.port());
    if (c == nullptr || c->err) return keys;
    auto* reply = static_cast<redisReply*>(redisCommand(c, "KEYS %s", pattern.c_str()));
    if (reply && reply->type == REDIS_REPLY_ARRAY) {
      for (size_t i = 0; i < reply->elements; ++i) keys.emplace_back(reply->element[i]->str);
    }
    freeReplyObject(reply);
    redisFree(c);
    return keys;
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::string data_dir_;
  std::string store_url_;  // governance's; "" for SQLite under data_dir_
  std::unique_ptr<ServiceProcess> governance_;
  std::unique_ptr<ServiceProcess> workstreams_;
  std::unique_ptr<bus::NatsConnection> reader_;
  std::unique_ptr<v1::GovernanceService::Stub> gov_;
  std::unique_ptr<v1::PlansService::Stub> plans_;
};

TEST_P(GovernanceServiceTest, PlanGoesThroughItsLifecycleAtHeldMeetingsAndPublishesEachStep) {
  // The workstreams service sets up the plan's workstreams once it is approved.
  absl::StatusOr<std::string> workstreams_url = wp::testing::TestStoreUrl(GetParam(), "workstreams");
  ASSERT_TRUE(workstreams_url.ok()) << workstreams_url.status();
  workstreams_ = Start(WP_WORKSTREAMS_BIN, wp::testing::MakeTempDir("wp-workstreams"), *workstreams_url);
  ASSERT_NE(workstreams_, nullptr);
  auto tracker = wp::workstreams::v1::WorkstreamsService::NewStub(workstreams_->channel());
  auto tracker_workstreams = [&]() -> std::vector<std::string> {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    wp::workstreams::v1::ListWorkstreamsRequest request;
    request.set_plan_period("2022-23");
    wp::workstreams::v1::ListWorkstreamsResponse response;
    std::vector<std::string> titles;
    if (!tracker->ListWorkstreams(&ctx, request, &response).ok()) return titles;
    for (const auto& ws : response.workstreams()) titles.push_back(ws.title());
    return titles;
  };
  SeatBoardAndCommittee();
  ASSERT_TRUE(CreatePlan("2022-23", "2022-23").ok());
  auto board = HeldMeeting("board", "director-", Day(2022, 6, 14));
  ASSERT_TRUE(board.ok()) << board.status();
  EXPECT_EQ(board->state(), v1::Meeting::HELD);
  EXPECT_EQ(board->quorum().members_present(), 5);

  v1::RecordDecisionRequest decide;
  decide.set_parent(board->name());
  decide.mutable_decision()->set_text("The Board approved the 2022-23 plan.");
  decide.mutable_decision()->set_outcome(v1::Decision::AGREED);
  decide.mutable_decision()->set_plan("plans/2022-23");
  auto decision = Run<v1::Decision>([&](grpc::ClientContext* ctx, v1::Decision* out) {
    return Gov().RecordDecision(ctx, decide, out);
  });
  ASSERT_TRUE(decision.ok()) << decision.status();

  v1::ApprovePlanRequest approve;
  approve.set_name("plans/2022-23");
  approve.set_meeting(board->name());
  approve.set_decision(decision->name());
  auto approved = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().ApprovePlan(ctx, approve, out);
  });
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->state(), v1::Plan::BOARD_APPROVED);
  ASSERT_EQ(approved->steps_size(), 1);
  EXPECT_EQ(approved->steps(0).meeting(), board->name());
  EXPECT_EQ(approved->steps(0).recorded_by(), "integration-test");

  // Approving again is a step out of order.
  approve.clear_decision();
  auto again = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().ApprovePlan(ctx, approve, out);
  });
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition) << again.status();
  EXPECT_TRUE(Eventually([&] { return tracker_workstreams().size() == 3; }))
      << "the approved plan's workstreams never reached the workstreams service";
  EXPECT_EQ(tracker_workstreams().front(), "Wellbeing for Learning");

  // Endorsement needs a Committee meeting, not a Board one.
  v1::EndorsePlanRequest endorse;
  endorse.set_name("plans/2022-23");
  endorse.set_meeting(board->name());
  auto wrong_body = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().EndorsePlan(ctx, endorse, out);
  });
  EXPECT_EQ(wrong_body.status().code(), absl::StatusCode::kFailedPrecondition);
  auto committee = HeldMeeting("regional-education-committee", "convener-", Day(2022, 6, 21));
  ASSERT_TRUE(committee.ok()) << committee.status();
  endorse.set_meeting(committee->name());
  auto endorsed = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().EndorsePlan(ctx, endorse, out);
  });
  ASSERT_TRUE(endorsed.ok()) << endorsed.status();
  EXPECT_EQ(endorsed->state(), v1::Plan::COMMITTEE_ENDORSED);

  v1::ActivatePlanRequest activate;
  activate.set_name("plans/2022-23");
  auto active = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().ActivatePlan(ctx, activate, out);
  });
  ASSERT_TRUE(active.ok()) << active.status();
  EXPECT_EQ(active->state(), v1::Plan::ACTIVE);
  EXPECT_EQ(active->steps_size(), 3);

  for (const char* type : {"wp.governance.meeting.held", "wp.governance.decision.recorded",
                           "wp.governance.plan.approved", "wp.governance.plan.endorsed",
                           "wp.governance.plan.activated"}) {
    EXPECT_TRUE(Eventually([&] { return Published(type); })) << type << " never reached the bus";
  }
}

TEST_P(GovernanceServiceTest, MeetingShortOfQuorumStaysScheduled) {
  SeatBoardAndCommittee();
  auto meeting = Schedule("board", Day(2022, 9, 6));
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  auto held = Hold(*meeting, {"director-edc", "director-gcc"});
  EXPECT_EQ(held.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(held.status().message().find("quorum not met"), std::string::npos) << held.status();
  v1::GetMeetingRequest get;
  get.set_name(meeting->name());
  auto stored = Run<v1::Meeting>([&](grpc::ClientContext* ctx, v1::Meeting* out) {
    return Gov().GetMeeting(ctx, get, out);
  });
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->state(), v1::Meeting::SCHEDULED);
  // Someone who is not a member cannot be recorded as present.
  ASSERT_TRUE(CreatePerson("guest", "A Guest", "").ok());
  auto guest = Hold(*meeting, {"director-edc", "guest"});
  EXPECT_EQ(guest.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(guest.status()).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(guest.status())[0].field, "attendance.present[1]");
}

TEST_P(GovernanceServiceTest, BadRequestsNameTheFieldAndChangeNothing) {
  v1::CreatePlanRequest request;
  request.set_plan_id("Bad Id");
  request.mutable_plan()->set_session_span("2022-2023");
  auto plan = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().CreatePlan(ctx, request, out);
  });
  ASSERT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  std::set<std::string> fields;
  for (const auto& v : FieldViolationsOf(plan.status())) fields.insert(v.field);
  EXPECT_TRUE(fields.count("plan_id")) << plan.status();
  EXPECT_TRUE(fields.count("plan.session_span")) << plan.status();
  EXPECT_TRUE(fields.count("plan.title")) << plan.status();

  v1::GetPlanRequest get;
  get.set_name("plans/2030-31");
  auto missing = Run<v1::Plan>([&](grpc::ClientContext* ctx, v1::Plan* out) {
    return Plans().GetPlan(ctx, get, out);
  });
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);

  v1::ListPlansRequest list;
  auto plans = Run<v1::ListPlansResponse>([&](grpc::ClientContext* ctx, v1::ListPlansResponse* out) {
    return Plans().ListPlans(ctx, list, out);
  });
  ASSERT_TRUE(plans.ok());
  EXPECT_EQ(plans->plans_size(), 0);
}

TEST_P(GovernanceServiceTest, BudgetSummaryIsServedFromRedisAndNeverStale) {
  ASSERT_TRUE(CreatePlan("2022-23", "2022-23").ok());
  ASSERT_TRUE(CreateCoachingLine().ok());
  v1::GetBudgetSummaryRequest summary_request;
  summary_request.set_plan("plans/2022-23");
  auto summary = [&] {
    return Run<v1::BudgetSummary>([&](grpc::ClientContext* ctx, v1::BudgetSummary* out) {
      return Plans().GetBudgetSummary(ctx, summary_request, out);
    });
  };
  auto first = summary();
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->total().allocated_pence(), 5000000);
  EXPECT_EQ(CachedKeys("wp:governance:budget_summary:*").size(), 1u);

  // A spend is in the very next answer: the change moved the generation.
  v1::RecordSpendRequest spend;
  spend.set_name("plans/2022-23/budgetLines/coaching");
  spend.set_amount_pence(123450);
  spend.set_description("Coaching sessions, first cohort");
  *spend.mutable_spent_on() = Day(2022, 10, 3);
  ASSERT_TRUE((Run<v1::BudgetLine>([&](grpc::ClientContext* ctx, v1::BudgetLine* out) {
                 return Plans().RecordSpend(ctx, spend, out);
               }).ok()));
  auto second = summary();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total().spent_pence(), 123450);
  EXPECT_EQ(second->total().available_pence(), 5000000 - 123450);

  // Overspending is refused and changes nothing.
  spend.set_amount_pence(5000000);
  auto over = Run<v1::BudgetLine>([&](grpc::ClientContext* ctx, v1::BudgetLine* out) {
    return Plans().RecordSpend(ctx, spend, out);
  });
  EXPECT_EQ(over.status().code(), absl::StatusCode::kFailedPrecondition);

  // Without Redis the summary is computed, not refused.
  redis_.Stop();
  auto without_redis = summary();
  ASSERT_TRUE(without_redis.ok()) << without_redis.status();
  EXPECT_EQ(without_redis->total().spent_pence(), 123450);
}

// A retried spend (same request id) spends nothing more, and the answer's
// trailing metadata says which movement the first call recorded, so a
// client can say "already recorded" instead of reading it as a second spend.
TEST_P(GovernanceServiceTest, ARetriedSpendSaysWhatWasRecordedBefore) {
  ASSERT_TRUE(CreatePlan("2022-23", "2022-23").ok());
  ASSERT_TRUE(CreateCoachingLine().ok());
  v1::RecordSpendRequest spend;
  spend.set_name("plans/2022-23/budgetLines/coaching");
  spend.set_amount_pence(80000);
  spend.set_description("Coach fees, first cohort");
  *spend.mutable_spent_on() = Day(2022, 10, 3);
  spend.set_request_id("spend-coach-fees-1");
  auto send = [&](std::string* replay_of) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::BudgetLine out;
    grpc::Status s = Plans().RecordSpend(&ctx, spend, &out);
    const auto& trailing = ctx.GetServerTrailingMetadata();
    auto it = trailing.find("wp-replay-of");
    *replay_of = it == trailing.end() ? "" : std::string(it->second.data(), it->second.size());
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  };
  std::string first_replay;
  const v1::BudgetLine first = send(&first_replay);
  EXPECT_EQ(first_replay, "");  // made now
  EXPECT_EQ(first.spent_pence(), 80000);

  std::string again_replay;
  const v1::BudgetLine again = send(&again_replay);
  EXPECT_EQ(again.spent_pence(), 80000);  // not spent twice
  v1::ListBudgetMovementsRequest ledger;
  ledger.set_parent("plans/2022-23/budgetLines/coaching");
  auto movements = Run<v1::ListBudgetMovementsResponse>(
      [&](grpc::ClientContext* ctx, v1::ListBudgetMovementsResponse* out) {
        return Plans().ListBudgetMovements(ctx, ledger, out);
      });
  ASSERT_TRUE(movements.ok()) << movements.status();
  ASSERT_EQ(movements->movements_size(), 2);  // the opening allocation and one spend
  EXPECT_EQ(again_replay, movements->movements(1).name());

  // A different request id is a second spend, and says nothing of replays.
  spend.set_request_id("spend-coach-fees-2");
  std::string second_replay;
  EXPECT_EQ(send(&second_replay).spent_pence(), 160000);
  EXPECT_EQ(second_replay, "");
}

TEST_P(GovernanceServiceTest, MeetingPackIsCachedAndShowsEveryNewAction) {
  ASSERT_TRUE(CreatePerson("ric-lead", "RIC Lead", "").ok());
  auto meeting = Schedule("implementation-group", Day(2031, 3, 4));
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  v1::GetMeetingPackRequest pack_request;
  pack_request.set_name(meeting->name());
  auto pack = [&] {
    return Run<v1::MeetingPack>([&](grpc::ClientContext* ctx, v1::MeetingPack* out) {
      return Gov().GetMeetingPack(ctx, pack_request, out);
    });
  };
  auto first = pack();
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->open_actions_size(), 0);
  EXPECT_EQ(CachedKeys("wp:governance:meeting_pack:*").size(), 1u);

  v1::CreateActionRequest action;
  action.set_parent("bodies/implementation-group");
  action.mutable_action()->set_description("Circulate the progress report on the plan");
  action.mutable_action()->set_owner("people/ric-lead");
  *action.mutable_action()->mutable_due_date() = Day(2031, 2, 1);
  ASSERT_TRUE((Run<v1::Action>([&](grpc::ClientContext* ctx, v1::Action* out) {
                 return Gov().CreateAction(ctx, action, out);
               }).ok()));
  auto second = pack();
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->open_actions_size(), 1);
  // Judged on the meeting date: due a month before it.
  EXPECT_TRUE(second->open_actions(0).overdue());
}

TEST_P(GovernanceServiceTest, OverdueActionIsPublishedOnceByTheWatch) {
  ASSERT_TRUE(CreatePerson("spo", "Senior Partnership Officer", "").ok());
  v1::CreateActionRequest action;
  action.set_parent("bodies/board");
  action.mutable_action()->set_description("Report the interim evaluation to the Board");
  action.mutable_action()->set_owner("people/spo");
  *action.mutable_action()->mutable_due_date() = Day(2022, 1, 10);
  auto created = Run<v1::Action>([&](grpc::ClientContext* ctx, v1::Action* out) {
    return Gov().CreateAction(ctx, action, out);
  });
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(created->overdue());
  EXPECT_TRUE(Eventually([&] { return Published("wp.governance.action.overdue"); }));
  absl::SleepFor(absl::Seconds(2));  // two more checks: nothing new to publish
  const std::vector<std::string> types = EventTypes();
  EXPECT_EQ(std::count(types.begin(), types.end(), "wp.governance.action.overdue"), 1);
}

TEST_P(GovernanceServiceTest, AcknowledgedChangesAndTheirEventsSurviveACrash) {
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(CreatePerson(absl::StrCat("person-", i), absl::StrCat("Person ", i), "").ok());
  }
  governance_->Kill();
  governance_ = Start(WP_GOVERNANCE_BIN, data_dir_, store_url_, {"--overdue_check_seconds=1"});
  ASSERT_NE(governance_, nullptr);
  Restarted();
  v1::ListPeopleRequest list;
  list.set_query("Person");
  auto people = Run<v1::ListPeopleResponse>([&](grpc::ClientContext* ctx, v1::ListPeopleResponse* out) {
    return Gov().ListPeople(ctx, list, out);
  });
  ASSERT_TRUE(people.ok()) << people.status();
  EXPECT_EQ(people->people_size(), 10);
  // Each change published exactly once, also those in the outbox at the crash.
  EXPECT_TRUE(Eventually([&] { return EventTypes().size() == 10; })) << EventTypes().size();
}

TEST_P(GovernanceServiceTest, WorkstreamsShowBoardSponsorsFromGovernanceEvents) {
  absl::StatusOr<std::string> workstreams_url = wp::testing::TestStoreUrl(GetParam(), "workstreams");
  ASSERT_TRUE(workstreams_url.ok()) << workstreams_url.status();
  workstreams_ = Start(WP_WORKSTREAMS_BIN, wp::testing::MakeTempDir("wp-workstreams"), *workstreams_url);
  ASSERT_NE(workstreams_, nullptr);
  auto tracker = wp::workstreams::v1::WorkstreamsService::NewStub(workstreams_->channel());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    wp::workstreams::v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2022-23");
    request.mutable_workstream()->set_number(1);
    request.mutable_workstream()->set_title("Wellbeing for Learning");
    wp::workstreams::v1::Workstream ws;
    ASSERT_TRUE(tracker->CreateWorkstream(&ctx, request, &ws).ok());
  }
  auto sponsors = [&]() -> std::vector<std::string> {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    wp::workstreams::v1::GetWorkstreamRequest request;
    request.set_name("planPeriods/2022-23/workstreams/1");
    wp::workstreams::v1::Workstream ws;
    std::vector<std::string> names;
    if (!tracker->GetWorkstream(&ctx, request, &ws).ok()) return names;
    for (const auto& s : ws.sponsors()) names.push_back(s.display_name());
    return names;
  };
  EXPECT_TRUE(sponsors().empty());

  ASSERT_TRUE(CreatePlan("2022-23", "2022-23").ok());
  ASSERT_TRUE(CreatePerson("director-inv", "Director of Education, Inverclyde", "INV").ok());
  ASSERT_TRUE(Seat("board", "director-inv", v1::Membership::DIRECTOR, "INV").ok());
  ASSERT_TRUE(CreatePerson("spo", "Senior Partnership Officer", "").ok());
  ASSERT_TRUE(Seat("board", "spo", v1::Membership::SENIOR_PARTNERSHIP_OFFICER, "", /*advisory=*/true).ok());

  v1::AssignSponsorRequest assign;
  assign.set_parent("plans/2022-23");
  assign.mutable_sponsorship()->set_workstream_number(1);
  assign.mutable_sponsorship()->set_sponsor("people/director-inv");
  *assign.mutable_sponsorship()->mutable_start_date() = Day(2022, 8, 16);
  auto sponsorship = Run<v1::Sponsorship>([&](grpc::ClientContext* ctx, v1::Sponsorship* out) {
    return Plans().AssignSponsor(ctx, assign, out);
  });
  ASSERT_TRUE(sponsorship.ok()) << sponsorship.status();
  EXPECT_EQ(sponsorship->board_membership(), "bodies/board/memberships/1");
  // An advisory member of the Board cannot sponsor.
  assign.mutable_sponsorship()->set_sponsor("people/spo");
  auto advisory = Run<v1::Sponsorship>([&](grpc::ClientContext* ctx, v1::Sponsorship* out) {
    return Plans().AssignSponsor(ctx, assign, out);
  });
  EXPECT_EQ(advisory.status().code(), absl::StatusCode::kFailedPrecondition);

  EXPECT_TRUE(Eventually([&] {
    return sponsors() == std::vector<std::string>{"Director of Education, Inverclyde"};
  })) << "the workstreams service never showed the sponsor";

  v1::EndSponsorshipRequest end;
  end.set_name(sponsorship->name());
  *end.mutable_end_date() = Day(2023, 6, 30);
  end.set_reason("Director retired");
  ASSERT_TRUE((Run<v1::Sponsorship>([&](grpc::ClientContext* ctx, v1::Sponsorship* out) {
                 return Plans().EndSponsorship(ctx, end, out);
               }).ok()));
  EXPECT_TRUE(Eventually([&] { return sponsors().empty(); })) << "the ended sponsorship still shows";
}

WP_INSTANTIATE_ON_EVERY_ENGINE(GovernanceServiceTest);

}  // namespace
}  // namespace wp::governance
