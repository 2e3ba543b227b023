#include "tools/wpctl/governance_views.h"

#include <limits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;
constexpr size_t kLongTitleWidth = 50;  // last column, or role titles naming a council
constexpr size_t kTextWidth = 60;
// A meeting pack is read, not scanned: its texts are shown whole.
constexpr size_t kWhole = std::numeric_limits<size_t>::max();

// "3 people", "1 person".
std::string Count(int n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many, "\n");
}

std::string RoleText(const gov::Membership& m) {
  return m.role_title().empty() ? EnumWord(gov::Membership::Role_descriptor(), m.role())
                                : m.role_title();
}

std::string ShortNames(const google::protobuf::RepeatedPtrField<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names) out.push_back(ShortName(name));
  return absl::StrJoin(out, ", ");
}

std::string MeetingStateWord(gov::Meeting::State state) {
  return EnumWord(gov::Meeting::State_descriptor(), state);
}

// One agenda item: "  3. Title  (presenter)  [decision]" and, indented
// below, what it concerns and its paper.
std::string AgendaItemText(const gov::AgendaItem& item) {
  std::string out = absl::StrCat("  ", item.number(), ". ", OneLine(item.title()));
  if (!item.presenter().empty()) absl::StrAppend(&out, "  (", item.presenter(), ")");
  if (item.decision_required()) out += "  [decision]";
  out += "\n";
  std::vector<std::string> details;
  if (!item.plan().empty()) {
    std::string plan = absl::StrCat("plan ", ShortName(item.plan()));
    if (!item.plan_item_refs().empty()) {
      absl::StrAppend(&plan, ", items ", absl::StrJoin(item.plan_item_refs(), ", "));
    }
    details.push_back(plan);
  }
  if (!item.paper().empty()) details.push_back(absl::StrCat("paper: ", OneLine(item.paper())));
  if (!details.empty()) absl::StrAppend(&out, "     ", absl::StrJoin(details, "; "), "\n");
  return out;
}

std::string AgendaText(const gov::Meeting& meeting) {
  if (meeting.agenda_items().empty()) return "agenda: none\n";
  std::string out = "agenda:\n";
  for (const gov::AgendaItem& item : meeting.agenda_items()) out += AgendaItemText(item);
  return out;
}

std::string DecisionDueText(const gov::DecisionDue& due) {
  std::string what;
  switch (due.kind()) {
    case gov::DecisionDue::AGENDA_ITEM:
      what = absl::StrCat("item ", due.agenda_item());
      break;
    case gov::DecisionDue::PLAN_APPROVAL:
      what = absl::StrCat("approve plan ", ShortName(due.plan()));
      break;
    case gov::DecisionDue::PLAN_ENDORSEMENT:
      what = absl::StrCat("endorse plan ", ShortName(due.plan()));
      break;
    default:
      what = "decide";
  }
  return absl::StrCat("  ", what, ": ", OneLine(due.summary()), "\n");
}

Table ActionsTable(const google::protobuf::RepeatedPtrField<gov::Action>& actions, size_t width) {
  Table table({{"ACTION"}, {"DUE"}, {"STATE"}, {""}, {"OWNER"}, {"DESCRIPTION"}});
  for (const gov::Action& a : actions) {
    const std::string owner =
        a.owner_display_name().empty() ? ShortName(a.owner()) : a.owner_display_name();
    table.AddRow({ShortName(a.name()), DateText(a.due_date()),
                  EnumWord(gov::Action::State_descriptor(), a.state()),
                  a.overdue() ? "OVERDUE" : "", owner, Truncate(OneLine(a.description()), width)});
  }
  return table;
}

Table DecisionsTable(const google::protobuf::RepeatedPtrField<gov::Decision>& decisions,
                     size_t width) {
  Table table({{"DECISION"}, {"DATE"}, {"OUTCOME"}, {"PLAN"}, {"TEXT"}});
  for (const gov::Decision& d : decisions) {
    table.AddRow({ShortName(d.name()), DateText(d.meeting_date()),
                  EnumWord(gov::Decision::Outcome_descriptor(), d.outcome()),
                  d.plan().empty() ? "-" : ShortName(d.plan()),
                  Truncate(OneLine(d.text()), width)});
  }
  return table;
}

}  // namespace

std::string AuthoritiesText(const gov::ListAuthoritiesResponse& response) {
  if (response.authorities().empty()) return "no authorities\n";
  Table table({{"CODE"}, {"AUTHORITY"}, {"COUNCIL"}});
  for (const gov::Authority& a : response.authorities()) {
    table.AddRow({a.code(), a.display_name(), a.council_name()});
  }
  return table.Render();
}

