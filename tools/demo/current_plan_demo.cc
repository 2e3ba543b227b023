#include "tools/demo/current_plan_demo.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "tools/demo/demo_calendar.h"

namespace wp::demo {
namespace {

using workstreams::v1::PlanItem;
using workstreams::v1::PlanItemStatus;

PlanItem Row(const std::string& period, const char* ref, const char* task, const char* lead, PlanItemStatus status,
             absl::CivilDay expected) {
  PlanItem item;
  item.set_plan_period(period);
  item.set_ref(ref);
  item.set_task(task);
  item.set_lead(lead);
  item.set_status(status);
  item.mutable_expected_date()->set_year(static_cast<int>(expected.year()));
  item.mutable_expected_date()->set_month(expected.month());
  item.mutable_expected_date()->set_day(expected.day());
  return item;
}

// "March 2027": a timescale by month, as the interim plan's tables wrote them.
std::string MonthOf(absl::CivilDay day) {
  return absl::FormatTime("%B %Y", absl::FromCivil(day, absl::UTCTimeZone()), absl::UTCTimeZone());
}

}  // namespace

std::vector<PlanItem> CurrentPlanItems(absl::CivilDay today) {
  using workstreams::v1::COMPLETE;
  using workstreams::v1::NOT_STARTED;
  using workstreams::v1::ON_TRACK;
  const std::string period = CurrentSession(today);
  return {
      Row(period, "1.1", "Agree one way of measuring attendance and persistent absence across the eight authorities",
          "Lorna Hepburn", COMPLETE, today - 63),
      Row(period, "1.2", "Share what brought persistently absent learners back to class in ten schools",
          "Lorna Hepburn", ON_TRACK, today + 45),
      Row(period, "1.3", "Train a wellbeing lead in every secondary school in counselling skills", "Aidan Cairns",
          ON_TRACK, today - 18),
      Row(period, "2.1", "Start the induction programme for headteachers appointed this session", "Ross McAllister",
          COMPLETE, today - 30),
      Row(period, "2.2", "Match each new headteacher with a mentor from another authority", "Ross McAllister",
          ON_TRACK, today + 75),
      Row(period, "2.3", "Agree the second cohort of executive coaching with the Board", "Carla Ferrie", NOT_STARTED,
          today - 9),
      Row(period, "3.1", "Run writing moderation events for P4 and P7 teachers in every authority", "Niamh Docherty",
          COMPLETE, today - 41),
      Row(period, "3.2", "Record lessons for the senior phase subjects the online school lacks", "Niamh Docherty",
          ON_TRACK, today + 30),
      Row(period, "3.3", "Publish the region's offer of professional learning for the session in one place",
          "Declan Rafferty", NOT_STARTED, today + 120),
  };
}

std::string CurrentActionPlanCsv(absl::CivilDay today) {
  const std::string period = CurrentSession(today);
  // A CSV field with commas or line breaks is quoted; these have none but the outcomes' line breaks.
  return absl::StrCat(
      "\"Numeracy in the broad general education: action plan for ", period, "\",,,,,,,,\n",
      "Project title,Specific tasks,Expected outcomes,Participants,Timescale,Resources,Notes,Responsible,Status\n",
      "Numeracy in the broad general education,Compare the numeracy assessments used from P4 to S3 in each authority,"
      "\"Teachers in every authority judge numeracy against the same standard\nMore learners reach second level "
      "numeracy by the end of P7\",role: Maths and numeracy leads (all eight authorities); role: Principal teachers "
      "of mathematics; organisation: Education Scotland,",
      MonthOf(today - 90), ",Two days of each numeracy lead,Builds on the maths leads network,Niamh Docherty,Complete\n",
      ",Run a moderation day for P7 and S1 teachers in each cluster,,,", MonthOf(today - 45),
      ",Supply cover for two teachers a cluster,Dates to agree with the authorities,Declan Rafferty,On track\n",
      ",Publish a bank of moderated numeracy tasks for third level,,,", MonthOf(today + 60),
      ",Web editor time,,Declan Rafferty,On track\n",
      ",Ask the teachers who took part what changed in their teaching,,,", MonthOf(today + 150),
      ",Evaluation lead: three days,,Niamh Docherty,Not started\n",
      ",Report progress to the maths and numeracy leads network each term,,,Ongoing,,,Declan Rafferty,On track\n");
}

}  // namespace wp::demo
