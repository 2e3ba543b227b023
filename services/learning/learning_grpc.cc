#include "services/learning/learning_grpc.h"

#include "absl/time/clock.h"
#include "libs/authz/serve.h"
#include "services/learning/statistics/statistics_export.h"

namespace wp::learning {

grpc::Status ProgrammesGrpc::CreateProgramme(grpc::ServerContext* ctx, const v1::CreateProgrammeRequest* req,
                                             v1::Programme* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return programmes_.Create(caller, *req, absl::Now()); });
}

grpc::Status ProgrammesGrpc::GetProgramme(grpc::ServerContext* ctx, const v1::GetProgrammeRequest* req,
                                          v1::Programme* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return programmes_.Get(*req); });
}

grpc::Status ProgrammesGrpc::ListProgrammes(grpc::ServerContext* ctx, const v1::ListProgrammesRequest* req,
                                            v1::ListProgrammesResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return programmes_.List(*req); });
}

grpc::Status ProgrammesGrpc::UpdateProgramme(grpc::ServerContext* ctx, const v1::UpdateProgrammeRequest* req,
                                             v1::Programme* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return programmes_.Update(caller, *req, absl::Now()); });
}

grpc::Status ProgrammesGrpc::ScheduleEvent(grpc::ServerContext* ctx, const v1::ScheduleEventRequest* req,
                                           v1::LearningEvent* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return events_.Schedule(caller, *req, absl::Now()); });
}

grpc::Status ProgrammesGrpc::GetEvent(grpc::ServerContext* ctx, const v1::GetEventRequest* req,
                                      v1::LearningEvent* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return events_.Get(*req); });
}

grpc::Status ProgrammesGrpc::ListEvents(grpc::ServerContext* ctx, const v1::ListEventsRequest* req,
                                        v1::ListEventsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return events_.List(*req); });
}

grpc::Status ProgrammesGrpc::UpdateEvent(grpc::ServerContext* ctx, const v1::UpdateEventRequest* req,
                                         v1::LearningEvent* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return events_.Update(caller, *req, absl::Now()); });
}

grpc::Status ProgrammesGrpc::CancelEvent(grpc::ServerContext* ctx, const v1::CancelEventRequest* req,
                                         v1::LearningEvent* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return events_.Cancel(caller, *req, absl::Now()); });
}

grpc::Status ProgrammesGrpc::MarkEventHeld(grpc::ServerContext* ctx, const v1::MarkEventHeldRequest* req,
                                           v1::LearningEvent* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return events_.MarkHeld(caller, *req, absl::Now()); });
}

grpc::Status PractitionersGrpc::CreatePractitioner(grpc::ServerContext* ctx, const v1::CreatePractitionerRequest* req,
                                                   v1::Practitioner* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return practitioners_.Create(caller, *req, absl::Now()); });
}

grpc::Status PractitionersGrpc::GetPractitioner(grpc::ServerContext* ctx, const v1::GetPractitionerRequest* req,
                                                v1::Practitioner* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return practitioners_.Get(*req); });
}

grpc::Status PractitionersGrpc::ListPractitioners(grpc::ServerContext* ctx, const v1::ListPractitionersRequest* req,
                                                  v1::ListPractitionersResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return practitioners_.List(*req); });
}

grpc::Status PractitionersGrpc::UpdatePractitioner(grpc::ServerContext* ctx, const v1::UpdatePractitionerRequest* req,
                                                   v1::Practitioner* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return practitioners_.Update(caller, *req, absl::Now()); });
}

grpc::Status PractitionersGrpc::ExportPractitioner(grpc::ServerContext* ctx, const v1::ExportPractitionerRequest* req,
                                                   v1::PractitionerExport* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return privacy_.Export(*req); });
}

grpc::Status PractitionersGrpc::ErasePractitioner(grpc::ServerContext* ctx, const v1::ErasePractitionerRequest* req,
                                                  v1::ErasePractitionerResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return privacy_.Erase(caller, *req); });
}

