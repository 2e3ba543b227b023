// The rules of project action plans, free of I/O: names, which project
// statuses put tasks on hold, what a valid action plan (outcomes,
// participants, notes) looks like, and how participants are written as one
// line of text (in a CSV cell, and in the store).
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_RULES_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_RULES_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {

inline constexpr int kMaxExpectedOutcomes = 20;
inline constexpr size_t kMaxOutcomeBytes = 1000;
inline constexpr int kMaxParticipants = 50;
inline constexpr size_t kMaxParticipantBytes = 200;
inline constexpr size_t kMaxProjectNotesBytes = 4000;
inline constexpr size_t kMaxTaskTextBytes = 4000;  // resources, plan notes

// "planPeriods/2020-23/projects/executive-coaching".
std::string ProjectName(absl::string_view period, absl::string_view project_id);
// Splits a project name; INVALID_ARGUMENT naming `field` otherwise.
absl::Status ParseProjectName(absl::string_view name, absl::string_view field, std::string* period,
                              std::string* project_id);
// A project given as its id or its name within `period`: the id, or
// INVALID_ARGUMENT naming `field` (a name of another period included).
absl::StatusOr<std::string> ProjectIdIn(absl::string_view period, absl::string_view id_or_name,
                                        absl::string_view field);

// PAUSED and WITHDRAWN projects' open tasks are on hold: never overdue or stale.
bool IsOnHold(v1::ProjectStatus status);
// "Active", "Prioritised", "Paused", "Withdrawn"; "" for unspecified.
absl::string_view ProjectStatusWord(v1::ProjectStatus status);

// Checks the action plan fields of `project` (outcomes, participants,
// notes); every violation at once, fields named under `prefix` ("project").
absl::Status ValidateActionPlan(const v1::Project& project, absl::string_view prefix);

// A participant as one line: "role: Headteachers (all eight authorities)",
// "person: Fiona Muir (Inverclyde)", "organisation: Education Scotland".
// The kind may be left out for a role; the organisation in brackets at the
// end is optional.
std::string ParticipantText(const v1::Participant& participant);
// The reverse; INVALID_ARGUMENT saying why for text that is not one.
absl::StatusOr<v1::Participant> ParseParticipant(absl::string_view text);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_RULES_H_
