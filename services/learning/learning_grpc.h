// The gRPC layer of the learning service: each method admits the caller
// (authz::Serve: token, policy, request limits), calls its domain class and
// converts the status. No rules here.
#ifndef WP_SERVICES_LEARNING_LEARNING_GRPC_H_
#define WP_SERVICES_LEARNING_LEARNING_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/catalogue/programmes.h"
#include "services/learning/evaluations/evaluations.h"
#include "services/learning/practitioners/practitioners.h"
#include "services/learning/privacy/practitioner_privacy.h"
#include "services/learning/registrations/registrations.h"
#include "services/learning/statistics/cached_statistics.h"
#include "wp/learning/v1/evaluations.grpc.pb.h"
#include "wp/learning/v1/practitioners.grpc.pb.h"
#include "wp/learning/v1/programmes.grpc.pb.h"
#include "wp/learning/v1/registrations.grpc.pb.h"
#include "wp/learning/v1/statistics.grpc.pb.h"

namespace wp::learning {

class ProgrammesGrpc final : public v1::ProgrammesService::Service {
 public:
  ProgrammesGrpc(Programmes& programmes, LearningEvents& events, const authz::CallGuard& guard)
      : programmes_(programmes), events_(events), guard_(guard) {}

  grpc::Status CreateProgramme(grpc::ServerContext* ctx, const v1::CreateProgrammeRequest* req,
                               v1::Programme* resp) override;
  grpc::Status GetProgramme(grpc::ServerContext* ctx, const v1::GetProgrammeRequest* req, v1::Programme* resp) override;
  grpc::Status ListProgrammes(grpc::ServerContext* ctx, const v1::ListProgrammesRequest* req,
                              v1::ListProgrammesResponse* resp) override;
  grpc::Status UpdateProgramme(grpc::ServerContext* ctx, const v1::UpdateProgrammeRequest* req,
                               v1::Programme* resp) override;
  grpc::Status ScheduleEvent(grpc::ServerContext* ctx, const v1::ScheduleEventRequest* req,
                             v1::LearningEvent* resp) override;
  grpc::Status GetEvent(grpc::ServerContext* ctx, const v1::GetEventRequest* req, v1::LearningEvent* resp) override;
  grpc::Status ListEvents(grpc::ServerContext* ctx, const v1::ListEventsRequest* req,
                          v1::ListEventsResponse* resp) override;
  grpc::Status UpdateEvent(grpc::ServerContext* ctx, const v1::UpdateEventRequest* req,
                           v1::LearningEvent* resp) override;
  grpc::Status CancelEvent(grpc::ServerContext* ctx, const v1::CancelEventRequest* req,
                           v1::LearningEvent* resp) override;
  grpc::Status MarkEventHeld(grpc::ServerContext* ctx, const v1::MarkEventHeldRequest* req,
                             v1::LearningEvent* resp) override;

 private:
  Programmes& programmes_;
  LearningEvents& events_;
  const authz::CallGuard& guard_;
};

class PractitionersGrpc final : public v1::PractitionersService::Service {
 public:
  PractitionersGrpc(Practitioners& practitioners, PractitionerPrivacy& privacy, const authz::CallGuard& guard)
      : practitioners_(practitioners), privacy_(privacy), guard_(guard) {}

  grpc::Status CreatePractitioner(grpc::ServerContext* ctx, const v1::CreatePractitionerRequest* req,
                                  v1::Practitioner* resp) override;
  grpc::Status GetPractitioner(grpc::ServerContext* ctx, const v1::GetPractitionerRequest* req,
                               v1::Practitioner* resp) override;
  grpc::Status ListPractitioners(grpc::ServerContext* ctx, const v1::ListPractitionersRequest* req,
                                 v1::ListPractitionersResponse* resp) override;
  grpc::Status UpdatePractitioner(grpc::ServerContext* ctx, const v1::UpdatePractitionerRequest* req,
                                  v1::Practitioner* resp) override;
  grpc::Status ExportPractitioner(grpc::ServerContext* ctx, const v1::ExportPractitionerRequest* req,
                                  v1::PractitionerExport* resp) override;
  grpc::Status ErasePractitioner(grpc::ServerContext* ctx, const v1::ErasePractitionerRequest* req,
                                 v1::ErasePractitionerResponse* resp) override;
  grpc::Status ApplyRetention(grpc::ServerContext* ctx, const v1::ApplyRetentionRequest* req,
                              v1::ApplyRetentionResponse* resp) override;
  grpc::Status GetPractitionerAttendance(grpc::ServerContext* ctx, const v1::GetPractitionerAttendanceRequest* req,
                                         v1::PractitionerAttendance* resp) override;

