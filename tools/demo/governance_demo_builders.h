// Internal to the governance demo (governance_demo.cc and its parts): the
// bodies and the small builders of its requests, each with the request id a
// second load finds again (ids carry what makes the request unique, so
// loading twice changes nothing).
//
// Thread-safe: pure functions.
#ifndef WP_TOOLS_DEMO_GOVERNANCE_DEMO_BUILDERS_H_
#define WP_TOOLS_DEMO_GOVERNANCE_DEMO_BUILDERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "tools/demo/governance_demo.h"

namespace wp::demo::gov_demo {

inline constexpr char kBoard[] = "bodies/board";
inline constexpr char kCommittee[] = "bodies/regional-education-committee";
inline constexpr char kImplementation[] = "bodies/implementation-group";
inline constexpr char kFinance[] = "bodies/finance-sub-group";

inline constexpr char kPlan2018[] = "plans/2018-21";
inline constexpr char kPlan2020[] = "plans/2020-23";
inline constexpr char kPlan2022[] = "plans/2022-23";

// ---- Days and people ----

common::v1::Date Day(int year, int month, int day);
common::v1::Date DayOf(absl::CivilDay day);
// "2022-03-01".
std::string DayText(const common::v1::Date& d);
// "Jane O'Neil" -> "jane-o-neil": the person ids the demo uses.
std::string PersonId(absl::string_view display_name);
// "people/jane-o-neil".
std::string Person(absl::string_view display_name);

// ---- Meetings ----

gv1::AgendaItem Item(int number, const char* title, std::string presenter, bool decision = false,
                     const char* plan = "", std::vector<const char*> refs = {}, const char* paper = "");
GovMeeting MakeMeeting(std::string key, const char* body, const common::v1::Date& date, std::string title,
                       const char* location, std::vector<gv1::AgendaItem> agenda);
// Marks `m` held with these members present (display names) and apologies.
void Held(GovMeeting& m, const std::vector<std::string>& present, const std::vector<std::string>& apologies,
          const std::vector<std::string>& others);
// Records a decision at `m`; its key is "<meeting key>/<suffix>".
std::string Decide(GovMeeting& m, const char* suffix, int agenda_item, const char* text,
                   gv1::Decision::Outcome outcome, const char* plan = "", std::vector<const char*> refs = {});
GovPlanStep Step(const char* plan, gv1::Plan::State to, std::string meeting_key, std::string decision_key);
GovAction MakeAction(const char* key, const char* body, GovAt at, const char* description, const char* owner,
                     std::optional<common::v1::Date> due, gv1::Action::State state, const char* notes = "",
                     std::optional<common::v1::Date> completed = std::nullopt);
// "Board, December 2026".
std::string MonthTitle(const char* body_title, absl::CivilDay day);

// ---- Plans ----

gv1::CreatePlanRequest MakePlan(const char* span, const char* title, const char* theme, const char* vision,
                                std::vector<const char*> priorities);
void AddWorkstream(gv1::Plan* plan, int number, const std::string& title);
// An ACTIVE project.
void AddProject(gv1::Plan* plan, int workstream, const char* id, const char* title, const char* description);
// The workstreams demo_data.h loads into the workstreams service for `period`.
void AddDemoWorkstreams(gv1::Plan* plan, const std::string& period);

// ---- Budget ----

// A line of `plan` for `financial_year`, approved by the Finance Sub-Group.
gv1::CreateBudgetLineRequest LineOf(const std::string& plan, const std::string& financial_year,
                                    const std::string& id, int workstream, const char* project, const char* title,
                                    int64_t pounds);
// A spend on `line` of `plan`; its request id carries the reference.
gv1::RecordSpendRequest SpendOn(const std::string& plan, const std::string& line, int64_t pence,
                                const char* description, const common::v1::Date& day,
                                const std::string& reference);

}  // namespace wp::demo::gov_demo

#endif  // WP_TOOLS_DEMO_GOVERNANCE_DEMO_BUILDERS_H_
