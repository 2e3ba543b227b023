#include "services/learning/access_policy.h"

#include <string>

namespace wp::learning {

authz::RoleTable AccessPolicy() {
  auto programmes = [](const char* method) { return std::string("/wp.learning.v1.ProgrammesService/") + method; };
  auto practitioners = [](const char* method) { return std::string("/wp.learning.v1.PractitionersService/") + method; };
  auto registrations = [](const char* method) { return std::string("/wp.learning.v1.RegistrationsService/") + method; };
  auto evaluations = [](const char* method) { return std::string("/wp.learning.v1.EvaluationsService/") + method; };
  return {
      // The offer (programmes and events, with places taken) holds no
      // personal data: anyone who reads figures may read it; the core team
      // keeps it.
      {programmes("CreateProgramme"), authz::Writers()},
      {programmes("UpdateProgramme"), authz::Writers()},
      {programmes("GetProgramme"), authz::AggregateReaders()},
      {programmes("ListProgrammes"), authz::AggregateReaders()},
      {programmes("ScheduleEvent"), authz::Writers()},
      {programmes("UpdateEvent"), authz::Writers()},
      {programmes("CancelEvent"), authz::Writers()},
      {programmes("MarkEventHeld"), authz::Writers()},
      {programmes("GetEvent"), authz::AggregateReaders()},
      {programmes("ListEvents"), authz::AggregateReaders()},
      // Practitioners, their registrations, attendance and answers are
      // person-level (pseudonymous) data: the core team only, reading and
      // writing.
      {practitioners("CreatePractitioner"), authz::Writers()},
      {practitioners("UpdatePractitioner"), authz::Writers()},
      {practitioners("GetPractitioner"), authz::Writers()},
      {practitioners("ListPractitioners"), authz::Writers()},
      // What is kept of a person, and erasing it: admins only.
      {practitioners("ExportPractitioner"), authz::AdminsOnly()},
      {practitioners("ErasePractitioner"), authz::AdminsOnly()},
      {practitioners("ApplyRetention"), authz::AdminsOnly()},
      {registrations("Register"), authz::Writers()},
      {registrations("CancelRegistration"), authz::Writers()},
      {registrations("GetRegistration"), authz::Writers()},
      {registrations("ListRegistrations"), authz::Writers()},
      {registrations("RecordAttendance"), authz::Writers()},
      {evaluations("SubmitEvaluation"), authz::Writers()},
      {evaluations("GetEvaluation"), authz::Writers()},
      {evaluations("ListEvaluations"), authz::Writers()},
      {evaluations("ListNonResponders"), authz::Writers()},
      {registrations("ImportAttendance"), authz::Writers()},
      {evaluations("ImportEvaluations"), authz::Writers()},
      // Figures only, small groups suppressed: dashboards (partner) too.
      {"/wp.learning.v1.StatisticsService/GetStatistics", authz::AggregateReaders()},
      {"/wp.learning.v1.StatisticsService/ExportStatistics", authz::AggregateReaders()},
      // Counts and free text with no practitioner id: every reader (report
      // writers, analysts), but not partner dashboards, as comments are
      // people's own words.
      {evaluations("ExportSurveySummary"), authz::Readers()},
      // One person's attendance: who may read a practitioner.
      {practitioners("GetPractitionerAttendance"), authz::Writers()},
  };
}

}  // namespace wp::learning
