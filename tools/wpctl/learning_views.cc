#include "tools/wpctl/learning_views.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

std::string Pct(double percent) { return absl::StrFormat("%.1f%%", percent); }

std::string Count(int64_t n) { return GroupedNumber(n); }

}  // namespace

absl::StatusOr<learning::StatisticsSplit> ParseStatisticsSplit(absl::string_view text) {
  const std::string word = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (word == "authority") return learning::BY_AUTHORITY;
  if (word == "establishment") return learning::BY_ESTABLISHMENT;
  if (word == "role") return learning::BY_ROLE;
  return absl::InvalidArgumentError(
      absl::StrCat("--by: \"", text, "\" is not one of authority, establishment, role"));
}

std::string StatisticsText(const learning::Statistics& statistics) {
  const learning::Figures& f = statistics.totals();
  std::string reach = Count(f.practitioners_reached());
  if (f.practitioner_population() > 0) {
    absl::StrAppend(&reach, " of ", Count(f.practitioner_population()), " (", Pct(f.reached_percent()), ", ",
                    statistics.population_session(), ")");
  }
  std::vector<Field> fields = {
      {"events", absl::StrCat(Count(f.events()), " (", Count(f.held_events()), " held)")},
      {"registered", Count(f.registered())},
      {"attended", absl::StrCat(Count(f.attended()), " (", Pct(f.attendance_percent()), " of places at held events)")},
      {"no-shows", Count(f.no_shows())},
      {"waiting", Count(f.waiting())},
      {"late cancellations", Count(f.late_cancellations())},
      {"responses", absl::StrCat(Count(f.pre_responses()), " pre, ", Count(f.post_responses()), " post (",
                                 Pct(f.response_percent()), " of attendances)")},
      {"increased knowledge", absl::StrCat(Pct(f.increased_knowledge_percent()), " of ",
                                           Count(f.paired_responses()), " pairs (mean change ",
                                           absl::StrFormat("%+.2f", f.mean_knowledge_change()), ")")},
      {"increased confidence", absl::StrCat(Pct(f.increased_confidence_percent()), " (mean change ",
                                            absl::StrFormat("%+.2f", f.mean_confidence_change()), ")")},
      {"rated excellent", absl::StrCat(Pct(f.excellent_percent()), " of post responses")},
      {"completions", Count(f.completions())},
      {"practitioners reached", reach},
  };
  std::string text = FieldsText(fields);
  if (!statistics.population_missing().empty()) {
    absl::StrAppend(&text, "no population figure for ", statistics.population_session(), ": ",
                    absl::StrJoin(statistics.population_missing(), ", "), "\n");
  }
  if (statistics.splits().empty()) return text;
  Table table({{"key"},
               {"registered", Align::kRight},
               {"attended", Align::kRight},
               {"attendance", Align::kRight},
               {"knowledge up", Align::kRight},
               {"reached", Align::kRight}});
  for (const learning::SplitFigures& s : statistics.splits()) {
    const std::string key = s.key().empty() ? "(none)" : s.key();
    if (s.suppressed()) {
      table.AddRow({key, "<5", "-", "-", "-", "-"});
      continue;
    }
    const learning::Figures& g = s.figures();
    table.AddRow({key, Count(g.registered()), Count(g.attended()), Pct(g.attendance_percent()),
                  Pct(g.increased_knowledge_percent()), Count(g.practitioners_reached())});
  }
  return absl::StrCat(text, "\n", table.Render());
}

std::string LearningEventsText(const std::vector<learning::LearningEvent>& events) {
  Table table({{"start"}, {"event"}, {"status"}, {"places", Align::kRight}, {"waiting", Align::kRight}, {"title"}});
  for (const learning::LearningEvent& e : events) {
    table.AddRow({TimeText(e.start_time()), e.name(),
                  EnumWord(learning::EventStatus_descriptor(), e.status()),
                  absl::StrCat(e.registered(), "/", e.capacity()), Count(e.waiting()), Truncate(OneLine(e.title()), 60)});
  }
  return table.Render();
}

namespace {

// What became of one registration, in a word or two.
std::string OutcomeWords(const learning::PractitionerAttendanceEntry& e) {
  switch (e.state()) {
    case learning::WAITING:
      return "waiting";
    case learning::REGISTRATION_CANCELLED:
      return e.late_cancellation() ? "cancelled late" : "cancelled";
    default:
      break;
  }
  std::string words = e.attendance() == learning::ATTENDED ? "attended"
                      : e.attendance() == learning::ABSENT  ? "absent"
                      : e.event_status() == learning::HELD  ? "no-show"
                                                            : "placed";
  if (e.walk_in()) absl::StrAppend(&words, " (walk-in)");
  return words;
}

}  // namespace

std::string PractitionerAttendanceText(const learning::PractitionerAttendance& attendance) {
  Table entries({{"start"}, {"event"}, {"programme"}, {"outcome"}, {"title"}});
  for (const learning::PractitionerAttendanceEntry& e : attendance.entries()) {
    entries.AddRow({TimeText(e.start_time()), e.event(), e.programme().empty() ? "-" : e.programme(), OutcomeWords(e),
                    Truncate(OneLine(e.event_title()), 50)});
  }
  std::string text = entries.Render();
  if (!attendance.programmes().empty()) {
    Table programmes({{"programme"}, {"places", Align::kRight}, {"attended", Align::kRight}, {"completed"}});
    for (const learning::ProgrammeAttendance& p : attendance.programmes()) {
      std::string completed = p.completed() ? TimeText(p.complete_time()) : "no";
      if (!p.completed() && p.completion_min_events() > 0) {
        absl::StrAppend(&completed, " (needs ", p.completion_min_events(), ")");
      }
      programmes.AddRow({p.programme(), Count(p.events_registered()), Count(p.events_attended()), completed});
    }
    absl::StrAppend(&text, "\n", programmes.Render());
  }
  const learning::PractitionerAttendanceTotals& t = attendance.totals();
  absl::StrAppend(&text, "\n",
                  FieldsText({{"registrations", Count(t.registrations())},
                              {"places", absl::StrCat(Count(t.registered()), " (", Count(t.walk_ins()), " walk-in)")},
                              {"attended", Count(t.attended())},
                              {"no-shows", Count(t.no_shows())},
                              {"waiting", Count(t.waiting())},
                              {"cancelled", absl::StrCat(Count(t.cancelled()), " (", Count(t.late_cancellations()),
                                                         " late)")},
                              {"programmes completed", Count(t.programmes_completed())}}));
  return text;
}

}  // namespace wp::wpctl