grpc::Status PractitionersGrpc::ApplyRetention(grpc::ServerContext* ctx, const v1::ApplyRetentionRequest* req,
                                               v1::ApplyRetentionResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return privacy_.ApplyRetention(caller, *req, absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  });
}

grpc::Status PractitionersGrpc::GetPractitionerAttendance(grpc::ServerContext* ctx,
                                                          const v1::GetPractitionerAttendanceRequest* req,
                                                          v1::PractitionerAttendance* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return practitioners_.Attendance(*req); });
}

grpc::Status RegistrationsGrpc::Register(grpc::ServerContext* ctx, const v1::RegisterRequest* req,
                                         v1::Registration* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return registrations_.Register(caller, *req, absl::Now()); });
}

grpc::Status RegistrationsGrpc::CancelRegistration(grpc::ServerContext* ctx, const v1::CancelRegistrationRequest* req,
                                                   v1::Registration* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return registrations_.Cancel(caller, *req, absl::Now()); });
}

grpc::Status RegistrationsGrpc::GetRegistration(grpc::ServerContext* ctx, const v1::GetRegistrationRequest* req,
                                                v1::Registration* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return registrations_.Get(*req); });
}

grpc::Status RegistrationsGrpc::ListRegistrations(grpc::ServerContext* ctx, const v1::ListRegistrationsRequest* req,
                                                  v1::ListRegistrationsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return registrations_.List(*req); });
}

grpc::Status RegistrationsGrpc::RecordAttendance(grpc::ServerContext* ctx, const v1::RecordAttendanceRequest* req,
                                                 v1::RecordAttendanceResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return registrations_.RecordAttendance(caller, *req, absl::Now());
  });
}

grpc::Status RegistrationsGrpc::ImportAttendance(grpc::ServerContext* ctx, const v1::ImportAttendanceRequest* req,
                                                 v1::ImportAttendanceResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return registrations_.ImportAttendance(caller, *req, absl::Now());
  });
}

grpc::Status EvaluationsGrpc::SubmitEvaluation(grpc::ServerContext* ctx, const v1::SubmitEvaluationRequest* req,
                                               v1::Evaluation* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return evaluations_.Submit(caller, *req, absl::Now()); });
}

grpc::Status EvaluationsGrpc::GetEvaluation(grpc::ServerContext* ctx, const v1::GetEvaluationRequest* req,
                                            v1::Evaluation* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return evaluations_.Get(*req); });
}

grpc::Status EvaluationsGrpc::ListEvaluations(grpc::ServerContext* ctx, const v1::ListEvaluationsRequest* req,
                                              v1::ListEvaluationsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return evaluations_.List(*req); });
}

grpc::Status EvaluationsGrpc::ListNonResponders(grpc::ServerContext* ctx, const v1::ListNonRespondersRequest* req,
                                                v1::ListNonRespondersResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller&) { return evaluations_.ListNonResponders(*req); });
}

grpc::Status EvaluationsGrpc::ImportEvaluations(grpc::ServerContext* ctx, const v1::ImportEvaluationsRequest* req,
                                                v1::ImportEvaluationsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return evaluations_.Import(caller, *req, absl::Now()); });
}

grpc::Status EvaluationsGrpc::ExportSurveySummary(grpc::ServerContext* ctx, const v1::ExportSurveySummaryRequest* req,
                                                  v1::ExportSurveySummaryResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller&) { return evaluations_.ExportSurveySummary(*req); });
}

grpc::Status StatisticsGrpc::GetStatistics(grpc::ServerContext* ctx, const v1::GetStatisticsRequest* req,
                                           v1::Statistics* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) {
    return statistics_.Get(*req, absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  });
}

grpc::Status StatisticsGrpc::ExportStatistics(grpc::ServerContext* ctx, const v1::ExportStatisticsRequest* req,
                                              v1::ExportStatisticsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) {
    return learning::ExportStatistics(statistics_, *req, absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  });
}

}  // namespace wp::learning