std::string QuintilesText(const google::protobuf::RepeatedPtrField<gov::QuintileCount>& quintiles) {
  std::vector<std::string> parts;
  for (const gov::QuintileCount& q : quintiles) {
    parts.push_back(absl::StrCat("Q", q.quintile(), " ", GroupedNumber(q.establishments())));
  }
  return parts.empty() ? "-" : absl::StrJoin(parts, ", ");
}

std::string PopulationText(const gov::Population& p) {
  return FieldsText({{"name", p.name()},
                     {"authority", ShortName(p.authority())},
                     {"session", p.session()},
                     {"learners", GroupedNumber(p.learners())},
                     {"teachers and practitioners", GroupedNumber(p.teachers_and_practitioners())},
                     {"establishments", GroupedNumber(p.establishments())},
                     {"by SIMD quintile", QuintilesText(p.establishments_by_quintile())},
                     {"source", p.source()},
                     {"updated", TimeText(p.update_time())},
                     {"etag", p.etag()}});
}

std::string RegionPopulationText(const gov::RegionPopulation& r) {
  std::string out =
      FieldsText({{"session", r.session()},
                  {"learners", GroupedNumber(r.learners())},
                  {"teachers and practitioners", GroupedNumber(r.teachers_and_practitioners())},
                  {"establishments", GroupedNumber(r.establishments())},
                  {"by SIMD quintile", QuintilesText(r.establishments_by_quintile())},
                  {"authorities counted", absl::StrJoin(r.authorities_included(), ", ")},
                  {"authorities missing", r.authorities_missing().empty()
                                              ? std::string("none")
                                              : absl::StrJoin(r.authorities_missing(), ", ")}});
  if (!r.authorities_missing().empty()) {
    absl::StrAppend(&out, "warning: ", r.authorities_missing_size(), " of ",
                    r.authorities_missing_size() + r.authorities_included_size(),
                    " authorities have no figures for ", r.session(),
                    "; the totals leave them out\n");
  }
  return out;
}

std::string PeopleText(const gov::ListPeopleResponse& response) {
  if (response.people().empty()) return "no people\n";
  Table table({{"PERSON"}, {"NAME"}, {"AUTHORITY"}, {"ORGANISATION"}});
  for (const gov::Person& p : response.people()) {
    table.AddRow({ShortName(p.name()), p.display_name(),
                  p.authority().empty() ? "-" : p.authority(), p.organisation()});
  }
  return absl::StrCat(table.Render(), Count(response.people_size(), "person", "people"));
}

std::string QuorumText(const gov::QuorumRule& rule) {
  return absl::StrCat(rule.minimum_members(), rule.minimum_members() == 1 ? " member" : " members",
                      rule.chair_required() ? ", chair required" : "");
}

std::string BodiesText(const gov::ListBodiesResponse& response) {
  if (response.bodies().empty()) return "no bodies\n";
  Table table({{"BODY"}, {"TITLE"}, {"CADENCE"}, {"MEMBERS", Align::kRight}, {"QUORUM"}});
  for (const gov::Body& b : response.bodies()) {
    table.AddRow({ShortName(b.name()), Truncate(b.title(), kTitleWidth), b.cadence(),
                  absl::StrCat(b.current_members()), QuorumText(b.quorum_rule())});
  }
  return table.Render();
}

std::string BodyText(const gov::Body& b) {
  return FieldsText({{"name", b.name()},
                     {"kind", EnumWord(gov::Body::Kind_descriptor(), b.kind())},
                     {"title", b.title()},
                     {"description", b.description()},
                     {"cadence", b.cadence()},
                     {"quorum", QuorumText(b.quorum_rule())},
                     {"current members", absl::StrCat(b.current_members())},
                     {"updated", TimeText(b.update_time())},
                     {"etag", b.etag()}});
}

std::string MembershipsText(const gov::ListMembershipsResponse& response) {
  if (response.memberships().empty()) return "no members\n";
  Table table({{"PERSON"}, {"NAME"}, {"ROLE"}, {"AUTHORITY"}, {""}, {"FROM"}, {"TO"}});
  for (const gov::Membership& m : response.memberships()) {
    table.AddRow({ShortName(m.person()), m.person_display_name(),
                  Truncate(RoleText(m), kLongTitleWidth),
                  m.authority().empty() ? "-" : m.authority(), m.advisory() ? "advisory" : "",
                  DateText(m.start_date()), DateText(m.end_date())});
  }
  return absl::StrCat(table.Render(),
                      Count(response.memberships_size(), "membership", "memberships"));
}

