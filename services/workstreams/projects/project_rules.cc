#include "services/workstreams/projects/project_rules.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/utf8_text.h"

namespace wp::workstreams {
namespace {

struct KindWord {
  v1::Participant::Kind kind;
  absl::string_view word;
};
constexpr KindWord kKindWords[] = {
    {v1::Participant::PERSON, "person"},
    {v1::Participant::ROLE, "role"},
    {v1::Participant::ORGANISATION, "organisation"},
};

absl::string_view KindWordOf(v1::Participant::Kind kind) {
  for (const KindWord& k : kKindWords) {
    if (k.kind == kind) return k.word;
  }
  return "role";
}

}  // namespace

std::string ProjectName(absl::string_view period, absl::string_view project_id) {
  return absl::StrCat("planPeriods/", period, "/projects/", project_id);
}

absl::Status ParseProjectName(absl::string_view name, absl::string_view field, std::string* period,
                              std::string* project_id) {
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "planPeriods" || parts[2] != "projects" ||
      !IsValidPlanPeriod(parts[1]) || !fields::IsValidId(parts[3])) {
    return InvalidField(std::string(field),
                        "must be planPeriods/{period}/projects/{id}, like "
                        "planPeriods/2020-23/projects/executive-coaching");
  }
  *period = std::string(parts[1]);
  *project_id = std::string(parts[3]);
  return absl::OkStatus();
}

absl::StatusOr<std::string> ProjectIdIn(absl::string_view period, absl::string_view id_or_name,
                                        absl::string_view field) {
  if (absl::StrContains(id_or_name, '/')) {
    std::string named_period, id;
    absl::Status parsed = ParseProjectName(id_or_name, field, &named_period, &id);
    if (!parsed.ok()) return parsed;
    if (named_period != period) {
      return InvalidField(std::string(field), absl::StrCat("names a project of plan period ", named_period,
                                                           ", not ", period));
    }
    return id;
  }
  if (!fields::IsValidId(id_or_name)) {
    return InvalidField(std::string(field),
                        "must be a project id (2 to 63 of a-z, 0-9 and '-') or a project name");
  }
  return std::string(id_or_name);
}

bool IsOnHold(v1::ProjectStatus status) {
  return status == v1::PROJECT_PAUSED || status == v1::PROJECT_WITHDRAWN;
}

absl::string_view ProjectStatusWord(v1::ProjectStatus status) {
  switch (status) {
    case v1::PROJECT_ACTIVE: return "Active";
    case v1::PROJECT_PRIORITISED: return "Prioritised";
    case v1::PROJECT_PAUSED: return "Paused";
    case v1::PROJECT_WITHDRAWN: return "Withdrawn";
    default: return "";
  }
}

absl::Status ValidateActionPlan(const v1::Project& project, absl::string_view prefix) {
  FieldViolations v;
  const std::string outcomes = absl::StrCat(prefix, ".expected_outcomes");
  if (project.expected_outcomes_size() > kMaxExpectedOutcomes) {
    v.Add(outcomes, absl::StrCat("must hold at most ", kMaxExpectedOutcomes, " outcomes"));
  }
  for (int i = 0; i < project.expected_outcomes_size(); ++i) {
    fields::CheckRequiredLine(project.expected_outcomes(i), absl::StrCat(outcomes, "[", i, "]"),
                              kMaxOutcomeBytes, &v);
  }
  const std::string participants = absl::StrCat(prefix, ".participants");
  if (project.participants_size() > kMaxParticipants) {
    v.Add(participants, absl::StrCat("must hold at most ", kMaxParticipants, " participants"));
  }
  for (int i = 0; i < project.participants_size(); ++i) {
    const v1::Participant& p = project.participants(i);
    const std::string at = absl::StrCat(participants, "[", i, "]");
    if (p.kind() == v1::Participant::KIND_UNSPECIFIED || !v1::Participant::Kind_IsValid(p.kind())) {
      v.Add(at + ".kind", "must be PERSON, ROLE or ORGANISATION");
    }
    fields::CheckRequiredLine(p.name(), at + ".name", kMaxParticipantBytes, &v);
    fields::CheckOptionalLine(p.organisation(), at + ".organisation", kMaxParticipantBytes, &v);
    if (p.kind() == v1::Participant::ORGANISATION && !p.organisation().empty()) {
      v.Add(at + ".organisation", "must be empty for an organisation (its name says it)");
    }
    if (p.organisation().find_first_of("()") != std::string::npos) {
      v.Add(at + ".organisation", "must not hold brackets");
    }
    // The text form brackets the organisation: a name ending in ")" would not read back.
    if (absl::EndsWith(absl::StripTrailingAsciiWhitespace(p.name()), ")")) {
      v.Add(at + ".name", "must not end with \")\"; put the organisation in its own field");
    }
  }
  fields::CheckOptionalText(project.notes(), absl::StrCat(prefix, ".notes"), kMaxProjectNotesBytes, &v);
  return v.ToStatus();
}

std::string ParticipantText(const v1::Participant& participant) {
  std::string text = absl::StrCat(KindWordOf(participant.kind()), ": ", participant.name());
  if (!participant.organisation().empty()) absl::StrAppend(&text, " (", participant.organisation(), ")");
  return text;
}

absl::StatusOr<v1::Participant> ParseParticipant(absl::string_view text) {
  absl::string_view rest = absl::StripAsciiWhitespace(text);
  v1::Participant p;
  p.set_kind(v1::Participant::ROLE);
  for (const KindWord& k : kKindWords) {
    const std::string prefix = absl::StrCat(k.word, ":");
    if (absl::StartsWithIgnoreCase(rest, prefix)) {
      p.set_kind(k.kind);
      rest = absl::StripAsciiWhitespace(rest.substr(prefix.size()));
      break;
    }
  }
  if (absl::EndsWith(rest, ")")) {
    const size_t open = rest.rfind('(');
    if (open == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("participant \"", ShortenText(text, 80), "\": \")\" without \"(\""));
    }
    p.set_organisation(std::string(absl::StripAsciiWhitespace(rest.substr(open + 1, rest.size() - open - 2))));
    rest = absl::StripAsciiWhitespace(rest.substr(0, open));
  }
  p.set_name(std::string(rest));
  if (p.organisation().find_first_of("()") != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("participant \"", ShortenText(text, 80), "\": brackets inside the organisation"));
  }
  if (p.name().empty()) {
    return absl::InvalidArgumentError(absl::StrCat("participant \"", ShortenText(text, 80), "\": no name"));
  }
  if (p.kind() == v1::Participant::ORGANISATION && !p.organisation().empty()) {
    // "organisation: Glasgow City Council (Education Services)": one name.
    p.set_name(absl::StrCat(p.name(), " - ", p.organisation()));
    p.clear_organisation();
  }
  return p;
}

}  // namespace wp::workstreams