 private:
  Practitioners& practitioners_;
  PractitionerPrivacy& privacy_;
  const authz::CallGuard& guard_;
};

class RegistrationsGrpc final : public v1::RegistrationsService::Service {
 public:
  RegistrationsGrpc(Registrations& registrations, const authz::CallGuard& guard)
      : registrations_(registrations), guard_(guard) {}

  grpc::Status Register(grpc::ServerContext* ctx, const v1::RegisterRequest* req, v1::Registration* resp) override;
  grpc::Status CancelRegistration(grpc::ServerContext* ctx, const v1::CancelRegistrationRequest* req,
                                  v1::Registration* resp) override;
  grpc::Status GetRegistration(grpc::ServerContext* ctx, const v1::GetRegistrationRequest* req,
                               v1::Registration* resp) override;
  grpc::Status ListRegistrations(grpc::ServerContext* ctx, const v1::ListRegistrationsRequest* req,
                                 v1::ListRegistrationsResponse* resp) override;
  grpc::Status RecordAttendance(grpc::ServerContext* ctx, const v1::RecordAttendanceRequest* req,
                                v1::RecordAttendanceResponse* resp) override;
  grpc::Status ImportAttendance(grpc::ServerContext* ctx, const v1::ImportAttendanceRequest* req,
                                v1::ImportAttendanceResponse* resp) override;

 private:
  Registrations& registrations_;
  const authz::CallGuard& guard_;
};

class EvaluationsGrpc final : public v1::EvaluationsService::Service {
 public:
  EvaluationsGrpc(Evaluations& evaluations, const authz::CallGuard& guard) : evaluations_(evaluations), guard_(guard) {}

  grpc::Status SubmitEvaluation(grpc::ServerContext* ctx, const v1::SubmitEvaluationRequest* req,
                                v1::Evaluation* resp) override;
  grpc::Status GetEvaluation(grpc::ServerContext* ctx, const v1::GetEvaluationRequest* req,
                             v1::Evaluation* resp) override;
  grpc::Status ListEvaluations(grpc::ServerContext* ctx, const v1::ListEvaluationsRequest* req,
                               v1::ListEvaluationsResponse* resp) override;
  grpc::Status ListNonResponders(grpc::ServerContext* ctx, const v1::ListNonRespondersRequest* req,
                                 v1::ListNonRespondersResponse* resp) override;
  grpc::Status ImportEvaluations(grpc::ServerContext* ctx, const v1::ImportEvaluationsRequest* req,
                                 v1::ImportEvaluationsResponse* resp) override;
  grpc::Status ExportSurveySummary(grpc::ServerContext* ctx, const v1::ExportSurveySummaryRequest* req,
                                   v1::ExportSurveySummaryResponse* resp) override;

 private:
  Evaluations& evaluations_;
  const authz::CallGuard& guard_;
};

class StatisticsGrpc final : public v1::StatisticsService::Service {
 public:
  StatisticsGrpc(CachedStatistics& statistics, const authz::CallGuard& guard) : statistics_(statistics), guard_(guard) {}

  grpc::Status GetStatistics(grpc::ServerContext* ctx, const v1::GetStatisticsRequest* req,
                             v1::Statistics* resp) override;
  grpc::Status ExportStatistics(grpc::ServerContext* ctx, const v1::ExportStatisticsRequest* req,
                                v1::ExportStatisticsResponse* resp) override;

 private:
  CachedStatistics& statistics_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_LEARNING_GRPC_H_