std::string MeetingsText(const gov::ListMeetingsResponse& response) {
  if (response.meetings().empty()) return "no meetings\n";
  Table table({{"MEETING"}, {"DATE"}, {"STATE"}, {"DECISIONS", Align::kRight}, {"TITLE"}});
  for (const gov::Meeting& m : response.meetings()) {
    table.AddRow({ShortName(m.name()), DateText(m.meeting_date()), MeetingStateWord(m.state()),
                  absl::StrCat(m.decision_count()), Truncate(m.title(), kLongTitleWidth)});
  }
  return absl::StrCat(table.Render(), Count(response.meetings_size(), "meeting", "meetings"));
}

std::string MeetingText(const gov::Meeting& m) {
  std::vector<Field> fields = {{"name", m.name()},
                               {"title", m.title()},
                               {"date", DateText(m.meeting_date())},
                               {"location", m.location()},
                               {"state", MeetingStateWord(m.state())}};
  if (m.state() == gov::Meeting::CANCELLED)
    fields.push_back({"cancelled because", m.cancel_reason()});
  if (m.state() == gov::Meeting::HELD) {
    const gov::QuorumCheck& q = m.quorum();
    fields.push_back({"quorum", absl::StrCat(q.members_present(), " members present (rule: ",
                                             QuorumText(q.rule()), "), chair ",
                                             q.chair_present() ? "present" : "absent")});
    fields.push_back({"present", ShortNames(m.attendance().present())});
    fields.push_back({"apologies", ShortNames(m.attendance().apologies())});
    fields.push_back({"in attendance", absl::StrJoin(m.attendance().others_present(), "\n")});
  }
  fields.insert(fields.end(), {{"decisions", absl::StrCat(m.decision_count())},
                               {"updated", TimeText(m.update_time())},
                               {"etag", m.etag()}});
  return FieldsText(fields) + AgendaText(m);
}

std::string MeetingPackText(const gov::MeetingPack& pack) {
  const gov::Meeting& m = pack.meeting();
  std::string out =
      absl::StrCat("Meeting pack: ", m.title().empty() ? ShortName(m.name()) : m.title(), " (",
                   ShortName(m.name()), ")\n");
  absl::StrAppend(&out, FieldsText({{"date", DateText(m.meeting_date())},
                                    {"location", m.location()},
                                    {"state", MeetingStateWord(m.state())}}));
  absl::StrAppend(&out, "\n", AgendaText(m));

  if (pack.decisions_due().empty()) {
    out += "\ndecisions due: none\n";
  } else {
    absl::StrAppend(&out, "\ndecisions due (", pack.decisions_due_size(), "):\n");
    for (const gov::DecisionDue& due : pack.decisions_due()) out += DecisionDueText(due);
  }

  if (pack.open_actions().empty()) {
    out += "\nopen actions: none\n";
  } else {
    int overdue = 0;
    for (const gov::Action& a : pack.open_actions()) overdue += a.overdue() ? 1 : 0;
    absl::StrAppend(&out, "\nopen actions (", pack.open_actions_size(), ", ", overdue,
                    " overdue on ", DateText(m.meeting_date()), "):\n",
                    ActionsTable(pack.open_actions(), kWhole).Render());
  }

  if (pack.previous_meeting().empty()) {
    out += "\nmatters arising: no previous meeting\n";
  } else if (pack.previous_decisions().empty()) {
    absl::StrAppend(&out, "\nmatters arising from ", ShortName(pack.previous_meeting()),
                    ": no decisions recorded\n");
  } else {
    absl::StrAppend(&out, "\nmatters arising from ", ShortName(pack.previous_meeting()), ":\n",
                    DecisionsTable(pack.previous_decisions(), kWhole).Render());
  }
  return out;
}

std::string DecisionsText(const gov::ListDecisionsResponse& response) {
  if (response.decisions().empty()) return "no decisions\n";
  return absl::StrCat(DecisionsTable(response.decisions(), kTextWidth).Render(),
                      Count(response.decisions_size(), "decision", "decisions"));
}

std::string ActionsText(const gov::ListActionsResponse& response) {
  if (response.actions().empty()) return "no actions\n";
  return absl::StrCat(ActionsTable(response.actions(), kTextWidth).Render(),
                      Count(response.actions_size(), "action", "actions"));
}

}  // namespace wp::wpctl
